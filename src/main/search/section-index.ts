// The lunr documents and index: one document per section, with the fields analysts name in
// queries (briefing, heading, body, person, org, place, programme, tag).

import lunr from 'lunr'

import type { Briefing, Entity, EntityKind, Section } from '../../shared/dataset'

/** Searchable fields, in the order they are listed to analysts. */
export const SEARCH_FIELDS = [
  'briefing',
  'heading',
  'body',
  'person',
  'org',
  'place',
  'programme',
  'tag'
] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

// Headings and entity names say what a section is about, so they weigh more than running text.
export const FIELD_BOOSTS: Record<SearchField, number> = {
  briefing: 1,
  heading: 2,
  body: 1,
  person: 2,
  org: 2,
  place: 2,
  programme: 2,
  tag: 1.5
}

type EntityField = 'person' | 'org' | 'place' | 'programme'

export const ENTITY_FIELD: Record<EntityKind, EntityField> = {
  person: 'person',
  organisation: 'org',
  place: 'place',
  programme: 'programme'
}

/** A section and the briefing it belongs to, found again from a lunr result ref. */
export interface IndexedSection {
  briefing: Briefing
  section: Section
  /** The section's and its briefing's tags, once each (for filters and facets). */
  tags: readonly string[]
  /** Ids of the entities the section mentions, once each. */
  entities: readonly string[]
}

/**
 * The section as the search sees it. `briefingTags`: its briefing's tags once each (`once`), made
 * once per briefing and shared by its sections that have no tags of their own. Lists are spread
 * from a Set, which V8 makes at their exact length: built by push, a warm start's view of 200,000
 * sections held 22 MB more (spare capacity).
 */
export function indexedSection(
  briefing: Briefing,
  section: Section,
  briefingTags: readonly string[]
): IndexedSection {
  const { tags, mentions } = section
  return {
    briefing,
    section,
    tags: tags.length === 0 ? briefingTags : [...new Set([...tags, ...briefingTags])],
    entities: mentions.length === 0 ? NONE : [...new Set(mentions.map((m) => m.entity))]
  }
}

/** `values` once each, in the order first listed. */
export function once(values: readonly string[]): string[] {
  return [...new Set(values)]
}

/** Shared by every section that mentions no entity: nothing changes these lists once made. */
const NONE: readonly string[] = []

/** One lunr document: a section with its briefing title, entity names and tags as fields. */
export type SectionDocument = Record<SearchField, string> & { ref: string }

/** The lunr ref of a section: briefing id and section id, unambiguous whatever they contain. */
export function sectionRef(briefingId: string, sectionId: string): string {
  return JSON.stringify([briefingId, sectionId])
}

// The same functions, in the same order, for documents and for query terms: a query term that
// is a stop word or only punctuation disappears instead of never matching.
const PIPELINE = [lunr.trimmer, lunr.stopWordFilter, lunr.stemmer]

/** The pipeline query terms and marked text go through (the one documents went through). */
export function createSearchPipeline(): lunr.Pipeline {
  const pipeline = new lunr.Pipeline()
  pipeline.add(...PIPELINE)
  return pipeline
}

/** The documents of one briefing, one per section (duplicate section ids: the first wins). */
export function briefingDocuments(
  entities: ReadonlyMap<string, Entity>,
  briefing: Briefing
): SectionDocument[] {
  const seen = new Set<string>()
  const documents: SectionDocument[] = []
  for (const section of briefing.sections) {
    if (seen.has(section.id)) continue
    seen.add(section.id)
    documents.push(sectionDocument(entities, briefing, section))
  }
  return documents
}

function sectionDocument(
  entities: ReadonlyMap<string, Entity>,
  briefing: Briefing,
  section: Section
): SectionDocument {
  const names: Record<EntityField, string[]> = {
    person: [],
    org: [],
    place: [],
    programme: []
  }
  const seen = new Set<string>()
  for (const mention of section.mentions) {
    if (seen.has(mention.entity)) continue
    seen.add(mention.entity)
    const entity = entities.get(mention.entity)
    if (!entity) continue
    names[ENTITY_FIELD[entity.kind]].push(entity.name, ...entity.aliases)
  }
  // Strings, not arrays: lunr would keep each array element as one unsplit token.
  return {
    ref: sectionRef(briefing.id, section.id),
    briefing: briefing.title,
    heading: section.heading,
    body: section.text,
    person: names.person.join('\n'),
    org: names.org.join('\n'),
    place: names.place.join('\n'),
    programme: names.programme.join('\n'),
    tag: [...section.tags, ...briefing.tags].join('\n')
  }
}
