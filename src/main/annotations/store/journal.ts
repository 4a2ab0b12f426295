// The journal format: one JSON record per line, checksummed. Parsing never throws: a torn last
// line (no newline), invalid and damaged lines are reported, kept aside for preservation, and skipped.

import { ANNOTATION_SCHEMA_VERSION } from '../../../shared/annotations'
import { verifyChecksum, withChecksum } from './checksum'
import { checkRecord, versionOf } from './validate'
import type { JournalRecord, StoreChange } from './types'

const NEWLINE = 0x0a

/** A record with the line it came from. */
export interface JournalLine {
  line: number
  record: JournalRecord
}

/** What a journal file held. */
export interface ParsedJournal {
  records: JournalLine[]
  warnings: string[]
  /** Bytes up to and including the last newline: where the next append must start. */
  goodLength: number
  /** Non-empty lines before `goodLength` (valid or not). */
  lineCount: number
  /** Raw text of lines that could not be used (including a torn last line), for preservation. */
  rejected: string[]
  /** Highest schema version seen on any line, valid or not. */
  newestVersion: number
}

/** The change a record carries, without its version, sequence number and time. */
export function changeOf(record: JournalRecord): StoreChange {
  const change: Partial<JournalRecord> = { ...record }
  delete change.v
  delete change.seq
  delete change.at
  return change as StoreChange
}

/** The journal line of a record: compact JSON with its checksum last, and a newline. */
export function serializeRecord(record: JournalRecord): string {
  return `${JSON.stringify(withChecksum(record))}\n`
}

/** Parses a journal file's bytes; `name` is used in warnings. Never throws. */
export function parseJournal(bytes: Uint8Array, name: string): ParsedJournal {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const goodLength = buffer.lastIndexOf(NEWLINE) + 1
  const result: ParsedJournal = {
    records: [],
    warnings: [],
    goodLength,
    lineCount: 0,
    rejected: [],
    newestVersion: 0
  }
  const lines = buffer.subarray(0, goodLength).toString('utf8').split('\n')
  lines.pop() // the empty string after the last newline
  lines.forEach((raw, index) => {
    const text = raw.trim()
    if (text === '') return
    result.lineCount++
    const problem = parseLine(text, index + 1, result)
    if (problem !== undefined) {
      result.warnings.push(`${name} line ${index + 1}: ${problem}; the line was skipped`)
      result.rejected.push(raw)
    }
  })
  if (goodLength < buffer.length) {
    const tail = buffer.subarray(goodLength).toString('utf8')
    if (tail.trim() !== '') {
      result.warnings.push(
        `${name} line ${lines.length + 1}: incomplete last line (an interrupted write); ignored`
      )
      result.rejected.push(tail)
    }
  }
  return result
}

function parseLine(text: string, line: number, into: ParsedJournal): string | undefined {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return `invalid JSON (${(error as Error).message})`
  }
  // Lines without a checksum were written before checksums existed and are taken as they are.
  const { value, status } = verifyChecksum(json)
  // A newer app may sum differently, so its version is believed even on a mismatch: at worst a
  // damaged digit opens the briefing read-only, which loses nothing.
  const version = versionOf(value)
  if (version !== undefined) into.newestVersion = Math.max(into.newestVersion, version)
  const checked = checkRecord(value)
  if (!checked.ok) {
    return version !== undefined && version > ANNOTATION_SCHEMA_VERSION
      ? `written by a newer version (schema ${version}) and not understood`
      : `invalid record (${checked.message})`
  }
  if (status === 'damaged') return 'checksum mismatch (the line was damaged on disk)'
  into.records.push({ line, record: checked.value })
  return undefined
}
