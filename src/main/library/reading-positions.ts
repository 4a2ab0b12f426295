// The profile's reading positions (reading-positions.json): where each briefing was left, kept
// in memory and written whole, atomically, one write at a time. A damaged file starts afresh.

import { join } from 'node:path'

import type { Briefing } from '../../shared/dataset'
import { anchorTarget } from '../../shared/anchoring/anchor'
import { OFFSET_SCALE, positionAt } from '../../shared/reading'
import type { ReadingPosition, SavedPosition } from '../../shared/reading'
import { isPlainObject } from '../../shared/schema'
import { writeFileAtomically } from '../fs/atomic-write'
import type { StoreFs } from '../fs/types'

export const POSITIONS_FILE = 'reading-positions.json'
/** Only the most recently read briefings are remembered, so the file stays small. */
export const MAX_POSITIONS = 2000

export interface ReadingPositions {
  get(briefingId: string): Promise<SavedPosition | null>
  all(): Promise<ReadonlyMap<string, SavedPosition>>
  save(position: ReadingPosition): Promise<void>
  /** Replaces a briefing's position (a new version re-anchored it). */
  move(position: SavedPosition): Promise<void>
}

export function openReadingPositions(
  userDataDir: string,
  fs: StoreFs,
  now: () => Date = () => new Date()
): ReadingPositions {
  const path = join(userDataDir, POSITIONS_FILE)
  let loaded: Promise<Map<string, SavedPosition>> | undefined
  let writing: Promise<void> = Promise.resolve()
  const load = (): Promise<Map<string, SavedPosition>> => (loaded ??= read(fs, path))
  const put = async (position: SavedPosition): Promise<void> => {
    const map = await load()
    map.delete(position.briefingId)
    map.set(position.briefingId, position)
    while (map.size > MAX_POSITIONS) map.delete(map.keys().next().value as string)
    const text = JSON.stringify({ version: 1, positions: [...map.values()] })
    const write = writing.then(() => writeFileAtomically(fs, path, text))
    writing = write.catch(() => undefined)
    await write
  }
  return {
    get: async (id) => (await load()).get(id) ?? null,
    all: load,
    save: (position) => put({ ...position, at: now().toISOString() }),
    move: put
  }
}

async function read(fs: StoreFs, path: string): Promise<Map<string, SavedPosition>> {
  const map = new Map<string, SavedPosition>()
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(await fs.readFile(path)))
  } catch {
    return map // missing or damaged: positions are a convenience, not the analyst's work
  }
  const list = isPlainObject(parsed) && Array.isArray(parsed.positions) ? parsed.positions : []
  const entries = (list as unknown[]).filter(isSavedPosition)
  entries.sort((a, b) => a.at.localeCompare(b.at))
  for (const entry of entries) map.set(entry.briefingId, entry)
  return map
}

function isSavedPosition(value: unknown): value is SavedPosition {
  return (
    isPlainObject(value) &&
    typeof value.briefingId === 'string' &&
    typeof value.sectionId === 'string' &&
    typeof value.at === 'string' &&
    Number.isInteger(value.offset) &&
    (value.offset as number) >= 0 &&
    (value.offset as number) <= OFFSET_SCALE &&
    (value.textOffset === undefined || Number.isInteger(value.textOffset)) &&
    (value.quote === undefined || typeof value.quote === 'string') &&
    (value.prefix === undefined || typeof value.prefix === 'string')
  )
}

/** How far `briefing` has been read at `position`, 0..1 (0 when its section is gone). */
export function progressOf(briefing: Briefing, position: SavedPosition): number {
  const count = briefing.sections.length
  const index = briefing.sections.findIndex((s) => s.id === position.sectionId)
  if (count === 0 || index < 0) return 0
  return Math.min(1, (index + position.offset / OFFSET_SCALE) / count)
}

/**
 * Where `position` falls in the new version `next` of `previous`. A position with a quote is
 * re-anchored like a highlight (src/shared/anchoring) in its section, found by id or else by
 * heading, then in any section; one without, or whose quote is gone, keeps its section by id
 * or heading (with its offset), else goes to the top of the section at the nearest index.
 */
export function reanchorPosition(
  position: SavedPosition,
  previous: Briefing,
  next: Briefing
): SavedPosition {
  const moved = { ...position, briefingId: next.id }
  if (next.sections.length === 0) return moved
  const oldIndex = previous.sections.findIndex((s) => s.id === position.sectionId)
  const heading = previous.sections[oldIndex]?.heading
  const same =
    next.sections.find((s) => s.id === position.sectionId) ??
    next.sections.find((s) => s.heading === heading)
  if (position.quote) {
    const candidates = same ? [same, ...next.sections.filter((s) => s !== same)] : next.sections
    for (const section of candidates) {
      const placed = placeQuote(position, section.text)
      if (placed !== null) {
        return { ...positionAt(next.id, section.id, section.text, placed), at: position.at }
      }
    }
  }
  if (same) {
    if (position.textOffset === undefined) return { ...moved, sectionId: same.id }
    return { ...positionAt(next.id, same.id, same.text, 0), at: position.at }
  }
  const index = Math.min(Math.max(0, oldIndex), next.sections.length - 1)
  const nearest = next.sections[index]
  if (!nearest) return moved
  if (position.textOffset === undefined) return { ...moved, sectionId: nearest.id, offset: 0 }
  return { ...positionAt(next.id, nearest.id, nearest.text, 0), at: position.at }
}

/** Where the position's quote anchors in `text` (exactly, or fuzzily as highlights do). */
function placeQuote(position: SavedPosition, text: string): number | null {
  const quote = position.quote ?? ''
  const start = position.textOffset ?? 0
  const found = anchorTarget(text, {
    briefingId: position.briefingId,
    sectionId: position.sectionId,
    quote: { type: 'TextQuoteSelector', exact: quote, prefix: position.prefix ?? '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + quote.length }
  })
  return found.status === 'anchored' ? found.start : null
}
