// The annotation index's words for wildcards and fuzzy words, in a lunr token set (trie): made
// when first needed, and words added since are looked up in a small trie of their own until
// there are enough of them to make the whole one again.

import lunr from 'lunr'

/** lunr.TokenSet's static parts: public in lunr, missing from @types/lunr. */
const TokenSets = lunr.TokenSet as unknown as {
  fromClause(clause: lunr.Query.Clause): lunr.TokenSet
  Builder: new () => { insert(word: string): void; finish(): void; root: lunr.TokenSet }
}

// New words are looked up in a small trie of their own until there are this many.
const NEW_WORDS_BEFORE_REBUILD = 2000

export class AnnotationWords {
  #trie: lunr.TokenSet | undefined
  readonly #newWords = new Set<string>()

  added(word: string): void {
    this.#newWords.add(word)
  }

  /** The trie may still list it: expansions are checked against the index's words. */
  removed(word: string): void {
    this.#newWords.delete(word)
  }

  /** The index terms (keys of `words`) one term of a clause stands for, sorted. */
  expand(clause: lunr.Query.Clause, term: string, words: ReadonlyMap<string, unknown>): string[] {
    const fuzzy = (clause.editDistance ?? 0) > 0
    if (!fuzzy && !term.includes('*')) return words.has(term) ? [term] : []
    if (!fuzzy && term.indexOf('*') === term.length - 1) {
      const prefix = term.slice(0, -1)
      return [...words.keys()].filter((t) => t.startsWith(prefix)).sort()
    }
    if (this.#newWords.size > NEW_WORDS_BEFORE_REBUILD || !this.#trie) {
      this.#trie = trieOf([...words.keys()])
      this.#newWords.clear()
    }
    const wanted = TokenSets.fromClause({ ...clause, term })
    const found = new Set(this.#trie.intersect(wanted).toArray())
    if (this.#newWords.size > 0) {
      for (const word of trieOf([...this.#newWords])
        .intersect(wanted)
        .toArray())
        found.add(word)
    }
    return [...found].filter((word) => words.has(word)).sort()
  }
}

function trieOf(words: string[]): lunr.TokenSet {
  const builder = new TokenSets.Builder()
  // lunr's token set builder needs its words sorted (by code unit).
  for (const word of words.sort()) builder.insert(word)
  builder.finish()
  return builder.root
}
