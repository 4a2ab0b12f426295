// Finds where matched index terms occur in a section's text, without stored positions: the text
// is split like lunr's tokenizer and each word goes through the index's pipeline again.

import lunr from 'lunr'

import {
  DEFAULT_SEPARATOR,
  eachCandidate,
  isDefaultSeparator,
  isWordCharacter,
  LOWERS_TO_ASCII,
  Starts
} from './word-starts'

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

// Words seen once are likely to be seen again (the same sections come up query after query);
// the cache is dropped whole when it grows past this many words.
const CACHE_LIMIT = 50_000

/** Calls `visit` with each [start, end) of `text` that lunr.tokenizer would make a token of. */
function eachWord(text: string, visit: (start: number, end: number) => void): void {
  // lunr tests one character at a time against its separator (by default whitespace and "-").
  const separator = lunr.tokenizer.separator
  const isSeparator =
    separator.source === DEFAULT_SEPARATOR && separator.flags === ''
      ? isDefaultSeparator
      : (code: number) => String.fromCharCode(code).match(separator) !== null
  let start = -1
  for (let at = 0; at <= text.length; at++) {
    const split = at === text.length || isSeparator(text.charCodeAt(at))
    if (split && start >= 0) {
      visit(start, at)
      start = -1
    } else if (!split && start < 0) start = at
  }
}

/**
 * Splits `text` the way lunr.tokenizer does, keeping offsets into the original, not lower-cased,
 * text.
 */
export function tokenizeWithOffsets(text: string): TextToken[] {
  const tokens: TextToken[] = []
  eachWord(text, (start, end) => tokens.push(token(text, start, end)))
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

  // The last few term sets' first letters: the hits of one query mostly share them (often the
  // very set, as the last call's: then found without joining its terms into a key).
  const startsOf = new Map<string, Starts>()
  let lastTerms: ReadonlySet<string> | undefined
  let lastStarts: Starts | undefined
  function cachedStarts(terms: ReadonlySet<string>): Starts {
    if (lastTerms === terms) return lastStarts!
    const key = [...terms].join('\n')
    let starts = startsOf.get(key)
    if (!starts) {
      if (startsOf.size >= 64) startsOf.clear()
      starts = new Starts(terms)
      startsOf.set(key, starts)
    }
    lastTerms = terms
    lastStarts = starts
    return starts
  }

  return {
    rangesOf(text, terms) {
      if (terms.size === 0) return []
      // The pipeline keeps a word's first two letters (the trimmer only cuts punctuation around
      // it, the stemmer only endings, and words under three letters are not stemmed): words that
      // start differently from every term are skipped without running the pipeline. A one-letter
      // term ("5") may be followed by punctuation the trimmer cuts ("5,"): its first letter is
      // enough.
      const starts = cachedStarts(terms)
      const ranges: Range[] = []
      const consider = (start: number, end: number) => {
        if (!starts.mayMatch(text, start, end)) return
        const word = token(text, start, end)
        // "" is what the trimmer leaves of bare punctuation ("—"); it is never a real match.
        if (!anyIn(indexTerms(word.word), terms)) return
        ranges.push(trimmedRange(text, word))
      }
      if (starts.patterns && hasDefaultSeparator() && !LOWERS_TO_ASCII.test(text)) {
        eachCandidate(text, starts.patterns, consider)
      } else eachWord(text, consider)
      return ranges
    }
  }
}

/** Whether one of `found` but "" is in `terms` (a loop: a closure per word showed in profiles). */
function anyIn(found: readonly string[], terms: ReadonlySet<string>): boolean {
  for (const term of found) if (term !== '' && terms.has(term)) return true
  return false
}

function hasDefaultSeparator(): boolean {
  const separator = lunr.tokenizer.separator
  return separator.source === DEFAULT_SEPARATOR && separator.flags === ''
}

/**
 * The token's range without the leading/trailing characters lunr.trimmer removes (\\W once
 * lower-cased), so "Kishida," marks "Kishida" and "İstanbul," marks "İstanbul".
 */
function trimmedRange(text: string, token: TextToken): Range {
  let start = token.start
  let end = token.end
  while (start < end && trimmedAt(text, start)) start += 1
  while (end > start && trimmedAt(text, end - 1)) end -= 1
  return start < end ? [start, end] : [token.start, token.end]
}

function trimmedAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at)
  return code < 128 ? !isWordCharacter(code) : /^\W+$/.test(text.charAt(at).toLowerCase())
}
