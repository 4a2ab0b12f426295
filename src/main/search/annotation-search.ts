// Search over the analyst's highlights and notes, so they are found together with the briefing
// text. A small lunr index (briefing title, heading, the quote and note text, tags) rebuilt only
// when annotations changed since the last query.

import lunr from 'lunr'

import type { SearchHit } from '../../shared/ipc-contract'
import { createTermMarker } from './mark-terms'
import { parseQuery } from './parse-query'
import { SEARCH_FIELDS } from './section-index'
import { buildSnippet } from './snippet'

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
}

const FIELDS = ['briefing', 'heading', 'body', 'tag'] as const

export interface AnnotationSearch {
  /** Replaces the searchable annotations of one briefing. */
  setBriefing(briefingId: string, documents: AnnotationDocument[]): void
  /** Hits among annotations; the query must already have passed the text search's parser. */
  search(query: string, limit: number): { total: number; hits: SearchHit[] }
}

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
    search(query, limit) {
      const { index, docs, pipeline } = dirty ? rebuild() : built
      const clauses = annotationClauses(parseQuery(query, SEARCH_FIELDS, pipeline))
      if (!clauses || clauses.length === 0 || docs.size === 0) return { total: 0, hits: [] }
      const results = index.query((q) => clauses.forEach((clause) => q.clause(clause)))
      const marker = createTermMarker(pipeline)
      const hits = results.slice(0, limit).flatMap((result) => {
        const doc = docs.get(result.ref)
        if (!doc) return []
        const metadata = result.matchData.metadata as Record<string, Record<string, unknown>>
        const fields = new Set(Object.values(metadata).flatMap((byField) => Object.keys(byField)))
        const bodyTerms = new Set(Object.keys(metadata).filter((t) => metadata[t]?.['body']))
        const hit: SearchHit = {
          kind: doc.kind,
          annotationId: doc.id,
          briefingId: doc.briefingId,
          briefingTitle: doc.briefingTitle,
          sectionId: doc.sectionId,
          heading: doc.heading,
          score: result.score,
          fields: FIELDS.filter((field) => fields.has(field)),
          snippet: buildSnippet(doc.text, marker.rangesOf(doc.text, bodyTerms)),
          matches: []
        }
        return [hit]
      })
      return { total: results.length, hits }
    }
  }
}

/**
 * Narrows text-search clauses to the fields annotations have. A clause only on fields they lack
 * (person:, place:, ...) is dropped, unless it is required: then no annotation can match (null).
 */
function annotationClauses(clauses: lunr.Query.Clause[]): lunr.Query.Clause[] | null {
  const kept: lunr.Query.Clause[] = []
  for (const clause of clauses) {
    const fields = (clause.fields ?? []).filter((f) => (FIELDS as readonly string[]).includes(f))
    if (fields.length === 0) {
      // @types/lunr lacks `presence` (lunr 2.3 has it: 1 optional, 2 required, 3 prohibited).
      const presence = (clause as { presence?: number }).presence
      if (presence === lunr.Query.presence.REQUIRED) return null
      continue
    }
    kept.push({ ...clause, fields })
  }
  return kept
}
