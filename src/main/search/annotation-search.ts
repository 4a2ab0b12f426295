// Search over the analyst's highlights and notes, so they are found together with the briefing
// text. A small lunr index (briefing title, heading, the quote and note text, tags) rebuilt only
// when annotations changed since the last query.

import lunr from 'lunr'

import type { HighlightColor } from '../../shared/annotations'
import type { SearchFilters, SearchHit } from '../../shared/search'
import { createTermMarker } from './mark-terms'
import { phraseRanges } from './phrases'
import { planQuery } from './query-plan'
import type { Clause } from './query-plan'
import { buildSnippet } from './snippet'
import { mergeRanges } from './text-hit'
import { Counter } from './facet-counter'

/** One highlight or note, as searched and as shown in a result. */
export interface AnnotationDocument {
  kind: 'highlight' | 'note'
  id: string
  briefingId: string
  briefingTitle: string
  /** The section shown when the result is opened ('' for a note on the whole briefing). */
  sectionId: string
  heading: string
  /** The highlighted quote and its note, or the note's text. */
  text: string
  tags: string[]
  /** A highlight's colour (notes have none). */
  color?: HighlightColor
}

const FIELDS = ['briefing', 'heading', 'body', 'tag'] as const

export interface AnnotationQuery {
  take: number
  filters?: SearchFilters
  /** Entities mentioned in a section (for the entity facet and filter): id → name. */
  sectionEntities?: (briefingId: string, sectionId: string) => ReadonlyMap<string, string>
}

export interface AnnotationResult {
  total: number
  hits: SearchHit[]
  /** Counts by briefing, entity, tag and colour over every matching annotation. */
  facets: { briefing: Counter; entity: Counter; tag: Counter; color: Counter }
}

export interface AnnotationSearch {
  /** Replaces the searchable annotations of one briefing. */
  setBriefing(briefingId: string, documents: AnnotationDocument[]): void
  /** Hits among annotations; the query must already have passed the text search's parser. */
  search(query: string, options: AnnotationQuery): AnnotationResult
}

const NO_ENTITIES: ReadonlyMap<string, string> = new Map()

export function createAnnotationSearch(): AnnotationSearch {
  const byBriefing = new Map<string, AnnotationDocument[]>()
  let built: { index: lunr.Index; docs: Map<string, AnnotationDocument>; pipeline: lunr.Pipeline }
  let dirty = true

  function rebuild() {
    const docs = new Map<string, AnnotationDocument>()
    const builder = new lunr.Builder()
    builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
    builder.searchPipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
    builder.ref('ref')
    for (const field of FIELDS) builder.field(field)
    for (const list of byBriefing.values()) {
      for (const doc of list) {
        const ref = JSON.stringify([doc.kind, doc.briefingId, doc.id])
        docs.set(ref, doc)
        builder.add({
          ref,
          briefing: doc.briefingTitle,
          heading: doc.heading,
          body: doc.text,
          tag: doc.tags.join('\n')
        })
      }
    }
    built = { index: builder.build(), docs, pipeline: builder.pipeline }
    dirty = false
    return built
  }

  return {
    setBriefing(briefingId, documents) {
      byBriefing.set(briefingId, documents)
      dirty = true
    },
    search(query, options) {
      const facets = {
        briefing: new Counter(),
        entity: new Counter(),
        tag: new Counter(),
        color: new Counter()
      }
      const { index, docs, pipeline } = dirty ? rebuild() : built
      const plan = planQuery(query, pipeline)
      const clauses = annotationClauses(plan.clauses)
      if (!clauses || clauses.length === 0 || docs.size === 0) return { total: 0, hits: [], facets }
      const filters = options.filters ?? {}
      const matched = index
        .query((q) => clauses.forEach((clause) => q.clause({ ...clause })))
        .flatMap((result) => {
          const doc = docs.get(result.ref)
          if (!doc || !plan.phrases.every((p) => phraseRanges(doc.text, p.words).length > 0)) {
            return []
          }
          const entities = options.sectionEntities?.(doc.briefingId, doc.sectionId) ?? NO_ENTITIES
          if (filters.briefingId !== undefined && doc.briefingId !== filters.briefingId) return []
          if (filters.tag !== undefined && !doc.tags.includes(filters.tag)) return []
          if (filters.color !== undefined && doc.color !== filters.color) return []
          if (filters.entityId !== undefined && !entities.has(filters.entityId)) return []
          facets.briefing.add(doc.briefingId, doc.briefingTitle)
          for (const [id, name] of entities) facets.entity.add(id, name)
          for (const tag of new Set(doc.tags)) facets.tag.add(tag, tag)
          if (doc.color) facets.color.add(doc.color, doc.color)
          return [{ doc, result }]
        })
      const marker = createTermMarker(pipeline)
      const hits = matched.slice(0, options.take).map(({ doc, result }) => {
        const metadata = result.matchData.metadata as Record<string, Record<string, unknown>>
        const fields = new Set(Object.values(metadata).flatMap((byField) => Object.keys(byField)))
        const bodyTerms = new Set(
          Object.keys(metadata).filter((t) => metadata[t]?.['body'] && !plan.phraseOnlyTerms.has(t))
        )
        const ranges = marker.rangesOf(doc.text, bodyTerms)
        for (const phrase of plan.phrases) ranges.push(...phraseRanges(doc.text, phrase.words))
        const hit: SearchHit = {
          kind: doc.kind,
          annotationId: doc.id,
          briefingId: doc.briefingId,
          briefingTitle: doc.briefingTitle,
          sectionId: doc.sectionId,
          heading: doc.heading,
          score: result.score,
          fields: FIELDS.filter((field) => fields.has(field)),
          snippet: buildSnippet(doc.text, mergeRanges(ranges)),
          matches: []
        }
        return hit
      })
      return { total: matched.length, hits, facets }
    }
  }
}

/**
 * Narrows text-search clauses to the fields annotations have. A clause only on fields they lack
 * (person:, place:, ...) is dropped, unless it is required: then no annotation can match (null).
 */
function annotationClauses(clauses: Clause[]): Clause[] | null {
  const kept: Clause[] = []
  for (const clause of clauses) {
    const fields = (clause.fields ?? []).filter((f) => (FIELDS as readonly string[]).includes(f))
    if (fields.length === 0) {
      if (clause.presence === lunr.Query.presence.REQUIRED) return null
      continue
    }
    kept.push({ ...clause, fields })
  }
  return kept
}
