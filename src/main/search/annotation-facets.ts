// Facet counts over every annotation hit (by briefing, entity, tag and colour), counted in arrays
// by the table's integer ids. Main merges them with the text's counts and lists the most
// frequent, ties by label, then in the order given: so values sharing a label (two briefings of
// one title) are given in the order a walk over the hits, best first, would meet them.

import type { FacetCount, SearchFacets } from '../../shared/search'
import { Counter } from './facet-counter'
import type { AnnotationTable } from './annotation-table'
import { Counts, Tally } from './annotation-ranking'
import { NumberedFacet } from './numbered-facet'
import type { FacetCounts } from './numbered-facet'
import type { Before } from './annotation-ranking'

export interface AnnotationFacetCounts {
  briefing: FacetCounts
  entity: FacetCounts
  tag: FacetCounts
  color: FacetCounts
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
  const merge = (fromText: FacetCount[], fromNotes: FacetCounts) => {
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

  constructor(
    table: AnnotationTable,
    before: Before,
    entitiesOf: (section: number) => ReadonlyMap<string, string>
  ) {
    this.#table = table
    this.#before = before
    this.#entitiesOf = entitiesOf
  }

  /** The counts over the hits `hits[0]` … `hits[count - 1]`. */
  counts(hits: Int32Array, count: number): AnnotationFacetCounts {
    const table = this.#table
    const facets = noFacets()
    const counted: HitCounts = {
      sections: new Counts(table.sections.size),
      tagLists: new Counts(table.tagLists.length),
      colors: new Counts(table.colors.size),
      titleOf: new Int32Array(table.briefings.size).fill(-1)
    }
    const mixedTitles = countHits(table, hits, count, counted)
    const { sections, tagLists, colors, titleOf } = counted
    // Each list's tags, the lists in the order first met: the order a walk over the hits meets
    // the tags themselves.
    const tags = new Counts(table.tags.size)
    for (const list of tagLists.values) {
      for (const tag of table.tagLists[list]!) tags.add(tag, tagLists.count(list))
    }
    for (const n of tags.values) {
      const tag = table.tags.values[n]!
      facets.tag.add(tag, tag, tags.count(n))
    }
    for (const n of colors.values) {
      const color = table.colors.values[n]!
      facets.color.add(color, color, colors.count(n))
    }
    const briefings = new Counts(table.briefings.size)
    for (const n of sections.values) briefings.add(table.briefingOfSection(n), sections.count(n))
    // Fewer titles than briefings: two share one (the second walk then orders them).
    const titleSeen = new Uint8Array(table.titles.size)
    let titles = 0
    for (const n of briefings.values) {
      const title = titleOf[n]!
      if (titleSeen[title] === 0) titles += 1
      titleSeen[title] = 1
    }
    facets.briefing = new NumberedFacet(
      table.briefings,
      briefings.byValue,
      briefings.values,
      (n) => table.titles.values[titleOf[n]!]!
    )
    const entities = new Map<string, FacetCount>()
    // An entity named differently in two sections takes the name of its best hit's section.
    let mixedNames = false
    for (const n of sections.values) {
      const named = this.#entitiesOf(n)
      if (named.size === 0) continue
      for (const [id, name] of named) {
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
    const shared = titles < briefings.values.length || names.size < entities.size
    if (mixedTitles || mixedNames || shared) {
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

/** What one loop over the hits counts: by section, list of tags and colour. */
interface HitCounts {
  sections: Counts
  tagLists: Counts
  colors: Counts
  /** By briefing: the title of its first hit (-1: none yet). */
  titleOf: Int32Array
}

/**
 * Counts the hits into `into`; answers whether a briefing's hits differ in title. The loop alone
 * (what follows it ran with no type feedback when the loop was compiled on the stack, and V8
 * deoptimised it there, query after query).
 */
function countHits(table: AnnotationTable, hits: Int32Array, count: number, into: HitCounts) {
  const { section, tagList, color, briefing, title } = table.columns
  const { sections, tagLists, colors, titleOf } = into
  let mixedTitles = false
  for (let i = 0; i < count; i++) {
    const doc = hits[i]!
    sections.add(section[doc]!)
    tagLists.add(tagList[doc]!)
    const c = color[doc]!
    if (c >= 0) colors.add(c)
    const b = briefing[doc]!
    const first = titleOf[b]!
    if (first === -1) titleOf[b] = title[doc]!
    else if (first !== title[doc]) mixedTitles = true
  }
  return mixedTitles
}
