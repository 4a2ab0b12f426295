// What the command palette offers: commands by name (with their keys), every briefing by title
// and every section of the open briefing by heading, ranked by the fuzzy matcher.

import type { BriefingDetail, BriefingSummary } from '../../../shared/library'
import { SHORTCUTS, formatKey, keysOf, sequenceOf } from '../../../shared/shortcuts'
import type { ShortcutId } from '../../../shared/shortcuts'
import { fuzzyFilter } from './fuzzy'
import type { FuzzyMatch } from './fuzzy'

export type PaletteItem =
  | { kind: 'command'; key: string; id: ShortcutId; label: string; detail: string }
  | { kind: 'briefing'; key: string; id: string; label: string; detail: string }
  | { kind: 'section'; key: string; index: number; label: string; detail: string }

/** Commands the palette runs; the reading ones only while a briefing is open. */
const COMMANDS: readonly ShortcutId[] = [
  'import-briefings',
  'export-notes',
  'undo',
  'redo',
  'find',
  'back',
  'forward',
  'library',
  'notebook',
  'shortcut-sheet'
]
const READING_COMMANDS: readonly ShortcutId[] = ['next-section', 'previous-section', 'toggle-panel']

export interface PaletteSource {
  library: readonly BriefingSummary[]
  /** The open briefing, when one is shown. */
  open: BriefingDetail | null
  mac: boolean
}

export function paletteItems({ library, open, mac }: PaletteSource): PaletteItem[] {
  const ids = open ? [...COMMANDS, ...READING_COMMANDS] : COMMANDS
  const commands = ids.map((id): PaletteItem => ({
    kind: 'command',
    key: `command:${id}`,
    id,
    label: SHORTCUTS[id].label,
    detail: [...keysOf(id, mac).map((k) => formatKey(k, mac)), sequenceOf(id)]
      .filter(Boolean)
      .join(' · ')
  }))
  const sections = (open?.sections ?? []).map((section, index): PaletteItem => ({
    kind: 'section',
    key: `section:${section.id}`,
    index,
    label: section.heading,
    detail: `Section ${index + 1}`
  }))
  const briefings = library.map((b): PaletteItem => ({
    kind: 'briefing',
    key: `briefing:${b.id}`,
    id: b.id,
    label: b.title,
    detail: b.source
  }))
  return [...commands, ...sections, ...briefings]
}

/** The items matching `query`, best first; with no query, everything in its own order. */
export function rankItems(
  items: readonly PaletteItem[],
  query: string
): { item: PaletteItem; match: FuzzyMatch }[] {
  return fuzzyFilter(items, query, (item) => item.label)
}
