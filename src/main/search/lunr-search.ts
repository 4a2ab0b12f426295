// The SearchService over lunr: one document per section, queries in lunr's syntax, hits with the
// fields that matched, a marked snippet and the ranges of matched words in the section text.

import type lunr from 'lunr'

import type { SearchHit, SearchRequest, SearchResponse } from '../../shared/ipc-contract'
import type { Library } from '../dataset/library'
import { createTermMarker } from './mark-terms'
import { parseQuery } from './parse-query'
import type { SearchService } from './search-service'
import { buildSectionIndex, SEARCH_FIELDS } from './section-index'
import { buildSnippet } from './snippet'

/** Hits returned when the request names no limit. */
export const DEFAULT_LIMIT = 20
const MAX_LIMIT = 200

/** lunr's MatchData.metadata: index term → field → stored metadata (none is stored here). */
type MatchMetadata = Record<string, Record<string, unknown>>

/**
 * Indexes every section of `library` (once, here) and returns the search service over it.
 * Query errors reject with AppError('query-syntax'); see parse-query.ts for what is refused.
 */
export function createLunrSearch(library: Library): SearchService {
  const { index, sections, pipeline } = buildSectionIndex(library)
  const marker = createTermMarker(pipeline)

  function toHit(result: lunr.Index.Result): SearchHit | undefined {
    const entry = sections.get(result.ref)
    if (!entry) return undefined
    const { briefing, section } = entry
    const metadata = result.matchData.metadata as MatchMetadata
    const matchedFields = new Set<string>()
    const bodyTerms = new Set<string>()
    for (const term of Object.keys(metadata)) {
      for (const field of Object.keys(metadata[term] ?? {})) {
        matchedFields.add(field)
        if (field === 'body') bodyTerms.add(term)
      }
    }
    // Only words matched in the body are in the text; a match on a heading, entity name or tag
    // alone leaves the snippet as the unmarked opening of the section.
    const matches = marker.rangesOf(section.text, bodyTerms)
    return {
      briefingId: briefing.id,
      briefingTitle: briefing.title,
      sectionId: section.id,
      heading: section.heading,
      score: result.score,
      fields: SEARCH_FIELDS.filter((field) => matchedFields.has(field)),
      snippet: buildSnippet(section.text, matches),
      matches
    }
  }

  return {
    async search(request: SearchRequest): Promise<SearchResponse> {
      const query = request.query
      const none: SearchResponse = { query, total: 0, hits: [] }
      if (query.trim() === '') return none
      const clauses = parseQuery(query, SEARCH_FIELDS, pipeline)
      // Only stop words or punctuation: lunr would treat an empty query as "everything".
      if (clauses.length === 0) return none
      const results = index.query((built) => {
        for (const clause of clauses) built.clause(clause)
      })
      const hits: SearchHit[] = []
      for (const result of results.slice(0, limitOf(request))) {
        const hit = toHit(result)
        if (hit) hits.push(hit)
      }
      return { query, total: results.length, hits }
    }
  }
}

function limitOf(request: SearchRequest): number {
  const limit = request.limit
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)))
}
