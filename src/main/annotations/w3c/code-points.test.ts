// Code point ↔ UTF-16 offsets: astral characters (emoji, CJK extension B), lone surrogates,
// offsets past the end, and the round trip on every boundary of random text.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { codePointToUtf16, utf16ToCodePoint } from './code-points'

describe('code point offsets', () => {
  const text = 'a😀b𠜎c' // a, U+1F600 (2 units), b, U+2070E (2 units), c

  it('counts an astral character as one code point and two UTF-16 units', () => {
    expect([0, 1, 3, 4, 6, 7].map((u) => utf16ToCodePoint(text, u))).toEqual([0, 1, 2, 3, 4, 5])
    expect([0, 1, 2, 3, 4, 5].map((cp) => codePointToUtf16(text, cp))).toEqual([0, 1, 3, 4, 6, 7])
  })

  it('rounds an offset inside a surrogate pair up to the end of the pair', () => {
    expect(utf16ToCodePoint(text, 2)).toBe(2)
    expect(codePointToUtf16(text, utf16ToCodePoint(text, 2))).toBe(3)
  })

  it('counts lone surrogates as one code point each', () => {
    const broken = 'x\ud800y\udc00z'
    expect(utf16ToCodePoint(broken, broken.length)).toBe(5)
    expect(codePointToUtf16(broken, 5)).toBe(5)
  })

  it('continues one for one past the end of the text', () => {
    expect(utf16ToCodePoint(text, 10)).toBe(8)
    expect(codePointToUtf16(text, 8)).toBe(10)
    expect(codePointToUtf16('', 4)).toBe(4)
  })

  it('round-trips every code-point boundary of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.nat(40), (s, extra) => {
        const boundaries = [0]
        for (const ch of s) boundaries.push((boundaries.at(-1) ?? 0) + ch.length)
        boundaries.push(s.length + extra)
        for (const u of boundaries) expect(codePointToUtf16(s, utf16ToCodePoint(s, u))).toBe(u)
        expect(utf16ToCodePoint(s, s.length)).toBe([...s].length)
      })
    )
  })
})
