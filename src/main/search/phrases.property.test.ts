// A phrase query's check of each candidate (hasPhrase) must say what phraseRanges, which marks the
// phrase in a hit, says: its fast way through ASCII text may not find more or fewer sections.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { extractPhrases, hasPhrase, phraseRanges } from './phrases'

// Words, their case and punctuation, separators lunr splits at, and characters outside ASCII
// (which lower-case to other lengths, or count as non-word characters).
const pieces = fc.constantFrom(
  'sea',
  'Sea',
  'SEA',
  'china',
  'China',
  'south',
  'the',
  'these',
  'a',
  'x_1',
  '42',
  ' ',
  '  ',
  '\n',
  '\t',
  '-',
  '—',
  '.',
  ',',
  '"',
  "'",
  '(',
  ')',
  '...',
  'İ',
  'ß',
  'é',
  '\u00a0',
  '\ufeff'
)
const text = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''))

/** The phrases a person could type about the text: runs of its own words, or others. */
const typed = fc.array(
  fc.constantFrom('sea', 'South China', 'china sea', '"sea"', 'the sea', 'x_1 42', 'a', 'é sea'),
  { minLength: 1, maxLength: 3 }
)

describe('hasPhrase', () => {
  it('finds a phrase exactly when phraseRanges finds it', () => {
    fc.assert(
      fc.property(text, typed, (content, parts) => {
        for (const phrase of extractPhrases(`"${parts.join(' ')}"`).phrases) {
          expect(hasPhrase(content, phrase.words)).toBe(
            phraseRanges(content, phrase.words).length > 0
          )
        }
        // Single words are checked the same way when they come in a list of one.
        const words = parts.join(' ').toLowerCase().split(' ')
        expect(hasPhrase(content, words)).toBe(phraseRanges(content, words).length > 0)
      }),
      { numRuns: 3000 }
    )
  })

  it('finds phrases across punctuation and line breaks, in any case', () => {
    const words = ['south', 'china', 'sea']
    expect(hasPhrase('In the (South China Sea), ships', words)).toBe(true)
    expect(hasPhrase('south\nchina -- sea', words)).toBe(true)
    expect(hasPhrase('southern china sea', words)).toBe(false)
    expect(hasPhrase('south china.sea', words)).toBe(false)
    expect(hasPhrase('South China — Sea', words)).toBe(true)
  })
})
