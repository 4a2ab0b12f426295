// Heights of the notebook's rows for its virtualised list: as last measured on screen (notes
// expand, editors open), an estimate for rows not yet rendered, and the offsets they make.

import type { NotebookRow } from './notebook-rows'
import { layoutRows } from './virtual-window'

/** Guesses for rows never rendered: a heading, an item with a quote and a short note. */
export const GROUP_ESTIMATE = 40
export const ITEM_ESTIMATE = 150

export class RowHeights {
  #measured = $state.raw<Readonly<Record<string, number>>>({})

  /** Top offsets of `rows`, plus the total height as the last entry. */
  offsets(rows: readonly NotebookRow[]): number[] {
    const measured = this.#measured
    return layoutRows(
      rows.map(
        (row) => measured[row.key] ?? (row.kind === 'group' ? GROUP_ESTIMATE : ITEM_ESTIMATE)
      )
    )
  }

  /** The height a row is laid out with now. */
  of(row: NotebookRow): number {
    return this.#measured[row.key] ?? (row.kind === 'group' ? GROUP_ESTIMATE : ITEM_ESTIMATE)
  }

  /** Records measured heights in one update (one relayout per resize batch). */
  record(heights: readonly (readonly [string, number])[]): void {
    const changed = heights.filter(([key, height]) => this.#measured[key] !== height)
    if (changed.length === 0) return
    this.#measured = { ...this.#measured, ...Object.fromEntries(changed) }
  }
}
