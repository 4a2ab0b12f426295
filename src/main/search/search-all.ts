// One search over the briefing text and the analyst's highlights and notes, paged, with facet
// counts over all hits of both: what `search:query` and the CLI's `search` answer.

import type { AppInfo } from '../../shared/app'
import type { IndexStatus, SearchHit, SearchRequest, SearchResponse } from '../../shared/search'
import type { Briefing } from '../../shared/dataset'
import type { Library } from '../library/library'
import { mergeFacets } from './annotation-facets'
import type { AnnotationQuery, AnnotationResult, CombinedAnswer } from './annotation-search'
import type { IndexHost } from './index-host'
import type { TextQuery } from './search-service'

/** Hits returned when the request names no limit. */
export const DEFAULT_LIMIT = 20

/** Search over highlights and notes: in the index process (the app), or in this thread (tests). */
export interface AnnotationSearcher {
  search(query: string, options: AnnotationQuery): AnnotationResult | Promise<AnnotationResult>
  /**
   * The text search and this one in one call, where both run in one place (the index process):
   * then only the facet values shown come back, not every value counted.
   */
  searchWithText?(query: TextQuery & { take: number }): Promise<CombinedAnswer>
  /** Briefings whose annotations are not searchable yet (they count as still indexing). */
  pendingBriefings?(): number
  /** Resolves once every briefing's annotations are searchable. */
  whenIndexed?(): Promise<void>
}

/** What the combined search reads. */
export interface SearchServices {
  readonly library: Library
  /** Search over the briefing text: the index process, answering from what it has indexed. */
  readonly search: IndexHost
  /** Search over the analyst's highlights and notes. */
  readonly annotationSearch: AnnotationSearcher
  readonly info: AppInfo
}

/** Text hits and annotation hits, merged by score; each hit says what it matched. */
export async function searchAll(
  services: SearchServices,
  request: SearchRequest
): Promise<SearchResponse> {
  const { offset, take } = pageOf(request)
  const { query, filters } = request
  const { text, notes, facets } = services.annotationSearch.searchWithText
    ? await services.annotationSearch.searchWithText({ query, filters, take })
    : await searchApart(services, { query, filters, take })
  // Scores of two indexes of different sizes are not comparable: rank each list relative to its
  // own best hit, then merge (ties keep text first).
  const relative = (hits: SearchHit[]) => {
    const top = hits[0]?.score ?? 1
    return hits.map((hit) => ({ hit, rank: top > 0 ? hit.score / top : 0 }))
  }
  const hits = [...relative(text.hits), ...relative(notes.hits)]
    .sort((a, b) => b.rank - a.rank)
    .slice(offset, take)
    .map((r) => r.hit)
  return {
    query,
    total: text.total + notes.total,
    offset,
    hits,
    facets,
    indexing: withAnnotations(indexingOf(text.indexing, services), services)
  }
}

/**
 * The search while main is still loading the library (the app's first moments): the text hits the
 * index process has, from its cache, alone. Highlights and notes are not searchable yet: the
 * status says the library is still loading (the renderer asks again until it no longer does).
 */
export async function searchWhileLoading(
  search: IndexHost,
  request: SearchRequest
): Promise<SearchResponse> {
  const { offset, take } = pageOf(request)
  const { query, filters } = request
  const text = await search.search({ query, filters, take })
  return {
    query,
    total: text.total,
    offset,
    hits: text.hits.slice(offset, take),
    facets: text.facets,
    indexing: { ...text.indexing, libraryLoading: true }
  }
}

/** Where the page starts, and how many of the best hits it needs (those before it too). */
function pageOf(request: SearchRequest): { offset: number; take: number } {
  const offset = request.offset ?? 0
  return { offset, take: offset + (request.limit ?? DEFAULT_LIMIT) }
}

/**
 * Both searches where they run apart (annotations searched in this thread: tests), started at
 * once; the text search's error (a query it cannot parse) is the one reported.
 */
async function searchApart(
  services: SearchServices,
  request: TextQuery & { take: number }
): Promise<Omit<CombinedAnswer, 'instance'>> {
  const { query, filters, take } = request
  const texts = services.search.search({ query, filters, take })
  const library = services.library
  // Built on the first annotation that matches, not per hit nor for queries with none.
  let byId: Map<string, Briefing> | undefined
  const annotations = Promise.resolve().then(() =>
    services.annotationSearch.search(query, {
      take,
      filters,
      sectionEntities: (briefingId, sectionId) => {
        byId ??= new Map(library.briefings.map((b) => [b.id, b]))
        const briefing = byId.get(briefingId)
        const section = briefing?.sections.find((s) => s.id === sectionId)
        const names = new Map<string, string>()
        for (const mention of section?.mentions ?? []) {
          const entity = library.entities.get(mention.entity)
          if (entity) names.set(entity.id, entity.name)
        }
        return names
      }
    })
  )
  annotations.catch(() => undefined)
  const { facets, ...text } = await texts
  const notes = await annotations
  return { text, notes, facets: mergeFacets(facets, notes.facets) }
}

/** Briefings whose annotations are still being sent to search count as still indexing. */
function withAnnotations(status: IndexStatus, services: SearchServices): IndexStatus {
  const pending = services.annotationSearch.pendingBriefings?.() ?? 0
  return pending > 0 ? { ...status, pendingBriefings: status.pendingBriefings + pending } : status
}

/**
 * Until the index process has read the library it knows no sections at all: say that the whole
 * library (as main has loaded it) is still being indexed, rather than that the index is complete.
 */
function indexingOf(status: IndexStatus, services: SearchServices): IndexStatus {
  if (status.totalSections > 0 || services.info.sectionCount === 0) return status
  return {
    indexedSections: 0,
    totalSections: services.info.sectionCount,
    pendingBriefings: services.info.briefingCount
  }
}
