// Builds the lunr index: one document per section, with the fields analysts name in queries
// (briefing, heading, body, person, org, place, programme, tag).

import lunr from 'lunr'

import type { Briefing, EntityKind, Section } from '../../shared/dataset'
import type { Library } from '../dataset/library'

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
const FIELD_BOOSTS: Record<SearchField, number> = {
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
}

export interface SectionIndex {
  index: lunr.Index
  /** Sections by lunr document ref. */
  sections: ReadonlyMap<string, IndexedSection>
  /** The pipeline the documents went through; marking reruns section text through it. */
  pipeline: lunr.Pipeline
}

type SectionDocument = Record<SearchField, string> & { ref: string }

/** The lunr ref of a section: briefing id and section id, unambiguous whatever they contain. */
export function sectionRef(briefingId: string, sectionId: string): string {
  return JSON.stringify([briefingId, sectionId])
}

/** Indexes every section of the library. Indexing and search share one pipeline. */
export function buildSectionIndex(library: Library): SectionIndex {
  const sections = new Map<string, IndexedSection>()
  const builder = new lunr.Builder()
  // The same functions, in the same order, for documents and for query terms: a query term
  // that is a stop word or only punctuation disappears instead of never matching.
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  builder.searchPipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  builder.ref('ref')
  for (const field of SEARCH_FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] })

  for (const briefing of library.briefings) {
    for (const section of briefing.sections) {
      const ref = sectionRef(briefing.id, section.id)
      // The loader guarantees unique ids; should a duplicate slip through, the first one wins.
      if (sections.has(ref)) continue
      sections.set(ref, { briefing, section })
      builder.add(sectionDocument(ref, library, briefing, section))
    }
  }
  return { index: builder.build(), sections, pipeline: builder.pipeline }
}

function sectionDocument(
  ref: string,
  library: Library,
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
    const entity = library.entities.get(mention.entity)
    if (!entity) continue
    names[ENTITY_FIELD[entity.kind]].push(entity.name, ...entity.aliases)
  }
  // Strings, not arrays: lunr would keep each array element as one unsplit token.
  return {
    ref,
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
