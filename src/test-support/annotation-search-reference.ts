// Test support only: the annotation search as it was before its typed-array scoring and
// facet counting (every hit materialised, sorted, facets counted by string), kept as the
// reference the fast one (src/main/search/annotation-search.ts) must answer exactly as.

import lunr from 'lunr'

import type {
  AnnotationDocument,
  AnnotationKey,
  AnnotationSearch
} from '../main/search/annotation-search'
import { Counter } from '../main/search/facet-counter'
import { createTermMarker } from '../main/search/mark-terms'
import { scoringClauses } from '../main/search/posting-query'
import { phraseRanges } from '../main/search/phrases'
import { planQuery } from '../main/search/query-plan'
import type { Clause } from '../main/search/query-plan'
import { buildSnippet } from '../main/search/snippet'
import { mergeRanges } from '../main/search/text-hit'
import type { SearchHit } from '../shared/search'
import { ReferenceAnnotationIndex } from './annotation-index-reference'

const FIELDS = ['briefing', 'heading', 'body', 'tag'] as const

const NO_ENTITIES: ReadonlyMap<string, string> = new Map()

const refOf = (doc: AnnotationDocument) => JSON.stringify([doc.kind, doc.briefingId, doc.id])
const keyOf = (key: AnnotationKey) => `${key.kind} ${key.id}`

export function createReferenceAnnotationSearch(): AnnotationSearch {
  /** briefing id → "kind id" → document. */
  const byBriefing = new Map<string, Map<string, AnnotationDocument>>()
  const docs = new Map<string, AnnotationDocument>()
  const index = new ReferenceAnnotationIndex(FIELDS)
  const { pipeline } = index
  const marker = createTermMarker(pipeline)

  function put(known: Map<string, AnnotationDocument>, doc: AnnotationDocument) {
    const old = known.get(keyOf(doc))
    if (old && refOf(old) !== refOf(doc)) remove(known, keyOf(doc))
    known.set(keyOf(doc), doc)
    const ref = refOf(doc)
    const same =
      old !== undefined && refOf(old) === ref && indexedFields(old) === indexedFields(doc)
    docs.set(ref, doc)
    if (!same) {
      index.put(ref, {
        briefing: doc.briefingTitle,
        heading: doc.heading,
        body: doc.text,
        tag: doc.tags.join('\n')
      })
    }
  }

  function remove(known: Map<string, AnnotationDocument>, key: string) {
    const old = known.get(key)
    if (!old) return
    known.delete(key)
    docs.delete(refOf(old))
    index.remove(refOf(old))
  }

  function known(briefingId: string) {
    let map = byBriefing.get(briefingId)
    if (!map) byBriefing.set(briefingId, (map = new Map()))
    return map
  }

  return {
    setBriefing(briefingId, documents) {
      const map = known(briefingId)
      const kept = new Set(documents.map(keyOf))
      for (const key of [...map.keys()]) if (!kept.has(key)) remove(map, key)
      for (const doc of documents) put(map, doc)
    },
    patchBriefing(briefingId, putDocs, removed) {
      const map = known(briefingId)
      for (const key of removed) remove(map, keyOf(key))
      for (const doc of putDocs) put(map, doc)
    },
    search(query, options) {
      const facets = {
        briefing: new Counter(),
        entity: new Counter(),
        tag: new Counter(),
        color: new Counter()
      }
      const plan = planQuery(query, pipeline)
      const clauses = annotationClauses(plan.clauses)
      if (!clauses || clauses.length === 0 || docs.size === 0) return { total: 0, hits: [], facets }
      const filters = options.filters ?? {}
      const matched = index.query(scoringClauses(clauses, FIELDS, pipeline)).flatMap((result) => {
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
      const hits = matched.slice(0, options.take).map(({ doc, result }) => {
        const bodyTerms = new Set(
          [...(result.matched.get('body') ?? [])].filter((t) => !plan.phraseOnlyTerms.has(t))
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
          fields: FIELDS.filter((field) => result.matched.has(field)),
          snippet: buildSnippet(doc.text, mergeRanges(ranges)),
          matches: []
        }
        return hit
      })
      return { total: matched.length, hits, facets }
    }
  }
}

/** What the index holds of a document: unchanged, it need not be indexed again. */
function indexedFields(doc: AnnotationDocument): string {
  return JSON.stringify([doc.briefingTitle, doc.heading, doc.text, doc.tags])
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
