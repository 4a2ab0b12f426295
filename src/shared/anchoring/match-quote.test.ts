// matchQuote, after the Hypothesis client's match-quote tests (BSD-2-Clause), on public-domain
// text (Austen) in place of their novel fixture. Their context/hint vectors run in
// src/main/anchoring-vectors.test.ts from the shared test data.
import { describe, expect, it } from 'vitest'

import { matchQuote, textMatchScore } from './match-quote'

const austen =
  'It is a truth universally acknowledged, that a single man in possession of a good ' +
  'fortune, must be in want of a wife. However little known the feelings or views of such a ' +
  'man may be on his first entering a neighbourhood, this truth is so well fixed in the minds ' +
  'of the surrounding families, that he is considered as the rightful property of some one or ' +
  'other of their daughters.'

const strictlyDecreasing = (xs: number[]): void => {
  for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeLessThan(xs[i - 1] as number)
}

describe('matchQuote', () => {
  it('finds an exact match with score 1', () => {
    const m = matchQuote(austen, 'a good fortune')
    expect(m?.score).toBe(1)
    expect(austen.slice(m?.start, m?.end)).toBe('a good fortune')
  })

  it('finds the best approximate match when there is no exact one', () => {
    const m = matchQuote(austen, 'a truth universaly acknowleged')
    expect(m).not.toBeNull()
    expect(m?.score).toBeGreaterThan(0)
    expect(m?.score).toBeLessThan(1)
    expect(austen.slice(m?.start, m?.end)).toBe('a truth universally acknowledged')
  })

  it('scores by quote similarity', () => {
    const quotes = [
      'single man in possession',
      'single man in posession',
      'single men in posession'
    ]
    strictlyDecreasing(quotes.map((q) => matchQuote(austen, q)?.score ?? 0))
  })

  it('scores by prefix similarity', () => {
    const quote = ', must be in want of a wife'
    const prefixes = [
      'in possession of a good fortune',
      'in posession of a good fortune',
      'in possession of a bad fortune',
      'with no money at all'
    ]
    strictlyDecreasing(prefixes.map((prefix) => matchQuote(austen, quote, { prefix })?.score ?? 0))
  })

  it('scores by suffix similarity', () => {
    const quote = 'a single man'
    const suffixes = [
      ' in possession of a good',
      ' in posession of a good',
      ' with possession of a gold',
      ' who is poor'
    ]
    strictlyDecreasing(suffixes.map((suffix) => matchQuote(austen, quote, { suffix })?.score ?? 0))
  })

  it('returns null when no match is within quote.length / 2 errors', () => {
    const other =
      'Call me Ishmael. Some years ago, never mind how long precisely, having little or no money ' +
      'in my purse, and nothing particular to interest me on shore.'
    expect(matchQuote(austen, other)).toBeNull()
  })

  it('returns null for an empty quote or an empty text', () => {
    expect(matchQuote('foobar', '')).toBeNull()
    expect(matchQuote('', 'foobar')).toBeNull()
  })

  it('matches when the prefix is longer than the match start offset', () => {
    const context = { prefix: 'Once upon a time, It is' }
    const m = matchQuote(austen, 'a truth', context)
    expect(context.prefix.length).toBeGreaterThan(m?.start ?? Infinity)
    expect(austen.slice(m?.start, m?.end)).toBe('a truth')
  })

  it('uses the hint to choose between otherwise equal matches', () => {
    const first = austen.indexOf('truth')
    const second = austen.indexOf('truth', first + 1)
    expect(matchQuote(austen, 'trutt', { hint: second })?.start).toBe(second)
    expect(matchQuote(austen, 'trutt', { hint: first })?.start).toBe(first)
    expect(matchQuote(austen, 'trutt')?.start).toBe(first)
  })
})

describe('textMatchScore', () => {
  it('is 1 for a contained string, 0 for empty input, in between otherwise', () => {
    expect(textMatchScore('xx abc yy', 'abc')).toBe(1)
    expect(textMatchScore('', 'abc')).toBe(0)
    expect(textMatchScore('abc', '')).toBe(0)
    expect(textMatchScore('abd', 'abc')).toBeCloseTo(2 / 3)
  })
})
