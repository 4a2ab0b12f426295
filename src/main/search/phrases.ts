// Quoted phrases ("South China Sea"): lunr has no phrase query, so a phrase becomes required
// terms for lunr and every candidate is then checked for the words standing together, in order.

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

/** Drops the punctuation around the phrase ("(South China Sea)," marks the three words). */
function trimmed(text: string, start: number, end: number): Range {
  const raw = text.slice(start, end)
  const lead = /^\W+/.exec(raw)?.[0].length ?? 0
  const trail = /\W+$/.exec(raw)?.[0].length ?? 0
  return lead + trail >= raw.length ? [start, end] : [start + lead, end - trail]
}
