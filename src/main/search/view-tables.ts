// Numbers for the sections and facet values of one search view, made once per view: a query with
// thousands of hits then drops duplicate sections and counts facets in flat arrays rather than
// looking strings up in maps for every hit.

import type { SearchFacets } from '../../shared/ipc-contract'
import { topValues } from './facet-counter'
import type { IndexedSection } from './section-index'
import type { SearchView } from './text-search'

const KINDS = ['briefing', 'entity', 'tag'] as const

export class ViewTables {
  /** Sections are numbered 0 … sectionCount - 1. */
  readonly sectionCount: number
  readonly #view: SearchView
  readonly #serials = new Map<IndexedSection, number>()
  /** Facet value ids of each section, made the first time the section is a hit. */
  readonly #facetsOf: (Int32Array | undefined)[]
  readonly #ids = new Map<string, number>()
  readonly #values: { kind: number; value: string; label: string }[] = []

  constructor(view: SearchView) {
    this.#view = view
    for (const entry of view.sections.values()) this.#serials.set(entry, this.#serials.size)
    this.sectionCount = this.#serials.size
    this.#facetsOf = new Array<Int32Array | undefined>(this.sectionCount)
  }

  /** The section's number, or -1 for a section not in this view. */
  serialOf(entry: IndexedSection): number {
    return this.#serials.get(entry) ?? -1
  }

  /** Facet counts over the hits (sections by number), at most FACET_LIMIT values per facet. */
  countFacets(hits: readonly IndexedSection[], serials: ArrayLike<number>): SearchFacets {
    const idsOfHits = hits.map((entry, i) => this.#facetIds(entry, serials[i]!))
    const counts = new Int32Array(this.#values.length)
    const touched: number[] = []
    for (const ids of idsOfHits) {
      for (const id of ids) {
        if (counts[id] === 0) touched.push(id)
        counts[id]! += 1
      }
    }
    const [briefing, entity, tag] = KINDS.map((_, kind) =>
      topValues(
        touched.filter((id) => this.#values[id]!.kind === kind),
        (id) => counts[id]!,
        (id) => this.#values[id]!.label
      ).map((id) => {
        const { value, label } = this.#values[id]!
        return { value, label, count: counts[id]! }
      })
    )
    return { briefing: briefing!, entity: entity!, tag: tag!, color: [] }
  }

  #facetIds(entry: IndexedSection, serial: number): Int32Array {
    const known = serial >= 0 ? this.#facetsOf[serial] : undefined
    if (known) return known
    const ids: number[] = [this.#id(0, entry.briefing.id, entry.briefing.title)]
    for (const id of entry.entities) {
      const entity = this.#view.entities.get(id)
      if (entity) ids.push(this.#id(1, id, entity.name))
    }
    for (const tag of entry.tags) ids.push(this.#id(2, tag, tag))
    const made = Int32Array.from(ids)
    if (serial >= 0) this.#facetsOf[serial] = made
    return made
  }

  #id(kind: number, value: string, label: string): number {
    const key = `${kind}:${value}`
    let id = this.#ids.get(key)
    if (id === undefined) {
      id = this.#values.length
      this.#values.push({ kind, value, label })
      this.#ids.set(key, id)
    }
    return id
  }
}

const tables = new WeakMap<SearchView, ViewTables>()

/** The tables of `view`, made on its first query. */
export function tablesOf(view: SearchView): ViewTables {
  let made = tables.get(view)
  if (!made) {
    made = new ViewTables(view)
    tables.set(view, made)
  }
  return made
}
