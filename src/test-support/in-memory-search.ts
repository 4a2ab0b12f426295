// Test support only: a SearchService over a library held in memory, in the caller's thread (one
// index, no cache), so tests check queries against the same code the index process runs.

import type { Library } from '../main/library/library'
import { createTermMarker } from '../main/search/mark-terms'
import { planQuery } from '../main/search/query-plan'
import { PostingIndex } from '../main/search/posting-index'
import { buildPostings, TermAnalyser } from '../main/search/posting-builder'
import type { PostingArrays } from '../main/search/posting-index'
import { createSearchPipeline } from '../main/search/section-index'
import type { SectionDocument } from '../main/search/section-index'
import { viewOf } from '../main/search/search-view'
import type { SearchService } from '../main/search/search-service'
import { DEFAULT_LIMIT } from '../main/search/search-all'
import { searchShards } from '../main/search/text-search'
import type { LoadedShard } from '../main/search/text-search'

/** Indexes every section of `library` (once, here) and returns the search service over it. */
export function createLunrSearch(library: Library): SearchService {
  const view = viewOf(library)
  const ids = [...view.hashes.keys()]
  const { arrays, refs } = buildIndex(ids.flatMap((id) => view.documents(id)))
  const shard: LoadedShard = { index: new PostingIndex(arrays), refs, built: new Map(view.hashes) }
  return createShardedSearch([shard], library)
}

/** Search over shards built elsewhere (the fan-out test compares it with one index). */
export function createShardedSearch(shards: LoadedShard[], library: Library): SearchService {
  const view = viewOf(library)
  const pipeline = createSearchPipeline()
  const marker = createTermMarker(pipeline)
  const total = [...view.sectionCounts.values()].reduce((a, b) => a + b, 0)
  return {
    async search({ query, filters, take = DEFAULT_LIMIT }) {
      const plan = planQuery(query, pipeline)
      const result = searchShards(shards, view, marker, { plan, filters, take })
      return {
        query,
        ...result,
        indexing: { indexedSections: total, totalSections: total, pendingBriefings: 0 }
      }
    }
  }
}

/** Indexes `documents` in one go: their postings, and section refs by document number. */
export function buildIndex(documents: readonly SectionDocument[]): {
  arrays: PostingArrays
  refs: string[]
} {
  const arrays = buildPostings(documents, new TermAnalyser(createSearchPipeline()))
  return { arrays, refs: documents.map((document) => document.ref) }
}

/** A shard of sections given by their non-empty fields (refs doc-0, doc-1, …). */
export function shardOf(sections: readonly Partial<SectionDocument>[]): PostingIndex {
  const empty = { briefing: '', heading: '', body: '', person: '', org: '', place: '', tag: '' }
  const documents = sections.map((fields, i) => ({
    ...empty,
    programme: '',
    ...fields,
    ref: `doc-${i}`
  }))
  return new PostingIndex(buildIndex(documents).arrays)
}
