// What a cached shard keeps besides its lunr index: the briefings, sections and entities it was
// built from, so a start can answer queries from the cache alone, before the index process has
// read and checked the library files (which takes longer than loading the shards).

import type { Briefing, Entity, Section } from '../../shared/dataset'
import type { LibraryView } from './search-view'
import type { IndexedSection } from './section-index'
import type { LoadedShard } from './text-search'

export interface StoredSections {
  /** The shard's briefings without their sections. */
  briefings: Omit<Briefing, 'sections'>[]
  /** One per lunr document, in ref order: [index into briefings, section]. */
  sections: [number, Section][]
  /** The entities those sections mention. */
  entities: Entity[]
}

/** The stored form of the sections behind `refs` (section refs, in lunr ref order). */
export function storeSections(view: LibraryView, refs: readonly string[]): StoredSections {
  const briefings: Omit<Briefing, 'sections'>[] = []
  const positions = new Map<string, number>()
  const entities = new Map<string, Entity>()
  const sections: [number, Section][] = []
  for (const ref of refs) {
    const entry = view.sections.get(ref)
    if (!entry) continue
    const { briefing, section } = entry
    let position = positions.get(briefing.id)
    if (position === undefined) {
      position = briefings.length
      positions.set(briefing.id, position)
      briefings.push({
        id: briefing.id,
        title: briefing.title,
        source: briefing.source,
        published: briefing.published,
        tags: briefing.tags,
        ...(briefing.summary === undefined ? {} : { summary: briefing.summary })
      })
    }
    sections.push([position, section])
    for (const id of entry.entities) {
      const entity = view.entities.get(id)
      if (entity) entities.set(id, entity)
    }
  }
  return { briefings, sections, entities: [...entities.values()] }
}

/**
 * A search view made from the stored sections of cached shards alone; each briefing counts as
 * current in the shard that stored it. Replaced by the library's own view once it is read.
 */
export function viewOfStored(
  shards: readonly (LoadedShard & { stored?: StoredSections })[]
): LibraryView {
  const view = new StoredView()
  for (const shard of shards) view.add(shard)
  return view.view()
}

/**
 * viewOfStored grown one shard at a time, as a warm start loads them: made again from every
 * shard loaded so far, the views of a start cost the square of its shard count.
 */
export class StoredView {
  readonly #sections = new Map<string, IndexedSection>()
  readonly #hashes = new Map<string, string>()
  readonly #entities = new Map<string, Entity>()
  readonly #sectionCounts = new Map<string, number>()

  add(shard: LoadedShard & { stored?: StoredSections }): void {
    if (!shard.stored) return
    const sections = this.#sections
    for (const entity of shard.stored.entities) this.#entities.set(entity.id, entity)
    const briefings = shard.stored.briefings.map((b) => ({ ...b, sections: [] as Section[] }))
    shard.stored.sections.forEach(([position, section], i) => {
      const briefing = briefings[position]
      const ref = shard.refs[i]
      if (!briefing || ref === undefined || sections.has(ref)) return
      briefing.sections.push(section)
      this.#hashes.set(briefing.id, shard.built.get(briefing.id) ?? '')
      this.#sectionCounts.set(briefing.id, (this.#sectionCounts.get(briefing.id) ?? 0) + 1)
      sections.set(ref, {
        briefing,
        section,
        tags: [...new Set([...section.tags, ...briefing.tags])],
        entities: [...new Set(section.mentions.map((m) => m.entity))]
      })
    })
  }

  /**
   * The view of the shards added so far: a new object each time (caches of a view are kept by
   * object), over tables that later additions extend.
   */
  view(): LibraryView {
    // Nothing is built from this view: building waits for the library's own.
    return {
      sections: this.#sections,
      hashes: this.#hashes,
      entities: this.#entities,
      sectionCounts: this.#sectionCounts,
      documents: () => []
    }
  }
}
