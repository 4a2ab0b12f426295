// The profile's counts file (annotations/counts.json): highlights and notes per briefing, each with
// the stamp of the files it was counted from, so listing thousands of briefings stats their files
// instead of reading every store. Versioned and checksummed; a file that cannot be used is rebuilt.

import { checksumOf, verifyChecksum } from './checksum'

export const COUNTS_FILE = 'counts.json'
export const COUNTS_VERSION = 1

/** A briefing's counts and the stamp of its files when they were read (see stampOf). */
export interface CountsEntry {
  stamp: string
  highlights: number
  notes: number
}

/** `newer`: written by a newer app; neither trusted nor overwritten. */
export type CountsRead =
  { kind: 'ok'; entries: Map<string, CountsEntry> } | { kind: 'missing' | 'damaged' | 'newer' }

export function parseCounts(bytes: Uint8Array | undefined): CountsRead {
  if (bytes === undefined) return { kind: 'missing' }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return { kind: 'damaged' }
  }
  // A newer app may sum differently: its version is believed before its checksum.
  const version = (json as { v?: unknown } | null)?.v
  if (typeof version === 'number' && version > COUNTS_VERSION) return { kind: 'newer' }
  const { value, status } = verifyChecksum(json)
  if (status !== 'ok') return { kind: 'damaged' }
  const { v, briefings } = value as { v?: unknown; briefings?: unknown }
  if (v !== COUNTS_VERSION || typeof briefings !== 'object' || briefings === null)
    return { kind: 'damaged' }
  const entries = new Map<string, CountsEntry>()
  for (const [id, entry] of Object.entries(briefings)) {
    const { s, h, n } = (entry ?? {}) as { s?: unknown; h?: unknown; n?: unknown }
    if (typeof s !== 'string' || !isCount(h) || !isCount(n)) return { kind: 'damaged' }
    entries.set(id, { stamp: s, highlights: h, notes: n })
  }
  return { kind: 'ok', entries }
}

export function serializeCounts(entries: ReadonlyMap<string, CountsEntry>): string {
  const briefings: Record<string, { s: string; h: number; n: number }> = {}
  // In id order: the same counts always make the same file.
  for (const id of [...entries.keys()].sort()) {
    const e = entries.get(id)!
    briefings[id] = { s: e.stamp, h: e.highlights, n: e.notes }
  }
  const value = { v: COUNTS_VERSION, briefings }
  return `${JSON.stringify({ ...value, c: checksumOf(value) })}\n`
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0
