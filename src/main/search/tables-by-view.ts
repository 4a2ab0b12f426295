// Which ViewTables serve which search view: made ahead of the view's first query, handed on to a
// view made from it by difference, or made by a query that comes first. Held weakly: a replaced
// view's tables go with it.

import type { IndexedSection } from './section-index'
import { numberInSlices } from './section-numbering'
import type { SearchView } from './text-search'
import type { TimeSlice } from '../time-slice'
import { ViewTables } from './view-tables'

const tables = new WeakMap<SearchView, ViewTables>()

/**
 * The tables of `view` made ahead of its first query, its sections numbered in slices (at 200k
 * sections, numbering them in one go held the index process for ~75 ms during a start).
 * Undefined when `wanted` turns false first; a query that comes first makes them at once.
 */
export async function prepareTables(
  view: SearchView,
  wanted: () => boolean,
  slice?: TimeSlice
): Promise<ViewTables | undefined> {
  const numbering = await numberInSlices(view, wanted, () => tables.has(view), slice)
  if (tables.has(view)) return tables.get(view)
  if (!numbering) return undefined
  const made = new ViewTables(view, numbering)
  tables.set(view, made)
  return made
}

/**
 * Hands the tables of `previous` on to `next` (made from it by difference), extended with the
 * sections `added`: the first query after an import then numbers only those. Answers whether
 * there were tables to hand on.
 */
export function extendTables(
  previous: SearchView,
  next: SearchView,
  added: readonly IndexedSection[]
): boolean {
  const made = tables.get(previous)
  if (!made) return false
  made.extendTo(next, added)
  tables.set(next, made)
  tables.delete(previous)
  return true
}

/** The tables of `view`, made on its first query. */
export function tablesOf(view: SearchView): ViewTables {
  let made = tables.get(view)
  if (!made) {
    made = new ViewTables(view)
    tables.set(view, made)
  }
  return made
}
