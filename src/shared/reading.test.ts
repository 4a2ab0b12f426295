// Reading positions: the first character in view and its quote, the offset older entries had,
// and what reading:save accepts.

import { describe, expect, it } from 'vitest'

import { OFFSET_SCALE, positionAt, textOffsetOf, validateReadingPosition } from './reading'

const TEXT = 'First paragraph here.\n\nSecond paragraph, where the analyst stopped reading.'

describe('positionAt', () => {
  it('keeps the character, the text from it and the text before it, and how far down it is', () => {
    const at = TEXT.indexOf('Second')
    const position = positionAt('b', 's', TEXT, at)
    expect(position).toMatchObject({ briefingId: 'b', sectionId: 's', textOffset: at })
    expect(position.quote).toBe(TEXT.slice(at, at + 32))
    expect(position.prefix).toBe(TEXT.slice(at - 32 < 0 ? 0 : at - 32, at))
    expect(position.offset).toBe(Math.round((at / TEXT.length) * OFFSET_SCALE))
  })

  it('clamps offsets outside the text', () => {
    expect(positionAt('b', 's', TEXT, -5).textOffset).toBe(0)
    expect(positionAt('b', 's', TEXT, 10_000)).toMatchObject({ textOffset: TEXT.length, quote: '' })
    expect(positionAt('b', 's', '', 3)).toMatchObject({ textOffset: 0, offset: 0 })
  })
})

describe('textOffsetOf', () => {
  it('round-trips a position, and reads an old fraction as the same share of the text', () => {
    const at = TEXT.indexOf('where')
    expect(textOffsetOf(positionAt('b', 's', TEXT, at), TEXT)).toBe(at)
    expect(
      textOffsetOf({ briefingId: 'b', sectionId: 's', offset: OFFSET_SCALE / 2 }, 'abcdef')
    ).toBe(3)
    expect(
      textOffsetOf({ briefingId: 'b', sectionId: 's', offset: 0, textOffset: 99 }, 'abc')
    ).toBe(3)
  })
})

describe('validateReadingPosition', () => {
  it('accepts old and new positions and refuses a quote too long or an unknown field', () => {
    const old = { briefingId: 'b', sectionId: 's', offset: 10 }
    expect(validateReadingPosition(old).ok).toBe(true)
    expect(validateReadingPosition(positionAt('b', 's', TEXT, 5)).ok).toBe(true)
    expect(validateReadingPosition({ ...old, quote: 'x'.repeat(65) }).ok).toBe(false)
    expect(validateReadingPosition({ ...old, fraction: 0.5 }).ok).toBe(false)
  })
})
