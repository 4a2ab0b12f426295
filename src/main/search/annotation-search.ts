// Search over the analyst's highlights and notes, so they are found together with the briefing
// text: an index of briefing title, heading, the quote and note text and tags, changed one
// document at a time (annotation-index.ts) with lunr's query semantics.

import lunr from 'lunr'

import type { HighlightColor } from '../../shared/annotations'
import { AppError } from '../errors'
import type { FacetCount, SearchFacets, SearchFilters, SearchHit } from '../../shared/search'
import { AnnotationIndex } from './annotation-index'
import { AnnotationFacets, noFacets } from './annotation-facets'
import type { AnnotationFacetCounts } from './annotation-facets'
import { bestDocs } from './annotation-ranking'
import { AnnotationTable } from './annotation-table'
import { keepFiltered } from './annotation-filters'
import { log } from '../log/log'
import { createTermMarker } from './mark-terms'
import { scoringClauses } from './posting-query'
import { phraseRanges } from './phrases'
import { planQuery } from './query-plan'
import type { Clause } from './query-plan'
import { RefRanks } from './ref-ranks'
import type { TextResponse } from './search-service'
import { buildSnippet } from './snippet'
import { mergeRanges } from './text-hit'

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

/** Names a highlight or note of a briefing. */
export interface AnnotationKey {
  kind: AnnotationDocument['kind']
  id: string
}

const FIELDS = ['briefing', 'heading', 'body', 'tag'] as const

export interface AnnotationQuery {
  take: number
  filters?: SearchFilters
  /** Entities mentioned in a section (for the entity facet and filter): id → name. */
  sectionEntities?: (briefingId: string, sectionId: string) => ReadonlyMap<string, string>
  /**
   * Names what sectionEntities answers from: while it stays the same, its answers are kept from
   * one query to the next (without it they are asked for again by every query).
   */
  entitiesVersion?: object
}

export interface AnnotationResult {
  total: number
  hits: SearchHit[]
  /** Counts by briefing, entity, tag and colour over every matching annotation. */
  facets: AnnotationFacetCounts
}

/** Changes to the searchable annotations, as main sends them to the index process. */
export type AnnotationChanges = (
  | { briefingId: string; documents: AnnotationDocument[] }
  | {
      briefingId: string
      documents?: undefined
      put: AnnotationDocument[]
      removed: AnnotationKey[]
    }
)[]

/** An AnnotationResult as it crosses from the index process: facets as plain counts. */
export interface AnnotationAnswer {
  /** The answering index's name (see SearchIndex.changeAnnotations). */
  instance: string
  total: number
  hits: SearchHit[]
  facets: Record<keyof AnnotationResult['facets'], FacetCount[]>
}

/**
 * The text search and the annotation search of one query, answered by the index process in one
 * call: each side's total and best hits, and their facets already merged (mergeFacets), so that
 * only the values shown cross to main.
 */
export interface CombinedAnswer {
  /** The answering index's name (see SearchIndex.changeAnnotations). */
  instance: string
  text: Omit<TextResponse, 'facets'>
  notes: Pick<AnnotationResult, 'total' | 'hits'>
  facets: SearchFacets
}

export interface AnnotationSearch {
  /** Replaces the searchable annotations of one briefing. */
  setBriefing(briefingId: string, documents: AnnotationDocument[]): void
  /** Adds or replaces `put` and removes the annotations `removed`, in one briefing. */
  patchBriefing(briefingId: string, put: AnnotationDocument[], removed: AnnotationKey[]): void
  /** Hits among annotations; the query must already have passed the text search's parser. */
  search(query: string, options: AnnotationQuery): AnnotationResult
}

/** The search where it runs (the index process). */
export interface PreparedAnnotationSearch extends AnnotationSearch {
  /**
   * Queries the term most annotations have, answering nothing: what the first such query after
   * loading would do at its own cost (its code run cold, that posting packed and weighed) is
   * done now. Answers the term, if one was searched.
   */
  prepare(): string | undefined
  /** Stops ranking refs between changes (the search answers as before, ties compared by ref). */
  close(): void
}

const NO_ENTITIES: ReadonlyMap<string, string> = new Map()

const refOf = (doc: AnnotationDocument) => JSON.stringify([doc.kind, doc.briefingId, doc.id])
const keyOf = (key: AnnotationKey) => `${key.kind} ${key.id}`

export function createAnnotationSearch(): PreparedAnnotationSearch {
  /** briefing id → "kind id" → document. */
  const byBriefing = new Map<string, Map<string, AnnotationDocument>>()
  const index = new AnnotationIndex(FIELDS)
  /** The documents by their number in the index. */
  const table = new AnnotationTable()
  /** The refs' order, ranked: ties in score compare numbers, not refs. */
  const order = new RefRanks()
  let closed = false
  const { pipeline } = index
  const marker = createTermMarker(pipeline)
  /** Entities by section number (the table never reuses one), as of options.entitiesVersion. */
  let entities: { version?: object; bySection: (ReadonlyMap<string, string> | undefined)[] } = {
    bySection: []
  }

  function put(known: Map<string, AnnotationDocument>, doc: AnnotationDocument) {
    const old = known.get(keyOf(doc))
    if (old && refOf(old) !== refOf(doc)) remove(known, keyOf(doc))
    known.set(keyOf(doc), doc)
    const ref = refOf(doc)
    const same =
      old !== undefined && refOf(old) === ref && indexedFields(old) === indexedFields(doc)
    let number = index.numberOf(ref)
    if (!same || number === undefined) {
      if (number !== undefined) order.removed(number)
      number = index.put(ref, {
        briefing: doc.briefingTitle,
        heading: doc.heading,
        body: doc.text,
        tag: doc.tags.join('\n')
      })
      order.add(number, ref)
    }
    table.set(number, doc)
  }

  function remove(known: Map<string, AnnotationDocument>, key: string) {
    const old = known.get(key)
    if (!old) return
    known.delete(key)
    const number = index.numberOf(refOf(old))
    if (number !== undefined) {
      table.delete(number)
      order.removed(number)
    }
    index.remove(refOf(old))
  }

  /** Ranks refs in slices after this change, not in it (one sort of 100k took ~25 ms), until closed. */
  function settle() {
    order
      .settle(() => !closed)
      .catch((error: unknown) => log.error('annotation search: ranking refs failed', error))
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
      settle()
    },
    patchBriefing(briefingId, putDocs, removed) {
      const map = known(briefingId)
      for (const key of removed) remove(map, keyOf(key))
      for (const doc of putDocs) put(map, doc)
      settle()
    },
    prepare() {
      const term = index.commonestTerm()
      if (term === undefined) return undefined
      try {
        // Three runs: the loops' optimised code is made while the first runs.
        for (let i = 0; i < 3; i++) this.search(term, { take: 20 })
      } catch (error) {
        // A term the query syntax reads otherwise ("x:y", "e~f") is not searched: none prepared.
        // Any other failure is a fault in the search, for the log (the caller's), not hidden.
        if (error instanceof AppError && error.code === 'query-syntax') return undefined
        throw error
      }
      return term
    },
    close() {
      closed = true
    },
    search(query, options) {
      const plan = planQuery(query, pipeline)
      const clauses = annotationClauses(plan.clauses)
      if (!clauses || clauses.length === 0 || index.size === 0) {
        return { total: 0, hits: [], facets: noFacets() }
      }
      const found = index.match(scoringClauses(clauses, FIELDS, pipeline))
      const { scores } = found
      // Best first, ties by ref: the order of the hits, and of the facet values first met.
      const before = (a: number, b: number) =>
        scores[a]! > scores[b]! || (scores[a] === scores[b] && order.before(a, b))
      const filters = options.filters ?? {}
      // Entities are asked for once per section, not per hit, nor again while the version holds.
      const sectionEntities = options.sectionEntities
      const version = options.entitiesVersion
      if (version === undefined || version !== entities.version) {
        entities = { version, bySection: [] }
      }
      const entitiesBySection = entities.bySection
      const entitiesOf = (section: number) => {
        if (!sectionEntities) return NO_ENTITIES
        return (entitiesBySection[section] ??= sectionEntities(...table.section(section)))
      }
      // The hits that pass the filters, kept in the matches' own array (the index's, reused by
      // every query), each where an earlier hit was, rather than in 200 KB more per query for a
      // word most annotations have: facets, ranking and a second walk for labels read them.
      const passed = found.docs
      const total = keepFiltered(table, found, filters, plan.phrases, entitiesOf)
      const top = bestDocs(passed, total, options.take, scores, before)
      const facets = new AnnotationFacets(table, before, entitiesOf).counts(passed, total)
      const hits = top.map((number) => {
        const doc = table.document(number)!
        const matched = found.matched(number)
        const bodyTerms = new Set(
          [...(matched.get('body') ?? [])].filter((t) => !plan.phraseOnlyTerms.has(t))
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
          score: scores[number]!,
          fields: FIELDS.filter((field) => matched.has(field)),
          snippet: buildSnippet(doc.text, mergeRanges(ranges)),
          matches: []
        }
        return hit
      })
      return { total, hits, facets }
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
