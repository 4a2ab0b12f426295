// Search requests and answers (search:query): filters, hits with their snippets and match ranges,
// facet counts, and how much of the library the index covers.

import type { HighlightColor } from './annotations'

/** Facet values a search is narrowed to; a hit must match every filter given. */
export interface SearchFilters {
  briefingId?: string
  entityId?: string
  tag?: string
  /** A highlight colour: only highlights (and their notes) of that colour match. */
  color?: HighlightColor
}

export interface SearchRequest {
  query: string
  /** Maximum number of hits to return (1–200, default 20). */
  limit?: number
  /** Hits to skip, for "load more" (0–10,000, default 0). */
  offset?: number
  filters?: SearchFilters
}

/** A piece of snippet text; `mark` is true for a matched term. Rendered as text, never markup. */
export interface SnippetPart {
  text: string
  mark: boolean
}

export interface SearchHit {
  /** What matched: the briefing text, one of the analyst's highlights, or a note. */
  kind: 'text' | 'highlight' | 'note'
  /** The highlight or note that matched (kind 'highlight' or 'note'). */
  annotationId?: string
  briefingId: string
  briefingTitle: string
  sectionId: string
  heading: string
  score: number
  /** Fields the query matched in: body, heading, briefing, person, org, place, programme, tag. */
  fields: string[]
  snippet: SnippetPart[]
  /** [start, end) UTF-16 ranges of matched terms in the section text, for marking in the reader. */
  matches: [number, number][]
}

/** One facet value and how many hits (of all, not just this page) carry it. */
export interface FacetCount {
  /** What a filter names: a briefing id, entity id, tag or colour. */
  value: string
  /** What the analyst reads: a briefing title, entity name, tag or colour. */
  label: string
  count: number
}

export interface SearchFacets {
  briefing: FacetCount[]
  entity: FacetCount[]
  tag: FacetCount[]
  color: FacetCount[]
}

/** How much of the library the search index covers; searches answer from what is ready. */
export interface IndexStatus {
  /** Sections searchable now. */
  indexedSections: number
  /** Sections in the library. */
  totalSections: number
  /** Briefings whose sections are still being indexed (0 when the index is complete). */
  pendingBriefings: number
  /**
   * The app is still loading the library: the hits are the text of the index as it was last
   * complete, and highlights and notes are not searched yet.
   */
  libraryLoading?: boolean
}

export interface SearchResponse {
  query: string
  /** Hits in all (after filters), of which `hits` is the page from `offset`. */
  total: number
  offset: number
  hits: SearchHit[]
  /** Counts over all hits, with the request's filters applied. */
  facets: SearchFacets
  indexing: IndexStatus
}
