// One text query over the loaded shards: fan out, keep each section once and only from a shard
// built with its current content, check phrases, apply filters, count facets over every hit and
// turn the top ones into hits with marked snippets.

import type { SearchFacets, SearchFilters, SearchHit } from '../../shared/ipc-contract'
import type { Entity } from '../../shared/dataset'
import { Counter } from './facet-counter'
import { hitOf } from './text-hit'
import type { TermMarker } from './mark-terms'
import { phraseRanges } from './phrases'
import { matchedTerms, matchShard } from './posting-query'
import type { ShardMatches } from './posting-query'
import type { PostingIndex } from './posting-index'
import type { QueryPlan } from './query-plan'
import type { IndexedSection } from './section-index'

/** A loaded index and the content (briefing id → content hash) it was built from. */
export interface LoadedShard {
  index: PostingIndex
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
  /** Milliseconds spent matching and scoring postings (the benchmark reports its share). */
  scoringMs: number
}

interface Match {
  entry: IndexedSection
  ref: string
  score: number
  shard: LoadedShard
  matches: ShardMatches
  document: number
}

export function searchShards(
  shards: readonly LoadedShard[],
  view: SearchView,
  marker: TermMarker,
  request: TextSearchRequest
): TextSearchResult {
  const { plan, filters = {} } = request
  const empty = { total: 0, hits: [], facets: emptyFacets(), scoringMs: 0 }
  // Only highlights have a colour.
  if (plan.clauses.length === 0 || filters.color !== undefined) return empty
  const seen = new Set<IndexedSection>()
  const matches: Match[] = []
  let scoringMs = 0
  for (const shard of shards) {
    const started = performance.now()
    const found = matchShard(shard.index, plan.scoring)
    scoringMs += performance.now() - started
    const entries = currentEntries(shard, view)
    for (let i = 0; i < found.count; i++) {
      const document = found.documents[i]!
      const entry = entries[document]
      if (!entry || seen.has(entry) || !passes(entry, plan, filters)) continue
      seen.add(entry)
      const ref = shard.refs[document]!
      matches.push({ entry, ref, score: found.scores[i]!, shard, matches: found, document })
    }
  }
  const hits = best(matches, request.take).map((m) => {
    const terms = matchedTerms(m.shard.index, m.matches, m.document)
    return hitOf(m.entry, { score: m.score, terms }, view.entities, marker, plan)
  })
  return { total: matches.length, hits, facets: countFacets(matches, view.entities), scoringMs }
}

// Each shard's sections by document number, for the view they were looked up in: a section
// whose briefing changed since the shard was built is missing (its hits come from a newer shard).
const entriesOf = new WeakMap<
  LoadedShard,
  { view: SearchView; entries: (IndexedSection | undefined)[] }
>()

function currentEntries(shard: LoadedShard, view: SearchView): (IndexedSection | undefined)[] {
  const known = entriesOf.get(shard)
  if (known?.view === view) return known.entries
  const entries = shard.refs.map((ref) => {
    const entry = view.sections.get(ref)
    const id = entry?.briefing.id ?? ''
    return entry && shard.built.get(id) === view.hashes.get(id) ? entry : undefined
  })
  entriesOf.set(shard, { view, entries })
  return entries
}

/** The `take` best matches, best first (ties by section ref), without sorting all of them. */
function best(matches: readonly Match[], take: number): Match[] {
  const better = (a: Match, b: Match) => a.score > b.score || (a.score === b.score && a.ref < b.ref)
  if (take <= 0) return []
  if (matches.length > take * 8) {
    const top: Match[] = []
    for (const match of matches) {
      if (top.length === take && !better(match, top[take - 1]!)) continue
      let at = top.length
      while (at > 0 && better(match, top[at - 1]!)) at -= 1
      top.splice(at, 0, match)
      if (top.length > take) top.pop()
    }
    return top
  }
  return [...matches].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, take)
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
