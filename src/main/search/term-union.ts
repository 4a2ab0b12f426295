// The terms of every loaded shard in one lunr token set: a fuzzy word or a wildcard inside a word
// is expanded once per query against it (lunr's own automaton), and each shard then looks the
// expanded terms up in its dictionary. One walk instead of one per shard, and one trie in memory.

import lunr from 'lunr'

import type { PostingIndex } from './posting-index'
import type { Expander } from './posting-query'

/** lunr.TokenSet's static constructors: public in lunr, missing from @types/lunr. */
const TokenSets = lunr.TokenSet as unknown as {
  fromArray(terms: string[]): lunr.TokenSet
  fromClause(clause: lunr.Query.Clause): lunr.TokenSet
}

export class TermUnion {
  readonly #indexes: ReadonlySet<PostingIndex>
  readonly #tokenSet: lunr.TokenSet

  constructor(indexes: readonly PostingIndex[]) {
    this.#indexes = new Set(indexes)
    const terms = new Set<string>()
    for (const index of indexes) for (const term of index.terms) terms.add(term)
    // lunr's token set builder needs its words sorted (as lunr sorts them: by code unit).
    this.#tokenSet = TokenSets.fromArray([...terms].sort())
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

/** Expansions for one query: each fuzzy or wildcard word is expanded once, for every shard. */
export function queryExpander(indexes: readonly PostingIndex[]): Expander {
  const expanded = new Map<string, readonly string[]>()
  return (clause) => {
    const key = `${'editDistance' in clause ? clause.editDistance : '-'} ${clause.term}`
    let terms = expanded.get(key)
    if (!terms) {
      terms = termUnionOf(indexes).expand(clause)
      expanded.set(key, terms)
    }
    return terms
  }
}
