// The library as the search sees it: sections by lunr ref, entities, and a content hash per
// briefing (of its lunr documents, so an entity renamed or a tag added also counts as a change).

import { createHash } from 'node:crypto'

import type { Briefing, Entity } from '../../shared/dataset'
import type { Library } from '../library/library'
import { briefingDocuments, indexedSection, once, sectionRef } from './section-index'
import type { IndexedSection, SectionDocument } from './section-index'
import type { SearchView } from './text-search'
import { TimeSlice } from '../time-slice'

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
  const parts = emptyParts()
  for (const briefing of library.briefings) addBriefing(parts, briefing, library.entities)
  return makeView(parts, library.entities)
}

/**
 * viewOf, giving queries a turn every millisecond: hashing every briefing's documents held
 * the index process for ~0.1 s at 10k sections (and five times that at 50k) after a warm start
 * had begun to answer.
 */
export async function viewInSlices(
  library: Library,
  slice = new TimeSlice()
): Promise<LibraryView> {
  const parts = emptyParts()
  for (const briefing of library.briefings) {
    addBriefing(parts, briefing, library.entities)
    if (slice.due()) await slice.next()
  }
  return makeView(parts, library.entities)
}

function emptyParts(): ViewParts {
  return { sections: new Map(), hashes: new Map(), sectionCounts: new Map(), byId: new Map() }
}

/** Adds a briefing to the parts of a view (the first of a repeated id wins). */
function addBriefing(parts: ViewParts, briefing: Briefing, entities: ReadonlyMap<string, Entity>) {
  if (parts.hashes.has(briefing.id)) return
  const entry = madeFor(briefing, entities)
  parts.byId.set(briefing.id, briefing)
  parts.hashes.set(briefing.id, entry.hash)
  parts.sectionCounts.set(briefing.id, entry.count)
  for (const [ref, section] of sectionsOf(briefing)) parts.sections.set(ref, section)
}

/** What a view is made of, kept so the next view can be made from it by difference. */
interface ViewParts {
  sections: Map<string, IndexedSection>
  hashes: Map<string, string>
  sectionCounts: Map<string, number>
  byId: Map<string, Briefing>
}

const partsOf = new WeakMap<LibraryView, ViewParts>()

function makeView(parts: ViewParts, entities: ReadonlyMap<string, Entity>): LibraryView {
  const view: LibraryView = {
    sections: parts.sections,
    hashes: parts.hashes,
    entities,
    sectionCounts: parts.sectionCounts,
    documents: (id) => {
      const briefing = parts.byId.get(id)
      return briefing ? briefingDocuments(entities, briefing) : []
    }
  }
  partsOf.set(view, parts)
  return view
}

/** Entities mentioned in a section, id → name, as the view has them. */
export function sectionEntityNames(
  view: LibraryView,
  briefingId: string,
  sectionId: string
): Map<string, string> {
  const names = new Map<string, string>()
  const section = view.sections.get(sectionRef(briefingId, sectionId))
  for (const id of section?.entities ?? []) {
    const entity = view.entities.get(id)
    if (entity) names.set(entity.id, entity.name)
  }
  return names
}

/** A view made from `previous` by difference, and the briefings and sections that differ. */
export interface ViewDelta {
  view: LibraryView
  /** Ids of briefings added, changed or removed since `previous`. */
  changed: Set<string>
  /** Sections of the briefings added or changed, as the new view holds them. */
  added: IndexedSection[]
}

/**
 * The view of `library` made from `previous` by touching only the briefings whose objects
 * differ (an import adds or replaces a few): same content as viewOf(library). `previous` hands
 * its maps over and must not be used after (its holder replaces it at once). Undefined when
 * an entity record changed (an alias added), which can change any briefing's documents: the
 * caller then makes the whole view again.
 */
export function viewByDifference(previous: LibraryView, library: Library): ViewDelta | undefined {
  const before = partsOf.get(previous)
  if (!before || !sameEntityRecords(previous.entities, library.entities)) return undefined
  const changed = new Set<string>()
  const present = new Set<string>()
  for (const briefing of library.briefings) {
    if (present.has(briefing.id)) continue
    present.add(briefing.id)
    if (before.byId.get(briefing.id) !== briefing) changed.add(briefing.id)
  }
  for (const id of before.byId.keys()) if (!present.has(id)) changed.add(id)
  // The previous view's tables are taken over, not copied (copying 50k sections cost more than
  // the rest of an import): `previous` is superseded and can no longer be made from.
  const parts = before
  partsOf.delete(previous)
  for (const id of changed) {
    const old = parts.byId.get(id)
    for (const [ref] of old ? sectionsOf(old) : []) parts.sections.delete(ref)
    parts.byId.delete(id)
    parts.hashes.delete(id)
    parts.sectionCounts.delete(id)
  }
  const added: IndexedSection[] = []
  for (const briefing of library.briefings) {
    if (!changed.has(briefing.id) || parts.byId.has(briefing.id)) continue
    addBriefing(parts, briefing, library.entities)
    for (const [, section] of sectionsOf(briefing)) added.push(section)
  }
  return { view: makeView(parts, library.entities), changed, added }
}

/** Whether every entity record is the same, in content, as before (records may be new objects). */
export function sameEntityRecords(
  before: ReadonlyMap<string, Entity>,
  now: ReadonlyMap<string, Entity>
): boolean {
  if (before.size !== now.size) {
    // Entities only added (a new briefing's own) change no other briefing's documents.
    for (const id of before.keys()) if (!now.has(id)) return false
  }
  for (const [id, entity] of now) {
    const known = before.get(id)
    if (known && known !== entity && JSON.stringify(known) !== JSON.stringify(entity)) return false
  }
  return true
}

/** The briefing's document count and hash, made again only when it or its entities changed. */
function madeFor(
  briefing: Briefing,
  entities: ReadonlyMap<string, Entity>
): { count: number; hash: string } {
  let entry = made.get(briefing)
  if (!entry || !sameEntities(entry, entities)) {
    const mentioned = [
      ...new Set(briefing.sections.flatMap((s) => s.mentions.map((m) => m.entity)))
    ]
    const docs = briefingDocuments(entities, briefing)
    entry = {
      count: docs.length,
      hash: hashDocuments(docs),
      mentioned,
      entities: mentioned.map((id) => entities.get(id))
    }
    made.set(briefing, entry)
  }
  return entry
}

// A briefing's sections as the search sees them, by briefing object like `made`: a rescan after
// one import would otherwise make them again for every section of the library.
const entriesOf = new WeakMap<Briefing, [string, IndexedSection][]>()

/** The briefing's sections by ref (duplicate section ids: the first wins). */
function sectionsOf(briefing: Briefing): [string, IndexedSection][] {
  let entries = entriesOf.get(briefing)
  if (entries) return entries
  const refs = new Set<string>()
  const briefingTags = once(briefing.tags)
  entries = []
  for (const section of briefing.sections) {
    const ref = sectionRef(briefing.id, section.id)
    if (refs.has(ref)) continue
    refs.add(ref)
    entries.push([ref, indexedSection(briefing, section, briefingTags)])
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
