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

/** The first two letters of the word at [start, end) once lower-cased and its leading \\W cut. */
function firstTwo(text: string, start: number, end: number): string {
  // Most words start with two ASCII letters: lower-casing just those gives the same result.
  if (
    isWordCharacter(text.charCodeAt(start)) &&
    (end - start < 2 || text.charCodeAt(start + 1) < 128)
  ) {
    return text.slice(start, Math.min(start + 2, end)).toLowerCase()
  }
  return text.slice(start, end).toLowerCase().replace(LEADING_NON_WORD, '').slice(0, 2)
}

const LEADING_NON_WORD = /^\W+/

/** Whether the character is one regular expressions' \\w matches ([A-Za-z0-9_]). */
function isWordCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  )
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

// lunr's default separator (its source, as lunr writes it), and what its tests of one character
// at a time amount to.
const DEFAULT_SEPARATOR = String.raw`[\s\-]+`
const OTHER_SPACES = /\s/

function isDefaultSeparator(code: number): boolean {
  if (code < 128) return code === 32 || code === 45 || (code >= 9 && code <= 13)
  return OTHER_SPACES.test(String.fromCharCode(code))
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

  // The last few term sets' first letters: the hits of one query mostly share them.
  const startsOf = new Map<string, Starts>()
  function cachedStarts(terms: ReadonlySet<string>): Starts {
    const key = [...terms].join('\n')
    let starts = startsOf.get(key)
    if (!starts) {
      if (startsOf.size >= 64) startsOf.clear()
      starts = new Starts(terms)
      startsOf.set(key, starts)
    }
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
        if (!indexTerms(word.word).some((term) => term !== '' && terms.has(term))) return
        ranges.push(trimmedRange(text, word))
      }
      if (starts.patterns && hasDefaultSeparator() && !lowersToAscii().test(text)) {
        eachCandidate(text, starts.patterns, consider)
      } else eachWord(text, consider)
      return ranges
    }
  }
}

/**
 * Calls `visit` with each word of `text` (as eachWord splits it, lunr's default separator) whose
 * first word characters `pattern` finds, case-insensitively: the regular expression engine skips
 * the rest of the text far faster than a test of every character, and a snippet marks words in
 * every shown hit's whole text. Needs a text where no character outside ASCII lower-cases to
 * ASCII: the letters before the first word character of a word are then all \W.
 */
function eachCandidate(
  text: string,
  patterns: readonly RegExp[],
  visit: (start: number, end: number) => void
): void {
  if (patterns.length > 1) {
    eachCandidateOfMany(text, patterns, visit)
    return
  }
  const pattern = patterns[0]!
  pattern.lastIndex = 0
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    const end = visitWordAt(text, found.index, visit)
    if (end >= 0) pattern.lastIndex = end
  }
}

/**
 * eachCandidate with one expression per start: an expression of one string skips ahead far
 * faster than one of alternatives (measured ~1 µs against ~8 µs over a 1,700-character text).
 * The places each finds are then visited in text order, as one expression would find them.
 */
function eachCandidateOfMany(
  text: string,
  patterns: readonly RegExp[],
  visit: (start: number, end: number) => void
): void {
  const places: number[] = []
  for (const pattern of patterns) {
    pattern.lastIndex = 0
    for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
      places.push(found.index)
    }
  }
  places.sort((a, b) => a - b)
  let after = 0
  for (const place of places) {
    if (place < after) continue
    const end = visitWordAt(text, place, visit)
    if (end >= 0) after = end
  }
}

/**
 * Visits the word whose first word characters stand at `index`, if a word starts there (the
 * word starts after the last separator before it; only \W may stand between), and answers
 * where it ends; -1 when no word starts there.
 */
function visitWordAt(
  text: string,
  index: number,
  visit: (start: number, end: number) => void
): number {
  let start = index
  while (start > 0) {
    const code = text.charCodeAt(start - 1)
    if (isDefaultSeparator(code)) break
    if (isWordCharacter(code)) return -1
    start -= 1
  }
  let end = index + 1
  while (end < text.length && !isDefaultSeparator(text.charCodeAt(end))) end += 1
  visit(start, end)
  return end
}

let lowersToAsciiPattern: RegExp | undefined

/** Characters outside ASCII whose lower case holds ASCII ("İ" → "i̇", the Kelvin sign → "k"). */
function lowersToAscii(): RegExp {
  if (!lowersToAsciiPattern) {
    let members = ''
    for (let code = 128; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const lower = String.fromCharCode(code).toLowerCase()
      if ([...lower].some((c) => c.charCodeAt(0) < 128))
        members += `\\u${code.toString(16).padStart(4, '0')}`
    }
    lowersToAsciiPattern = new RegExp(`[${members}]`)
  }
  return lowersToAsciiPattern
}

function hasDefaultSeparator(): boolean {
  const separator = lunr.tokenizer.separator
  return separator.source === DEFAULT_SEPARATOR && separator.flags === ''
}

/** The first letters of a set of terms, to skip words that cannot be any of them. */
class Starts {
  readonly #strings: Set<string>
  /** First two code units of terms of two or more, as c0 × 65536 + c1. */
  readonly #pairs = new Set<number>()
  /** Terms of one code unit. */
  readonly #singles = new Set<number>()
  /**
   * Finds the first letters anywhere, case-insensitively (see eachCandidate); undefined when a
   * term starts with a character outside ASCII, whose case the expression may fold otherwise
   * than toLowerCase.
   */
  readonly patterns: RegExp[] | undefined

  constructor(terms: ReadonlySet<string>) {
    this.#strings = new Set([...terms].map((term) => term.slice(0, 2)))
    for (const term of terms) {
      if (term.length >= 2) this.#pairs.add(term.charCodeAt(0) * 65536 + term.charCodeAt(1))
      else if (term.length === 1) this.#singles.add(term.charCodeAt(0))
    }
    // The regular expression looks for more of a long term than its first two letters: the
    // stemmer rewrites at most a term's last two letters (a word's "y" to "i", "ble" for
    // "bility"; checked over the 80,000 words of the benchmark's corpus), so a word standing for
    // "governm" starts with "gover". Fewer words that cannot match are then looked up.
    const searched = new Set([...terms].map(searchedStart))
    // A start another one begins finds nothing more.
    const alternatives = [...searched].filter(
      (start) =>
        start !== '' &&
        ![...searched].some((other) => other !== start && start.startsWith(other) && other !== '')
    )
    const ascii = (start: string) => [...start].every((c) => c.charCodeAt(0) < 128)
    if (alternatives.length === 0 || !alternatives.every(ascii)) this.patterns = undefined
    else if (alternatives.length > SEPARATE_PATTERNS) this.patterns = [startsPattern(alternatives)]
    else this.patterns = alternatives.map((start) => startsPattern([start]))
  }

  /** Whether the word at [start, end) may stand for one of the terms. */
  mayMatch(text: string, start: number, end: number): boolean {
    const first = text.charCodeAt(start)
    const second = end - start < 2 ? -1 : text.charCodeAt(start + 1)
    // Most words start with two ASCII characters, the first a letter or digit: their first two
    // letters once lower-cased are these two lower-cased (as firstTwo finds them).
    if (isWordCharacter(first) && second < 128) {
      const a = lowerAscii(first)
      if (this.#singles.has(a)) return true
      return second >= 0 && this.#pairs.has(a * 65536 + lowerAscii(second))
    }
    const two = firstTwo(text, start, end)
    return this.#strings.has(two) || this.#strings.has(two.slice(0, 1))
  }
}

// Up to this many starts are looked for one expression each (eachCandidateOfMany); more (a
// prefix or fuzzy word's many terms) in one expression of alternatives.
const SEPARATE_PATTERNS = 6

/** What of a term the words standing for it begin with, as far as it is worth searching for. */
function searchedStart(term: string): string {
  if (term.length < 4) return term.slice(0, 2)
  // Only ASCII letters: the expression's case folding is toLowerCase's for them alone.
  let end = 2
  while (end < term.length - 2 && term.charCodeAt(end) < 128) end += 1
  return term.slice(0, end)
}

/**
 * Finds `starts` case-insensitively. When every one begins with a word character (the trimmer
 * cuts the rest), only at a word start (\b: no word character before it, as eachCandidate
 * demands): the expression then skips a letter pair inside a word without calling back.
 */
function startsPattern(starts: readonly string[]): RegExp {
  const alternatives = starts.map(escapeForRegExp).join('|')
  const atWordStart = starts.every((start) => isWordCharacter(start.charCodeAt(0)))
  return new RegExp(atWordStart ? `\\b(?:${alternatives})` : alternatives, 'gi')
}

const escapeForRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

const lowerAscii = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code)

/**
 * The token's range without the leading/trailing characters lunr.trimmer removes (\\W once
 * lower-cased), so "Kishida," marks "Kishida" and "İstanbul," marks "İstanbul".
 */
function trimmedRange(text: string, token: TextToken): Range {
  const trimmed = (at: number) => {
    const code = text.charCodeAt(at)
    return code < 128 ? !isWordCharacter(code) : /^\W+$/.test(text.charAt(at).toLowerCase())
  }
  let start = token.start
  let end = token.end
  while (start < end && trimmed(start)) start += 1
  while (end > start && trimmed(end - 1)) end -= 1
  return start < end ? [start, end] : [token.start, token.end]
}
