// Finds where matched index terms occur in a section's text, without stored positions: the text
// is split like lunr's tokenizer and each word goes through the index's pipeline again.

import lunr from 'lunr'

/** [start, end) UTF-16 offsets into a text. */
export type Range = [number, number]

/** A word of the text and where it sits, split exactly where lunr.tokenizer splits. */
export interface TextToken {
  /** The word as lunr sees it (lower case). */
  word: string
  start: number
  end: number
}

export interface TermMarker {
  /**
   * Ranges of the words of `text` whose index term is in `terms` (as found in a lunr result's
   * matchData), sorted and non-overlapping. Punctuation the trimmer strips is left unmarked.
   */
  rangesOf(text: string, terms: ReadonlySet<string>): Range[]
}

const LEADING_NON_WORD = /^\W+/

// Words seen once are likely to be seen again (the same sections come up query after query);
// the cache is dropped whole when it grows past this many words.
const CACHE_LIMIT = 50_000

/**
 * Splits `text` the way lunr.tokenizer does (at each character matching its separator, by
 * default whitespace and "-"), keeping offsets into the original, not lower-cased, text.
 */
export function tokenizeWithOffsets(text: string): TextToken[] {
  // lunr tests one character at a time; a global search for runs of the same character class
  // finds the same boundaries in one pass.
  const separator = lunr.tokenizer.separator
  const separators = new RegExp(separator.source, `${separator.flags.replace('g', '')}g`)
  const tokens: TextToken[] = []
  let start = 0
  for (const found of text.matchAll(separators)) {
    if (found[0] === '') continue
    if (found.index > start) tokens.push(token(text, start, found.index))
    start = found.index + found[0].length
  }
  if (text.length > start) tokens.push(token(text, start, text.length))
  return tokens
}

function token(text: string, start: number, end: number): TextToken {
  return { word: text.slice(start, end).toLowerCase(), start, end }
}

/** A marker that runs words through `pipeline`, which must be the one the index was built with. */
export function createTermMarker(pipeline: lunr.Pipeline): TermMarker {
  const termsOfWord = new Map<string, string[]>()

  function indexTerms(word: string): string[] {
    let terms = termsOfWord.get(word)
    if (terms === undefined) {
      terms = pipeline.run([new lunr.Token(word, {})]).map((token) => token.toString())
      if (termsOfWord.size >= CACHE_LIMIT) termsOfWord.clear()
      termsOfWord.set(word, terms)
    }
    return terms
  }

  return {
    rangesOf(text, terms) {
      if (terms.size === 0) return []
      // The pipeline keeps a word's first two letters (the trimmer only cuts punctuation around
      // it, the stemmer only endings, and words under three letters are not stemmed): words that
      // start differently from every term are skipped without running the pipeline.
      const starts = new Set([...terms].map((term) => term.slice(0, 2)))
      const ranges: Range[] = []
      for (const token of tokenizeWithOffsets(text)) {
        const bare = token.word.replace(LEADING_NON_WORD, '')
        if (!starts.has(bare.slice(0, 2))) continue
        // "" is what the trimmer leaves of bare punctuation ("—"); it is never a real match.
        if (!indexTerms(token.word).some((term) => term !== '' && terms.has(term))) continue
        ranges.push(trimmedRange(text, token))
      }
      return ranges
    }
  }
}

/**
 * The token's range without the leading/trailing non-word characters lunr.trimmer removes, so
 * "Kishida," marks "Kishida". Falls back to the whole token if lower-casing changed its length.
 */
function trimmedRange(text: string, token: TextToken): Range {
  const raw = text.slice(token.start, token.end)
  if (raw.length !== token.word.length) return [token.start, token.end]
  const lead = /^\W+/.exec(raw)?.[0].length ?? 0
  const trail = /\W+$/.exec(raw)?.[0].length ?? 0
  if (lead + trail >= raw.length) return [token.start, token.end]
  return [token.start + lead, token.end - trail]
}
