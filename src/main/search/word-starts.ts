// Finds the words of a text that may stand for a set of index terms by their first letters, so
// that only those go through lunr's pipeline: the regular expression engine skips the rest of a
// section's text far faster than a test of every character (mark-terms.ts uses it).

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
export function isWordCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  )
}

// lunr's default separator (its source, as lunr writes it), and what its tests of one character
// at a time amount to.
export const DEFAULT_SEPARATOR = String.raw`[\s\-]+`
const OTHER_SPACES = /\s/

export function isDefaultSeparator(code: number): boolean {
  if (code < 128) return code === 32 || code === 45 || (code >= 9 && code <= 13)
  return OTHER_SPACES.test(String.fromCharCode(code))
}

/**
 * Calls `visit` with each word of `text` (as eachWord splits it, lunr's default separator) whose
 * first word characters `pattern` finds, case-insensitively: the regular expression engine skips
 * the rest of the text far faster than a test of every character, and a snippet marks words in
 * every shown hit's whole text. Needs a text where no character outside ASCII lower-cases to
 * ASCII: the letters before the first word character of a word are then all \W.
 */
export function eachCandidate(
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

/**
 * Characters outside ASCII whose lower case holds ASCII: "İ" → "i̇" and the Kelvin sign → "k".
 * Written out, as word-starts.test.ts checks against every code point: found by a scan of the
 * runtime's case mappings at the first snippet, it cost ~20 ms of the first answer after a start.
 */
export const LOWERS_TO_ASCII = /[\u0130\u212a]/

/** The first letters of a set of terms, to skip words that cannot be any of them. */
export class Starts {
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
    // The regular expression looks for more of a term than its first two letters: words
    // standing for a term begin with all of it but a last "e", "i" or "l" (searchedStart).
    // Fewer words that cannot match are then looked up.
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

/**
 * What of a term the words standing for it begin with, as far as it is worth searching for. The
 * stemmer only cuts endings and writes new letters at the end, and of those only the term's last
 * can survive: step 1b adds an "e" ("hoping" → hope), 1c turns a final "y" into "i" ("city" →
 * citi), and the one rule writing two letters, "biliti" → "ble", loses its "e" in step 5
 * ("possibility" → possibl); every other "e" step 2 writes is cut by step 4 or 5. Words of one or
 * two letters are not stemmed. mark-terms.test.ts checks it over every word of the Brown corpus.
 */
function searchedStart(term: string): string {
  let end = /[eil]$/.test(term) ? term.length - 1 : term.length
  // Only ASCII characters: the expression's case folding is toLowerCase's for them alone.
  for (let at = 0; at < end; at++) {
    if (term.charCodeAt(at) >= 128) {
      end = at
      break
    }
  }
  return term.slice(0, Math.max(end, Math.min(2, term.length)))
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
