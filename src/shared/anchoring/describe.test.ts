// Describing selections: grapheme snapping, trimming, 32-unit context.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { canonicalText } from '../canonical-text'
import { describeRange, snapToGraphemes } from './describe'

const IDS = { briefingId: 'b1', sectionId: 's1' }
const FAMILY = '👩‍👩‍👧' // 👩 ZWJ 👩 ZWJ 👧: 8 UTF-16 code units, one grapheme cluster
const isLoneSurrogateAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdbff) return !(s.charCodeAt(i + 1) >= 0xdc00)
  if (c >= 0xdc00 && c <= 0xdfff) return !(s.charCodeAt(i - 1) >= 0xd800)
  return false
}
const hasSplitSurrogate = (s: string): boolean =>
  [0, s.length - 1].some((i) => s.length > 0 && isLoneSurrogateAt(s, i))

describe('snapToGraphemes', () => {
  it('widens a range inside an emoji ZWJ sequence to the whole cluster', () => {
    const text = `Family: ${FAMILY} here`
    const at = 'Family: '.length
    expect(snapToGraphemes(text, at + 3, at + 5)).toEqual({ start: at, end: at + FAMILY.length })
  })
  it('treats a flag (regional indicator pair) as one cluster', () => {
    const text = '🇫🇷🇩🇪'
    expect(snapToGraphemes(text, 1, 2)).toEqual({ start: 0, end: 4 })
    expect(snapToGraphemes(text, 2, 6)).toEqual({ start: 0, end: 8 })
    expect(snapToGraphemes(text, 4, 5)).toEqual({ start: 4, end: 8 })
  })
  it('keeps a letter with its combining mark', () => {
    const text = 'resume\u0301 q\u0307' // NFD é, and q + dot above (no precomposed form)
    expect(snapToGraphemes(text, 0, 6)).toEqual({ start: 0, end: 7 })
    expect(snapToGraphemes(text, 6, 7)).toEqual({ start: 5, end: 7 })
    expect(snapToGraphemes(text, 9, 10)).toEqual({ start: 8, end: 10 })
  })
  it('moves out of the middle of a surrogate pair', () => {
    const text = 'a😀b'
    expect(snapToGraphemes(text, 2, 3)).toEqual({ start: 1, end: 3 })
    expect(snapToGraphemes(text, 0, 2)).toEqual({ start: 0, end: 3 })
  })
  it('clamps and orders any offsets', () => {
    expect(snapToGraphemes('abc', -5, 99)).toEqual({ start: 0, end: 3 })
    expect(snapToGraphemes('abc', 2, 1)).toEqual({ start: 1, end: 2 })
    expect(snapToGraphemes('abc', NaN, 1.7)).toEqual({ start: 0, end: 1 })
    expect(snapToGraphemes('', 0, 4)).toEqual({ start: 0, end: 0 })
  })
  it('always returns a range that only widens and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.nat(), fc.nat(), (s, a, b) => {
        const lo = Math.min(a % (s.length + 1), b % (s.length + 1))
        const hi = Math.max(a % (s.length + 1), b % (s.length + 1))
        const r = snapToGraphemes(s, lo, hi)
        expect(r.start).toBeLessThanOrEqual(lo)
        expect(r.end).toBeGreaterThanOrEqual(hi)
        expect(hasSplitSurrogate(s.slice(r.start, r.end))).toBe(false)
      })
    )
  })
})

describe('describeRange', () => {
  const text = 'Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike.'

  it('builds quote (32-unit prefix and suffix) and position selectors', () => {
    const start = text.indexOf('hotel')
    const t = describeRange(text, start, start + 5, IDS)
    expect(t).toEqual({
      briefingId: 'b1',
      sectionId: 's1',
      quote: {
        type: 'TextQuoteSelector',
        exact: 'hotel',
        prefix: text.slice(start - 32, start),
        suffix: text.slice(start + 5, start + 37)
      },
      position: { type: 'TextPositionSelector', start, end: start + 5 }
    })
  })
  it('keeps shorter context at the edges of the text', () => {
    const t = describeRange(text, 0, 5, IDS)
    expect(t?.quote.prefix).toBe('')
    const u = describeRange(text, text.length - 5, text.length, IDS)
    expect(u?.quote.exact).toBe('mike.')
    expect(u?.quote.suffix).toBe('')
  })
  it('trims surrounding whitespace and refuses empty or blank selections', () => {
    const start = text.indexOf(' bravo ')
    const t = describeRange(text, start, start + 7, IDS)
    expect(t?.quote.exact).toBe('bravo')
    expect(t?.position).toEqual({ type: 'TextPositionSelector', start: start + 1, end: start + 6 })
    expect(describeRange(text, 4, 4, IDS)).toBeNull()
    expect(describeRange('a \n\t\u00a0 b', 1, 6, IDS)).toBeNull()
    expect(describeRange('', 0, 0, IDS)).toBeNull()
    expect(describeRange('a\r\n\r\nb', 1, 5, IDS)).toBeNull()
  })
  it('takes the whole emoji when the selection starts or ends inside it', () => {
    const t = `Our team ${FAMILY} met today`
    const at = t.indexOf(FAMILY)
    const d = describeRange(t, at + 2, at + 6, IDS)
    expect(d?.quote.exact).toBe(FAMILY)
    expect(d?.position).toMatchObject({ start: at, end: at + FAMILY.length })
  })
  it('cuts context on cluster boundaries, never through an emoji', () => {
    // 30 'x' then the family: start - 32 falls 2 units into the emoji.
    const t = `${FAMILY}${'x'.repeat(30)}QUOTE${'y'.repeat(30)}${FAMILY}`
    const start = t.indexOf('QUOTE')
    const d = describeRange(t, start, start + 5, IDS)
    expect(d?.quote.prefix).toBe('x'.repeat(30))
    expect(d?.quote.suffix).toBe('y'.repeat(30))
    // Whole flags are kept when they fit.
    const f = `🇫🇷${'x'.repeat(28)}QUOTE`
    expect(describeRange(f, f.length - 5, f.length, IDS)?.quote.prefix).toBe(f.slice(0, 32))
  })
  it('falls back to a code point cut when one cluster fills the whole context window', () => {
    const zalgo = 'a' + '\u0301\u0302'.repeat(20) // one cluster, 41 code units
    const t = `${zalgo}QUOTE`
    const d = describeRange(t, zalgo.length, t.length, IDS)
    expect(d?.quote.prefix).toBe(zalgo.slice(-32))
    // One 48-unit cluster whose surrogate pairs sit at odd offsets: the cut backs off one unit.
    const s = `QUOTE😀\u0301${'\u{1F3FB}'.repeat(20)}`
    const e = describeRange(s, 0, 5, IDS)
    expect(e?.quote.suffix).toBe(s.slice(5, 36))
    expect(hasSplitSurrogate(e?.quote.suffix ?? '')).toBe(false)
  })
  it('describes right-to-left text in logical order', () => {
    const t = canonicalText('النص: مرحبا بالعالم. עברית: שלום עולם.')
    const ar = t.indexOf('بالعالم')
    expect(describeRange(t, ar, ar + 7, IDS)?.quote.exact).toBe('بالعالم')
    const he = t.indexOf('עולם')
    const d = describeRange(t, he + 1, he + 3, IDS)
    expect(d?.quote).toMatchObject({ exact: 'ול', suffix: 'ם.' })
    // Arabic harakat are combining marks: a cut before one takes it along.
    const h = 'كتب مُحَمَّد'
    const m = h.indexOf('مُ')
    expect(describeRange(h, m, m + 1, IDS)?.quote.exact).toBe('مُ')
  })
  it('keeps exact, prefix and suffix adjacent, bounded and surrogate-safe', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.nat(), fc.nat(), (s, a, b) => {
        const d = describeRange(s, a % (s.length + 1), b % (s.length + 1), IDS)
        if (!d) return
        const { start, end } = d.position
        expect(s.slice(start, end)).toBe(d.quote.exact)
        expect(d.quote.exact.trim()).toBe(d.quote.exact)
        expect(d.quote.prefix.length).toBeLessThanOrEqual(32)
        expect(d.quote.suffix.length).toBeLessThanOrEqual(32)
        expect(s.slice(start - d.quote.prefix.length, start)).toBe(d.quote.prefix)
        expect(s.slice(end, end + d.quote.suffix.length)).toBe(d.quote.suffix)
        for (const part of [d.quote.exact, d.quote.prefix, d.quote.suffix]) {
          expect(hasSplitSurrogate(part)).toBe(false)
        }
      })
    )
  })
})
