// What a cached shard keeps besides its lunr index: the briefings, sections and entities it was
// built from, so a start can answer queries from the cache alone, before the index process has
// read and checked the library files (which takes longer than loading the shards).

import type { Briefing, Entity, Section } from '../../shared/dataset'
import type { LibraryView } from './search-view'
import { indexedSection, once, type IndexedSection } from './section-index'
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
    // A warm start adds every section of the library here before it counts as searchable: what
    // belongs to a briefing (its tags once each, its hash and count) is done once per briefing.
    const briefingTags = briefings.map((b) => once(b.tags))
    const added = new Int32Array(briefings.length)
    const order: number[] = []
    const { refs, built } = shard
    const { sections: stored } = shard.stored
    for (let i = 0; i < stored.length; i++) {
      const [position, section] = stored[i]!
      const briefing = briefings[position]
      const ref = refs[i]
      if (!briefing || ref === undefined || sections.has(ref)) continue
      briefing.sections.push(section)
      if (added[position] === 0) order.push(position)
      added[position]! += 1
      sections.set(ref, indexedSection(briefing, section, briefingTags[position]!))
    }
    for (const position of order) {
      const { id } = briefings[position]!
      this.#hashes.set(id, built.get(id) ?? '')
      this.#sectionCounts.set(id, (this.#sectionCounts.get(id) ?? 0) + added[position]!)
    }
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

/** Stored sections as a cache file holds them: texts apart, in one string (see packTexts). */
export interface PackedSections extends Omit<StoredSections, 'sections'> {
  sections: [number, Omit<Section, 'text'> & { text?: string }][]
  /** Each section's text length in UTF-16 units within the joined texts; -1: kept in `sections`. */
  textLengths: number[]
}

/** With the u flag a paired surrogate is one code point: only a lone one is in Cs. */
const LONE_SURROGATE = /\p{Cs}/u

/**
 * The sections without their texts, and the texts joined: a start then decodes one string and
 * slices it (V8 keeps slices as views) instead of parsing megabytes of JSON strings. A text that
 * UTF-8 cannot carry exactly (a lone surrogate) stays in its section.
 */
export function packTexts(stored: StoredSections): { packed: PackedSections; texts: string } {
  const textLengths: number[] = []
  const texts: string[] = []
  const sections = stored.sections.map(([position, section]): PackedSections['sections'][0] => {
    if (LONE_SURROGATE.test(section.text)) {
      textLengths.push(-1)
      return [position, section]
    }
    textLengths.push(section.text.length)
    texts.push(section.text)
    const rest: Omit<Section, 'text'> & { text?: string } = { ...section }
    delete rest.text
    return [position, rest]
  })
  return { packed: { ...stored, sections, textLengths }, texts: texts.join('') }
}

/** packTexts undone, in place; throws when the lengths do not add up to the texts. */
export function unpackTexts(packed: PackedSections, texts: string): StoredSections {
  const { textLengths, sections } = packed
  if (!Array.isArray(textLengths) || textLengths.length !== sections.length) {
    throw new Error('stored sections: text lengths')
  }
  let at = 0
  for (let i = 0; i < sections.length; i++) {
    const length = textLengths[i]!
    const section = sections[i]![1]
    if (length === -1 && typeof section.text === 'string') continue
    if (!Number.isInteger(length) || length < 0 || at + length > texts.length) {
      throw new Error('stored sections: text lengths')
    }
    section.text = texts.slice(at, (at += length))
  }
  if (at !== texts.length) throw new Error('stored sections: text lengths')
  const stored: Omit<PackedSections, 'textLengths'> & { textLengths?: number[] } = packed
  delete stored.textLengths
  return stored as StoredSections
}
