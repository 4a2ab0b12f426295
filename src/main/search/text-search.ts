// One text query over the loaded shards: fan out, keep each section once and only from a shard
// built with its current content, check phrases, apply filters, count facets over every hit and
// turn the top ones into hits with marked snippets.

import type lunr from 'lunr'

import type { FacetCount, SearchFacets, SearchFilters, SearchHit } from '../../shared/ipc-contract'
import type { Entity } from '../../shared/dataset'
import { hitOf } from './text-hit'
import type { TermMarker } from './mark-terms'
import { phraseRanges } from './phrases'
import type { QueryPlan } from './query-plan'
import type { IndexedSection } from './section-index'

/** A loaded lunr index and the content (briefing id → content hash) it was built from. */
export interface LoadedShard {
  index: lunr.Index
  built: ReadonlyMap<string, string>
  /**
   * Section refs (sectionRef) by lunr document ref, a base-36 number: short refs keep the index
   * small, since lunr repeats a document's ref in every posting and field vector.
   */
  refs: readonly string[]
}

/** The current library as the search sees it. */
export interface SearchView {
  sections: ReadonlyMap<string, IndexedSection>
  /** Content hash of each briefing's documents; a shard built from another hash is stale. */
  hashes: ReadonlyMap<string, string>
  entities: ReadonlyMap<string, Entity>
}

export interface TextSearchRequest {
  plan: QueryPlan
  filters?: SearchFilters
  /** How many of the best hits to return with snippets. */
  take: number
}

export interface TextSearchResult {
  total: number
  hits: SearchHit[]
  facets: SearchFacets
  /** Milliseconds spent inside lunr's own query code (the benchmark reports its share). */
  lunrMs: number
}

/** Most values listed per facet. */
export const FACET_LIMIT = 30

interface Match {
  ref: string
  entry: IndexedSection
  result: lunr.Index.Result
}

export function searchShards(
  shards: readonly LoadedShard[],
  view: SearchView,
  marker: TermMarker,
  request: TextSearchRequest
): TextSearchResult {
  const { plan, filters = {} } = request
  const empty = { total: 0, hits: [], facets: emptyFacets(), lunrMs: 0 }
  // Only highlights have a colour.
  if (plan.clauses.length === 0 || filters.color !== undefined) return empty
  const seen = new Set<string>()
  const matches: Match[] = []
  let lunrMs = 0
  for (const shard of shards) {
    const started = performance.now()
    const results = shard.index.query((query) => {
      for (const clause of plan.clauses) query.clause({ ...clause })
    })
    lunrMs += performance.now() - started
    for (const result of results) {
      const ref = shard.refs[parseInt(result.ref, 36)] ?? ''
      const entry = view.sections.get(ref)
      if (!entry || seen.has(ref)) continue
      const briefingId = entry.briefing.id
      if (shard.built.get(briefingId) !== view.hashes.get(briefingId)) continue
      if (!passes(entry, plan, filters)) continue
      seen.add(ref)
      matches.push({ ref, entry, result })
    }
  }
  matches.sort((a, b) => b.result.score - a.result.score || compare(a.ref, b.ref))
  const hits = matches
    .slice(0, request.take)
    .map((m) => hitOf(m.entry, m.result, view.entities, marker, plan))
  return { total: matches.length, hits, facets: countFacets(matches, view.entities), lunrMs }
}

function passes(entry: IndexedSection, plan: QueryPlan, filters: SearchFilters): boolean {
  const { briefing, section } = entry
  if (filters.briefingId !== undefined && briefing.id !== filters.briefingId) return false
  if (filters.entityId !== undefined && !entry.entities.includes(filters.entityId)) return false
  if (filters.tag !== undefined && !entry.tags.includes(filters.tag)) return false
  return plan.phrases.every((phrase) => {
    const texts =
      phrase.field === 'heading'
        ? [section.heading]
        : phrase.field === 'briefing'
          ? [briefing.title]
          : phrase.field === 'body'
            ? [section.text]
            : [section.heading, section.text]
    return texts.some((text) => phraseRanges(text, phrase.words).length > 0)
  })
}

function countFacets(matches: Match[], entities: ReadonlyMap<string, Entity>): SearchFacets {
  const briefings = new Counter()
  const entityCounts = new Counter()
  const tags = new Counter()
  for (const { entry } of matches) {
    briefings.add(entry.briefing.id, entry.briefing.title)
    for (const id of entry.entities) {
      const entity = entities.get(id)
      if (entity) entityCounts.add(id, entity.name)
    }
    for (const tag of entry.tags) tags.add(tag, tag)
  }
  return { briefing: briefings.top(), entity: entityCounts.top(), tag: tags.top(), color: [] }
}

export function emptyFacets(): SearchFacets {
  return { briefing: [], entity: [], tag: [], color: [] }
}

/** Counts per value, listed most frequent first (ties by label). */
export class Counter {
  readonly #counts = new Map<string, FacetCount>()

  add(value: string, label: string, by = 1): void {
    const known = this.#counts.get(value)
    if (known) known.count += by
    else this.#counts.set(value, { value, label, count: by })
  }

  top(limit = FACET_LIMIT): FacetCount[] {
    return [...this.#counts.values()]
      .sort((a, b) => b.count - a.count || compare(a.label, b.label))
      .slice(0, limit)
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
