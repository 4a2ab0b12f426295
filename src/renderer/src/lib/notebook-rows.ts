// The notebook's list as rows: a heading where each group starts (with the group's count over all
// pages) and the items under it. Pure, so grouping on screen is unit-tested.

import type { NotebookFacet, NotebookItem } from '../../../shared/notebook'

export type NotebookRow =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'item'; key: string; item: NotebookItem }

/** Rows for the items loaded so far (in listing order). */
export function notebookRows(
  items: readonly NotebookItem[],
  groups: readonly NotebookFacet[]
): NotebookRow[] {
  const counts = new Map(groups.map((g) => [g.value, g.count]))
  const rows: NotebookRow[] = []
  let current: string | null = null
  for (const item of items) {
    if (item.groupKey !== current) {
      current = item.groupKey
      rows.push({
        kind: 'group',
        key: `group:${item.groupKey}`,
        label: item.groupLabel,
        count: counts.get(item.groupKey) ?? 0
      })
    }
    // An item listed under two tags appears twice: the key names the group too.
    rows.push({ kind: 'item', key: `${item.groupKey}\u0000${item.id}`, item })
  }
  return rows
}

/** Long notes start collapsed: more than this many characters or lines. */
export const LONG_NOTE_CHARS = 600
export const LONG_NOTE_LINES = 8

export function isLongNote(text: string): boolean {
  return text.length > LONG_NOTE_CHARS || text.split('\n').length > LONG_NOTE_LINES
}
