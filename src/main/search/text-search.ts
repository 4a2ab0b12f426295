// One text query over the loaded shards: fan out, keep each section once and only from a shard
// built with its current content, check phrases, apply filters, count facets over every hit and
// turn the top ones into hits with marked snippets.

import { setImmediate as nextTurn } from 'node:timers/promises'

import type { SearchFacets, SearchFilters, SearchHit } from '../../shared/search'
import type { Entity } from '../../shared/dataset'
import { libraryWordsOf, prepareWords } from './fuzzy-words'
import { hitMaker } from './text-hit'
import type { TermMarker } from './mark-terms'
import { hasPhrase } from './phrases'
import { matchShard, sharedMatchedTerms } from './posting-query'
import { prepareTermUnion, queryExpander } from './term-union'
import type { Expander, ShardMatches } from './posting-query'
import type { PostingIndex } from './posting-index'
import type { RefRanks } from './ref-ranks'
import type { QueryPlan } from './query-plan'
import type { IndexedSection } from './section-index'
import { prepareTables, tablesOf } from './tables-by-view'
import type { ViewTables } from './view-tables'
import { TimeSlice } from '../time-slice'

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
  /**
   * Milliseconds spent matching and scoring postings, with gathering each shard's matches (the
   * benchmark reports its share).
   */
  scoringMs: number
}

/**
 * Every hit of a query in parallel typed arrays, reused by every query (they run one at a time):
 * there can be tens of thousands of hits, and a section is a hit at most once.
 */
class Found {
  count = 0
  shard = new Int32Array(0)
  document = new Int32Array(0)
  serial = new Int32Array(0)
  score = new Float64Array(0)

  /** Empties the lists, with room for `size` hits. */
  reset(size: number): this {
    if (this.shard.length < size) {
      this.shard = new Int32Array(size)
      this.document = new Int32Array(size)
      this.serial = new Int32Array(size)
      this.score = new Float64Array(size)
    }
    this.count = 0
    return this
  }
}
const scratchFound = new Found()
const NO_FILTERS: SearchFilters = Object.freeze({})

export function searchShards(
  shards: readonly LoadedShard[],
  view: SearchView,
  marker: TermMarker,
  request: TextSearchRequest
): TextSearchResult {
  const { plan, filters = NO_FILTERS } = request
  // Only highlights have a colour.
  if (plan.clauses.length === 0 || filters.color !== undefined) {
    return { total: 0, hits: [], facets: emptyFacets(), scoringMs: 0 }
  }
  const tables = tablesOf(view)
  // A section in two loaded shards (built from the same content) counts once: from the first.
  const seen = tables.clearedMarks()
  const found = scratchFound.reset(tables.sectionCount)
  const filtering =
    filters.briefingId !== undefined ||
    filters.entityId !== undefined ||
    filters.tag !== undefined ||
    plan.phrases.length > 0
  const matched: ShardMatches[] = []
  const current: ShardEntries[] = []
  // Made when a word needs it (a fuzzy word, a wildcard inside a word): most queries have none.
  let expand: Expander | undefined
  const expander: Expander = (clause, typed) => {
    expand ??= queryExpander(
      shards.map((shard) => shard.index),
      () => libraryWordsOf(view)
    )
    return expand(clause, typed)
  }
  // Timed as a whole: two clock reads per shard were a few per cent of a selective query.
  const started = performance.now()
  for (let s = 0; s < shards.length; s++) {
    const shard = shards[s]!
    const matches = matchShard(shard.index, plan.scoring, expander)
    matched.push(matches)
    if (matches.count === 0) continue
    const { entries, serials } = (current[s] = currentEntries(shard, view, tables))
    const { documents, scores } = matches
    for (let i = 0; i < matches.count; i++) {
      const document = documents[i]!
      const serial = serials[document]!
      // A serial of -1 is a section not in the view or not current (see currentEntries).
      if (serial < 0 || seen[serial] === 1) continue
      if (filtering && !passes(entries[document]!, plan, filters)) continue
      seen[serial] = 1
      const at = found.count++
      found.shard[at] = s
      found.document[at] = document
      found.score[at] = scores[i]!
      found.serial[at] = serial
    }
  }
  const scoringMs = performance.now() - started
  tables.releaseMarks(found.serial, found.count)
  const entryOf = (i: number) => current[found.shard[i]!]!.entries[found.document[i]!]!
  const hitOf = hitMaker(view.entities, marker, plan)
  const shown = best(found, tables.refRanks, request.take)
  const hits = new Array<SearchHit>(shown.length)
  for (let h = 0; h < shown.length; h++) {
    const i = shown[h]!
    const s = found.shard[i]!
    // Hits that matched the same terms share what is worked out from them.
    const terms = sharedMatchedTerms(shards[s]!.index, matched[s]!, found.document[i]!)
    hits[h] = hitOf(entryOf(i), found.score[i]!, terms)
  }
  const facets = tables.countFacets(found.serial, found.count, entryOf)
  return { total: found.count, hits, facets, scoringMs }
}

/**
 * Makes ahead what the first query over these shards and this view would otherwise make: section
 * and facet tables, each shard's sections and term table, the fuzzy-expansion trie (~0.25 s in
 * all at 50k sections). Yields between steps so queries and syncs are answered meanwhile, and
 * stops when `wanted` turns false.
 */
export async function prepareSearch(
  shards: readonly LoadedShard[],
  view: SearchView,
  wanted: () => boolean
): Promise<void> {
  // One slice across the steps: each starting its own, the stretch across a hand-over could be two.
  const slice = new TimeSlice()
  const tables = await prepareTables(view, wanted, slice)
  if (!tables) return
  await tables.prepareFacets(wanted, slice)
  for (const shard of shards) {
    if (!wanted()) return
    currentEntries(shard, view, tables)
    shard.index.termId('')
    await nextTurn()
  }
  if (wanted()) await prepareWords(view, wanted)
  if (wanted())
    await prepareTermUnion(
      shards.map((shard) => shard.index),
      wanted
    )
}

// Each shard's sections by document number, for the view they were looked up in: a section
// whose briefing changed since the shard was built is missing (its hits come from a newer shard).
interface ShardEntries {
  view: SearchView
  entries: (IndexedSection | undefined)[]
  /** Each section's number in the view's tables. */
  serials: Int32Array
}
const entriesOf = new WeakMap<LoadedShard, ShardEntries>()

function currentEntries(shard: LoadedShard, view: SearchView, tables: ViewTables): ShardEntries {
  const known = entriesOf.get(shard)
  if (known?.view === view) return known
  const entries = shard.refs.map((ref) => {
    const entry = view.sections.get(ref)
    const id = entry?.briefing.id ?? ''
    return entry && shard.built.get(id) === view.hashes.get(id) ? entry : undefined
  })
  const serials = Int32Array.from(entries, (entry) => (entry ? tables.serialOf(entry) : -1))
  const made = { view, entries, serials }
  entriesOf.set(shard, made)
  return made
}

/**
 * Hands each shard's sections on to `next`, a view made from `previous` by difference whose
 * tables were handed on too (extendTables), when none of the shard's briefings changed.
 */
export function carryEntries(
  shards: readonly LoadedShard[],
  previous: SearchView,
  next: SearchView,
  changed: ReadonlySet<string>
): void {
  for (const shard of shards) {
    const known = entriesOf.get(shard)
    if (known?.view !== previous) continue
    if ([...changed].some((id) => shard.built.has(id))) continue
    entriesOf.set(shard, { ...known, view: next })
  }
}

/**
 * Positions of the `take` best scores, best first (ties by section ref, as the list would sort
 * them), without sorting them all.
 */
function best(found: Found, refRanks: RefRanks, take: number): number[] {
  const { score: scores, serial: serials, count } = found
  const better = (a: number, b: number) =>
    scores[a]! > scores[b]! ||
    (scores[a] === scores[b] && refRanks.before(serials[a]!, serials[b]!))
  if (take > 256) {
    return Array.from({ length: count }, (_, i) => i)
      .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
      .slice(0, Math.max(take, 0))
  }
  // Refs differ: this is the order a sort would give. Written out rather than topPositions:
  // called with closures from several places, its calls were not inlined, and this runs once
  // per hit.
  const kept: number[] = []
  if (take <= 0) return kept
  for (let item = 0; item < count; item++) {
    if (kept.length === take) {
      const last = kept[take - 1]!
      if (scores[item]! < scores[last]! || !better(item, last)) continue
    }
    // Its place by binary search: ties in score (common) compare the refs' ranks.
    let low = 0
    let high = kept.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (better(item, kept[middle]!)) high = middle
      else low = middle + 1
    }
    // Shifted by hand: splice cost more than the comparisons it followed.
    for (let at = kept.length; at > low; at--) kept[at] = kept[at - 1]!
    kept[low] = item
    if (kept.length > take) kept.pop()
  }
  return kept
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
    return texts.some((text) => hasPhrase(text, phrase.words))
  })
}

export function emptyFacets(): SearchFacets {
  return { briefing: [], entity: [], tag: [], color: [] }
}
