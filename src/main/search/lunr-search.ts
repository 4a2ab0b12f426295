// The SearchService over lunr: one document per section, queries in lunr's syntax, hits with the
// fields that matched, a marked snippet and the ranges of matched words in the section text.

import type lunr from 'lunr'

import type { SearchHit, SearchRequest, SearchResponse } from '../../shared/ipc-contract'
import type { Library } from '../dataset/library'
import { createTermMarker } from './mark-terms'
import { parseQuery } from './parse-query'
import type { SearchService } from './search-service'
import type { Range } from './mark-terms'
import { buildSectionIndex, ENTITY_FIELD, SEARCH_FIELDS } from './section-index'
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
    const termsByField = new Map<string, Set<string>>()
    for (const term of Object.keys(metadata)) {
      for (const field of Object.keys(metadata[term] ?? {})) {
        if (!termsByField.has(field)) termsByField.set(field, new Set())
        termsByField.get(field)?.add(term)
      }
    }
    // Words matched in the body are marked where they stand. A term matched only through an
    // entity field marks the mentions of the entities whose names it matched (`person:kishida`
    // or an alias such as "nippon" mark "Fumio Kishida" / "Japan"). A match on a heading or tag
    // alone leaves the snippet as the unmarked opening.
    const bodyTerms = termsByField.get('body') ?? new Set<string>()
    const ranges = marker.rangesOf(section.text, bodyTerms)
    for (const mention of section.mentions) {
      const entity = library.entities.get(mention.entity)
      const fieldTerms = entity && termsByField.get(ENTITY_FIELD[entity.kind])
      const terms = new Set([...(fieldTerms ?? [])].filter((term) => !bodyTerms.has(term)))
      if (!entity || terms.size === 0) continue
      const names = [entity.name, ...entity.aliases]
      if (names.some((name) => marker.rangesOf(name, terms).length > 0)) {
        ranges.push([mention.start, mention.end])
      }
    }
    const matches = mergeRanges(ranges)
    return {
      kind: 'text',
      briefingId: briefing.id,
      briefingTitle: briefing.title,
      sectionId: section.id,
      heading: section.heading,
      score: result.score,
      fields: SEARCH_FIELDS.filter((field) => termsByField.has(field)),
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

/** Sorts ranges and merges the ones that overlap or touch. */
function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: Range[] = []
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}
