// The library as the search sees it: sections by lunr ref, entities, and a content hash per
// briefing (of its lunr documents, so an entity renamed or a tag added also counts as a change).

import { createHash } from 'node:crypto'

import type { Briefing, Entity } from '../../shared/dataset'
import type { Library } from '../library/library'
import { briefingDocuments, sectionRef } from './section-index'
import type { IndexedSection, SectionDocument } from './section-index'
import type { SearchView } from './text-search'

/** Bumped whenever documents or index options change, so older caches are not used. */
export const INDEX_FORMAT = 'briefing-index/4'

export interface LibraryView extends SearchView {
  /** The lunr documents of a briefing, made afresh (only a shard build needs them). */
  documents(briefingId: string): SectionDocument[]
  /** Number of sections of each briefing that are indexed. */
  sectionCounts: ReadonlyMap<string, number>
}

// Documents and hash per briefing object: a rescan hands back the same objects for files that did
// not change, so only changed briefings are hashed again — unless an entity they mention was
// replaced (another file added an alias to it), which the entity objects kept here reveal.
// Only the hash and count are kept: documents are made again when a shard is built (rarely),
// rather than held for every briefing.
const made = new WeakMap<
  Briefing,
  { count: number; hash: string; mentioned: string[]; entities: (Entity | undefined)[] }
>()

export function viewOf(library: Library): LibraryView {
  const sections = new Map<string, IndexedSection>()
  const hashes = new Map<string, string>()
  const byId = new Map<string, Briefing>()
  const sectionCounts = new Map<string, number>()
  for (const briefing of library.briefings) {
    if (hashes.has(briefing.id)) continue
    let entry = made.get(briefing)
    if (!entry || !sameEntities(entry, library.entities)) {
      const mentioned = [
        ...new Set(briefing.sections.flatMap((s) => s.mentions.map((m) => m.entity)))
      ]
      const entities = mentioned.map((id) => library.entities.get(id))
      const docs = briefingDocuments(library.entities, briefing)
      entry = { count: docs.length, hash: hashDocuments(docs), mentioned, entities }
      made.set(briefing, entry)
    }
    byId.set(briefing.id, briefing)
    hashes.set(briefing.id, entry.hash)
    sectionCounts.set(briefing.id, entry.count)
    for (const [ref, entry] of sectionsOf(briefing)) sections.set(ref, entry)
  }
  return {
    sections,
    hashes,
    entities: library.entities,
    sectionCounts,
    documents: (id) => {
      const briefing = byId.get(id)
      return briefing ? briefingDocuments(library.entities, briefing) : []
    }
  }
}

// A briefing's sections as the search sees them, by briefing object like `made`: a rescan after
// one import would otherwise make them again for every section of the library.
const entriesOf = new WeakMap<Briefing, [string, IndexedSection][]>()

/** The briefing's sections by ref (duplicate section ids: the first wins). */
function sectionsOf(briefing: Briefing): [string, IndexedSection][] {
  let entries = entriesOf.get(briefing)
  if (entries) return entries
  const refs = new Set<string>()
  entries = []
  for (const section of briefing.sections) {
    const ref = sectionRef(briefing.id, section.id)
    if (refs.has(ref)) continue
    refs.add(ref)
    entries.push([
      ref,
      {
        briefing,
        section,
        tags: [...new Set([...section.tags, ...briefing.tags])],
        entities: [...new Set(section.mentions.map((m) => m.entity))]
      }
    ])
  }
  entriesOf.set(briefing, entries)
  return entries
}

/** Whether the entities a briefing mentions are the objects its documents were made with. */
function sameEntities(
  made: { mentioned: readonly string[]; entities: readonly (Entity | undefined)[] },
  entities: ReadonlyMap<string, Entity>
): boolean {
  return made.mentioned.every((id, i) => entities.get(id) === made.entities[i])
}

export function hashDocuments(documents: readonly SectionDocument[]): string {
  return createHash('sha256').update(INDEX_FORMAT).update(JSON.stringify(documents)).digest('hex')
}

/** The cache key of a shard: what it holds, whatever order it was listed in. */
export function shardKey(members: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(INDEX_FORMAT)
  for (const id of [...members.keys()].sort()) hash.update(JSON.stringify([id, members.get(id)]))
  return hash.digest('hex').slice(0, 32)
}
