// Quoted phrases ("South China Sea"): lunr has no phrase query, so a phrase becomes required
// terms for lunr and every candidate is then checked for the words standing together, in order.

import lunr from 'lunr'

import type { Range } from './mark-terms'
import { tokenizeWithOffsets } from './mark-terms'

export interface Phrase {
  /** The field named before the quotes (`heading:"…"`), if any. */
  field?: string
  /** The phrase's words, lower case and trimmed as lunr's trimmer does. */
  words: string[]
}

export interface ExtractedPhrases {
  /** The query with each phrase replaced by its words as required lunr terms. */
  query: string
  phrases: Phrase[]
}

// A field name, then a quoted run; an unmatched quote is treated as a space.
const QUOTED = /(?:([A-Za-z]+):)?"([^"]*)"/g
// Characters lunr's query lexer treats as syntax; escaped so a phrase word stays a plain term.
const LUNR_SYNTAX = /[:*~^+\-\\]/g

/** Lower case, without the leading/trailing non-word characters (as lunr.trimmer). */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/^\W+/, '').replace(/\W+$/, '')
}

export function extractPhrases(queryString: string): ExtractedPhrases {
  const phrases: Phrase[] = []
  const replaced = queryString.replace(
    QUOTED,
    (_match, field: string | undefined, inner: string) => {
      const words = tokenizeWithOffsets(inner)
        .map((token) => normaliseWord(token.word))
        .filter((word) => word !== '')
      if (words.length === 0) return ' '
      if (words.length > 1) phrases.push(field ? { field, words } : { words })
      const prefix = field ? `${field}:` : ''
      return ` ${words.map((word) => `+${prefix}${word.replace(LUNR_SYNTAX, '\\$&')}`).join(' ')} `
    }
  )
  return { query: replaced.replaceAll('"', ' '), phrases }
}

/** Every place `words` stand together in `text`, as the range from first to last word. */
export function phraseRanges(text: string, words: readonly string[]): Range[] {
  if (words.length === 0) return []
  // Bare punctuation ("—") is no word: "Sea — and" still reads as "sea and".
  const tokens = tokenizeWithOffsets(text)
    .map((token) => ({ ...token, word: normaliseWord(token.word) }))
    .filter((token) => token.word !== '')
  const ranges: Range[] = []
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (!words.every((word, k) => tokens[i + k]!.word === word)) continue
    const first = tokens[i]!
    const last = tokens[i + words.length - 1]!
    ranges.push(trimmed(text, first.start, last.end))
  }
  return ranges
}

/**
 * Whether `words` stand together in `text`: phraseRanges(text, words).length > 0, which a query
 * asks of every candidate section. Tokenising a whole section made phrase queries the slowest at
 * 200k sections; ASCII text (the usual case) is instead searched for the first word and only the
 * tokens from there on are looked at. Other text takes phraseRanges' way.
 */
export function hasPhrase(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false
  if (NOT_ASCII.test(text) || !defaultSeparator() || !words.every((w) => NORMALISED.test(w))) {
    return phraseRanges(text, words).length > 0
  }
  // ASCII: lower-casing keeps every offset, and a token's word is its run of characters between
  // separators less the non-word characters at both ends (normaliseWord).
  const lower = text.toLowerCase()
  const first = words[0]!
  for (let at = lower.indexOf(first); at >= 0; at = lower.indexOf(first, at + 1)) {
    // The first word must be a whole token's word: only non-word characters around it.
    let end = at + first.length
    if (!onlyNonWord(lower, tokenStart(lower, at), at)) continue
    const tokenEnd = nextSeparator(lower, end)
    if (!onlyNonWord(lower, end, tokenEnd)) continue
    end = tokenEnd
    let k = 1
    while (k < words.length) {
      const word = nextWord(lower, end)
      if (!word) break
      const [start, stop] = word.range
      if (stop - start !== words[k]!.length || !lower.startsWith(words[k]!, start)) break
      end = word.tokenEnd
      k += 1
    }
    if (k === words.length) return true
  }
  return false
}

const NOT_ASCII = /[\u0080-\uffff]/
/** A word as normaliseWord leaves it: word characters at both ends, no separator between. */
const NORMALISED = /^\w(?:[^\s-]*\w)?$/

/** Whether lunr splits tokens at its own default separator (whitespace and hyphens). */
function defaultSeparator(): boolean {
  const separator = lunr.tokenizer.separator
  return separator.source === String.raw`[\s\-]+` && separator.flags === ''
}

/** lunr's default separator on an ASCII character code. */
function isSeparator(code: number): boolean {
  return code === 32 || code === 45 || (code >= 9 && code <= 13)
}

/** Whether the character is a word character (\w) of lower-case ASCII text. */
function isWord(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95
}

function tokenStart(text: string, at: number): number {
  while (at > 0 && !isSeparator(text.charCodeAt(at - 1))) at -= 1
  return at
}

function nextSeparator(text: string, at: number): number {
  while (at < text.length && !isSeparator(text.charCodeAt(at))) at += 1
  return at
}

function onlyNonWord(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (isWord(text.charCodeAt(at))) return false
  return true
}

/**
 * The next token after `from` whose word is not empty: the word's range (the token less its
 * non-word ends) and where the token ends. Tokens of punctuation alone are skipped.
 */
function nextWord(text: string, from: number): { range: Range; tokenEnd: number } | undefined {
  let at = from
  for (;;) {
    while (at < text.length && isSeparator(text.charCodeAt(at))) at += 1
    if (at >= text.length) return undefined
    const tokenEnd = nextSeparator(text, at)
    let start = at
    while (start < tokenEnd && !isWord(text.charCodeAt(start))) start += 1
    if (start < tokenEnd) {
      let stop = tokenEnd
      while (!isWord(text.charCodeAt(stop - 1))) stop -= 1
      return { range: [start, stop], tokenEnd }
    }
    at = tokenEnd
  }
}

/** Drops the punctuation around the phrase ("(South China Sea)," marks the three words). */
function trimmed(text: string, start: number, end: number): Range {
  const raw = text.slice(start, end)
  const lead = /^\W+/.exec(raw)?.[0].length ?? 0
  const trail = /\W+$/.exec(raw)?.[0].length ?? 0
  return lead + trail >= raw.length ? [start, end] : [start + lead, end - trail]
}
