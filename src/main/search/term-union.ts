// The terms of every loaded shard in one lunr token set: a fuzzy word or a wildcard inside a word
// is expanded once per query against it (lunr's own automaton), and each shard then looks the
// expanded terms up in its dictionary. One walk instead of one per shard, and one trie in memory.

import lunr from 'lunr'

import type { PostingIndex } from './posting-index'
import type { LibraryWords } from './fuzzy-words'
import type { Expander } from './posting-query'
import { TimeSlice } from '../time-slice'

/** lunr.TokenSet's static parts: public in lunr, missing from @types/lunr. */
const TokenSets = lunr.TokenSet as unknown as {
  fromClause(clause: lunr.Query.Clause): lunr.TokenSet
  Builder: new () => { insert(word: string): void; finish(): void; root: lunr.TokenSet }
}

export class TermUnion {
  readonly #indexes: ReadonlySet<PostingIndex>
  readonly #tokenSet: lunr.TokenSet

  constructor(indexes: readonly PostingIndex[], tokenSet?: lunr.TokenSet) {
    this.#indexes = new Set(indexes)
    this.#tokenSet = tokenSet ?? trieOf(mergedTerms(indexes))
  }

  /** Whether this union was made of exactly these indexes (in any order). */
  covers(indexes: readonly PostingIndex[]): boolean {
    return (
      indexes.length === this.#indexes.size && indexes.every((index) => this.#indexes.has(index))
    )
  }

  /** The terms of any shard that lunr's token set for `clause` accepts. */
  expand(clause: lunr.Query.Clause): string[] {
    return this.#tokenSet.intersect(TokenSets.fromClause(clause)).toArray()
  }
}

// The union of the shards last searched together: made again only when the set of loaded shards
// changes (the index process builds it ahead, once loading is done: see IndexEngine).
let shared: TermUnion | undefined
// A shard matched on its own (tests, a single index) keeps its own.
const single = new WeakMap<PostingIndex, TermUnion>()

/** The union for these indexes, made now if the last one was of other shards. */
export function termUnionOf(indexes: readonly PostingIndex[]): TermUnion {
  if (indexes.length === 1) {
    const [index] = indexes as [PostingIndex]
    let made = single.get(index)
    if (!made) {
      made = new TermUnion([index])
      single.set(index, made)
    }
    return made
  }
  if (!shared?.covers(indexes)) shared = new TermUnion(indexes)
  return shared
}

/**
 * Makes the union for these indexes ahead of the first query that needs it, yielding between
 * slices of words so queries and syncs are answered meanwhile. Gives up if `wanted` turns false
 * (the shards changed); a query that needs the union before it is done makes its own.
 */
export async function prepareTermUnion(
  indexes: readonly PostingIndex[],
  wanted: () => boolean
): Promise<void> {
  if (shared?.covers(indexes)) return
  const slice = new TimeSlice()
  await slice.next()
  if (!wanted() || shared?.covers(indexes)) return
  const builder = new TokenSets.Builder()
  for (const word of mergedTerms(indexes)) {
    builder.insert(word)
    if (slice.due()) {
      await slice.next()
      if (!wanted() || shared?.covers(indexes)) return
    }
  }
  builder.finish()
  shared = new TermUnion(indexes, builder.root)
}

/**
 * The terms of every index once, in the order lunr's token set builder needs (by code unit): a
 * merge of the indexes' sorted lists, taken a term at a time, rather than one sort of all of them
 * (a stretch of tens of milliseconds at 50k sections that queries would wait behind).
 */
export function* mergedTerms(indexes: readonly PostingIndex[]): Generator<string> {
  const lists = indexes.map((index) => index.terms).filter((terms) => terms.length > 0)
  const at = lists.map(() => 0)
  const head = (list: number) => lists[list]![at[list]!]!
  // A binary heap of list numbers, the list whose next term comes first on top.
  const heap = lists.map((_, list) => list)
  const siftDown = (from: number) => {
    for (let parent = from; ;) {
      const [left, right] = [2 * parent + 1, 2 * parent + 2]
      let first = parent
      if (left < heap.length && head(heap[left]!) < head(heap[first]!)) first = left
      if (right < heap.length && head(heap[right]!) < head(heap[first]!)) first = right
      if (first === parent) return
      ;[heap[parent], heap[first]] = [heap[first]!, heap[parent]!]
      parent = first
    }
  }
  for (let node = (heap.length >> 1) - 1; node >= 0; node--) siftDown(node)
  let last: string | undefined
  while (heap.length > 0) {
    const list = heap[0]!
    const term = head(list)
    if (term !== last) yield term
    last = term
    at[list]! += 1
    if (at[list] === lists[list]!.length) {
      // That list is done: the heap's last takes its place.
      heap[0] = heap[heap.length - 1]!
      heap.pop()
    }
    siftDown(0)
  }
}

/** lunr.TokenSet.fromArray. */
function trieOf(words: Iterable<string>): lunr.TokenSet {
  const builder = new TokenSets.Builder()
  for (const word of words) builder.insert(word)
  builder.finish()
  return builder.root
}

/** Whether a word typed with `distance` expands over the library's words (else lunr's). */
export const nearLibraryWords = (distance: number, typed: string): boolean =>
  distance > 0 && !typed.includes('*')

/**
 * Expansions for one query: each fuzzy or wildcard word is expanded once, for every shard. With
 * the library's words, a fuzzy word as typed is expanded to the words near it (fuzzy-words.ts);
 * without them (still being collected) and for wildcards, by lunr's token set.
 */
export function queryExpander(
  indexes: readonly PostingIndex[],
  library?: LibraryWords | (() => LibraryWords | undefined)
): Expander {
  const expanded = new Map<string, readonly string[]>()
  // Asked for only when a fuzzy word needs them: collecting them can take a while (see
  // libraryWordsOf), and a start's first answers should not wait for it without one.
  let collected: LibraryWords | undefined
  let asked = false
  const wordsNow = () => {
    if (!asked) collected = typeof library === 'function' ? library() : library
    asked = true
    return collected
  }
  return (clause, typed) => {
    const distance = 'editDistance' in clause ? clause.editDistance : 0
    const words = typed !== undefined && nearLibraryWords(distance, typed) ? wordsNow() : undefined
    const near = words && typed !== undefined
    const key = near ? `~${distance} ${typed}` : `${distance || '-'} ${clause.term}`
    let terms = expanded.get(key)
    if (!terms) {
      terms = near
        ? words.termsNear(typed.replace(/^\W+/, '').replace(/\W+$/, ''), distance)
        : termUnionOf(indexes).expand(clause)
      expanded.set(key, terms)
    }
    return terms
  }
}
