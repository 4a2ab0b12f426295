// Facet counts over every annotation hit (by briefing, entity, tag and colour), counted in arrays
// by the table's integer ids. Main merges them with the text's counts and lists the most
// frequent, ties by label, then in the order given: so values sharing a label (two briefings of
// one title) are given in the order a walk over the hits, best first, would meet them.

import type { FacetCount, SearchFacets } from '../../shared/search'
import { Counter } from './facet-counter'
import type { AnnotationTable } from './annotation-table'
import { Counts, Tally } from './annotation-ranking'
import type { Before } from './annotation-ranking'

export interface AnnotationFacetCounts {
  briefing: Counter
  entity: Counter
  tag: Counter
  color: Counter
}

export const noFacets = (): AnnotationFacetCounts => ({
  briefing: new Counter(),
  entity: new Counter(),
  tag: new Counter(),
  color: new Counter()
})

/**
 * The facets shown for text and annotation hits together: each value's text count (the text
 * search lists its top values only) added to its annotation count, the top values of the sums.
 * Takes over `notes`' counters.
 */
export function mergeFacets(text: SearchFacets, notes: AnnotationFacetCounts): SearchFacets {
  const merge = (fromText: FacetCount[], fromNotes: Counter) => {
    for (const { value, label, count } of fromText) fromNotes.add(value, label, count)
    return fromNotes.top()
  }
  return {
    briefing: merge(text.briefing, notes.briefing),
    entity: merge(text.entity, notes.entity),
    tag: merge(text.tag, notes.tag),
    color: notes.color.top()
  }
}

export class AnnotationFacets {
  readonly #table: AnnotationTable
  readonly #before: Before
  readonly #entitiesOf: (section: number) => ReadonlyMap<string, string>
  readonly #sections: Counts
  readonly #tags: Counts
  readonly #colors: Counts
  /** Per briefing: the title of its first hit; whether another hit gave it another title. */
  readonly #title: Int32Array
  #mixedTitles = false

  constructor(
    table: AnnotationTable,
    before: Before,
    entitiesOf: (section: number) => ReadonlyMap<string, string>
  ) {
    this.#table = table
    this.#before = before
    this.#entitiesOf = entitiesOf
    this.#sections = new Counts(table.sections.size)
    this.#tags = new Counts(table.tags.size)
    this.#colors = new Counts(table.colors.size)
    this.#title = new Int32Array(table.briefings.size).fill(-1)
  }

  /** Counts one hit. */
  add(doc: number): void {
    const table = this.#table
    this.#sections.add(table.sectionOf(doc))
    for (const tag of table.tagsOf(doc)) this.#tags.add(tag)
    const color = table.colorOf(doc)
    if (color >= 0) this.#colors.add(color)
    const briefing = table.briefingOf(doc)
    const title = table.titleOf(doc)
    if (this.#title[briefing] === -1) this.#title[briefing] = title
    else if (this.#title[briefing] !== title) this.#mixedTitles = true
  }

  /** The counts; `hits` are the documents counted (walked again should labels be shared). */
  counts(hits: Int32Array, count: number): AnnotationFacetCounts {
    const table = this.#table
    const facets = noFacets()
    for (const n of this.#tags.values) {
      const tag = table.tags.values[n]!
      facets.tag.add(tag, tag, this.#tags.count(n))
    }
    for (const n of this.#colors.values) {
      const color = table.colors.values[n]!
      facets.color.add(color, color, this.#colors.count(n))
    }
    const briefings = new Counts(table.briefings.size)
    const sections = this.#sections
    for (const n of sections.values) briefings.add(table.briefingOfSection(n), sections.count(n))
    const titles = new Set<number>()
    for (const n of briefings.values) {
      const title = this.#title[n]!
      titles.add(title)
      facets.briefing.add(
        table.briefings.values[n]!,
        table.titles.values[title]!,
        briefings.count(n)
      )
    }
    const entities = new Map<string, FacetCount>()
    // An entity named differently in two sections takes the name of its best hit's section.
    let mixedNames = false
    for (const n of sections.values) {
      for (const [id, name] of this.#entitiesOf(n)) {
        const known = entities.get(id)
        if (!known) entities.set(id, { value: id, label: name, count: sections.count(n) })
        else {
          known.count += sections.count(n)
          mixedNames ||= known.label !== name
        }
      }
    }
    for (const { value, label, count } of entities.values()) facets.entity.add(value, label, count)
    const names = new Set([...entities.values()].map((e) => e.label))
    const shared = titles.size < briefings.values.length || names.size < entities.size
    if (this.#mixedTitles || mixedNames || shared) {
      const best = this.#bestOrder(hits, count)
      facets.briefing = best.briefing
      facets.entity = best.entity
    }
    return facets
  }

  /**
   * Briefing and entity counts with their values in the order of their best hits, a label
   * being the title of the briefing's best hit: a second walk over the hits, made only when
   * two values share a label (or a briefing's hits differ in title, an entity's sections in its
   * name), for it compares refs.
   */
  #bestOrder(hits: Int32Array, count: number): Pick<AnnotationFacetCounts, 'briefing' | 'entity'> {
    const table = this.#table
    const sections = new Tally(table.sections.size, this.#before)
    for (let i = 0; i < count; i++) sections.addBest(table.sectionOf(hits[i]!), hits[i]!)
    const briefings = new Tally(table.briefings.size, this.#before)
    for (const n of sections.values) {
      briefings.addBest(table.briefingOfSection(n), sections.best(n), sections.count(n))
    }
    const briefing = new Counter()
    for (const n of briefings.byBest()) {
      const best = table.document(briefings.best(n))!
      briefing.add(best.briefingId, best.briefingTitle, briefings.count(n))
    }
    const entity = new Counter()
    const withEntities = sections.values.filter((n) => this.#entitiesOf(n).size > 0)
    for (const n of sections.byBest(withEntities)) {
      for (const [id, name] of this.#entitiesOf(n)) entity.add(id, name, sections.count(n))
    }
    return { briefing, entity }
  }
}
