// Unit tests of text segmentation: paragraphs, mention runs and search-match pieces (highlight
// layers: segments-highlights.test.ts).

import { describe, expect, it } from 'vitest'

import { mergeRanges, paragraphRanges, segmentText } from './segments'
import { shape } from '../../../test-support/segment-shapes'
import type { M } from '../../../test-support/segment-shapes'
import type { Paragraph } from './segments'

/** Concatenated piece texts per paragraph: must reproduce the paragraph text exactly. */
function texts(paragraphs: Paragraph<M>[]): string[] {
  return paragraphs.map((p) => p.runs.flatMap((r) => r.pieces.map((x) => x.text)).join(''))
}

describe('paragraphRanges', () => {
  it('splits on blank lines and keeps single newlines inside a paragraph', () => {
    const text = 'One.\nStill one.\n\nTwo.\n\n\nThree.'
    expect(paragraphRanges(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'One.\nStill one.',
      'Two.',
      'Three.'
    ])
  })

  it('returns nothing for empty text and one range for text without breaks', () => {
    expect(paragraphRanges('')).toEqual([])
    expect(paragraphRanges('abc')).toEqual([[0, 3]])
  })

  it('drops empty paragraphs at the edges', () => {
    expect(paragraphRanges('\n\nabc\n\n')).toEqual([[2, 5]])
  })
})

describe('mergeRanges', () => {
  it('sorts, merges overlapping and touching ranges, clamps and drops empty ones', () => {
    expect(
      mergeRanges(
        [
          [8, 12],
          [0, 2],
          [1, 3],
          [3, 4],
          [5, 5],
          [10, 40]
        ],
        20
      )
    ).toEqual([
      [0, 4],
      [8, 20]
    ])
  })
})

describe('segmentText', () => {
  it('returns no paragraphs for empty text', () => {
    expect(segmentText<M>('', [], [])).toEqual([])
  })

  it('returns one plain run when there are no mentions or matches', () => {
    const out = segmentText<M>('Plain text.', [])
    expect(shape(out)).toEqual([[['Plain text.', null, []]]])
    expect(out[0]!.runs[0]!.pieces).toEqual([
      { text: 'Plain text.', start: 0, end: 11, match: false, highlights: [] }
    ])
  })

  it('splits around mentions, including mentions at both edges', () => {
    const text = 'Modi met Kishida in Tokyo'
    const mentions: M[] = [
      { start: 20, end: 25, entity: 'tokyo' },
      { start: 0, end: 4, entity: 'modi' },
      { start: 9, end: 16, entity: 'kishida' }
    ]
    expect(shape(segmentText(text, mentions))).toEqual([
      [
        ['Modi', 'modi', []],
        [' met ', null, []],
        ['Kishida', 'kishida', []],
        [' in ', null, []],
        ['Tokyo', 'tokyo', []]
      ]
    ])
  })

  it('keeps adjacent mentions as separate runs with no empty run between them', () => {
    const out = segmentText<M>('AB', [
      { start: 0, end: 1, entity: 'a' },
      { start: 1, end: 2, entity: 'b' }
    ])
    expect(shape(out)).toEqual([
      [
        ['A', 'a', []],
        ['B', 'b', []]
      ]
    ])
  })

  it('ignores a mention that overlaps an earlier one', () => {
    const out = segmentText<M>('abcdef', [
      { start: 0, end: 4, entity: 'x' },
      { start: 2, end: 6, entity: 'y' }
    ])
    expect(shape(out)).toEqual([
      [
        ['abcd', 'x', []],
        ['ef', null, []]
      ]
    ])
  })

  it('marks matches inside plain text and inside mentions', () => {
    const text = 'The Quad met in Tokyo today'
    const out = segmentText<M>(
      text,
      [{ start: 16, end: 21, entity: 'tokyo' }],
      [
        [4, 8],
        [16, 21]
      ]
    )
    expect(shape(out)).toEqual([
      [
        ['The Quad met in ', null, ['Quad']],
        ['Tokyo', 'tokyo', ['Tokyo']],
        [' today', null, []]
      ]
    ])
  })

  it('splits a match that overlaps a mention boundary into one piece per run', () => {
    const text = 'visit to New Delhi soon'
    // Mention "New Delhi" [9, 18); match "to New" [6, 12) starts outside and ends inside.
    const out = segmentText<M>(text, [{ start: 9, end: 18, entity: 'delhi' }], [[6, 12]])
    expect(shape(out)).toEqual([
      [
        ['visit to ', null, ['to ']],
        ['New Delhi', 'delhi', ['New']],
        [' soon', null, []]
      ]
    ])
    const mentionRun = out[0]!.runs[1]!
    expect(mentionRun.pieces).toEqual([
      { text: 'New', start: 9, end: 12, match: true, highlights: [] },
      { text: ' Delhi', start: 12, end: 18, match: false, highlights: [] }
    ])
  })

  it('handles a match covering several mentions and overlapping matches', () => {
    const text = 'A and B'
    const out = segmentText<M>(
      text,
      [
        { start: 0, end: 1, entity: 'a' },
        { start: 6, end: 7, entity: 'b' }
      ],
      [
        [0, 3],
        [2, 7]
      ]
    )
    expect(shape(out)).toEqual([
      [
        ['A', 'a', ['A']],
        [' and ', null, [' and ']],
        ['B', 'b', ['B']]
      ]
    ])
  })

  it('handles matches at the very start and end of the text, and out-of-range matches', () => {
    const out = segmentText<M>(
      'abc xyz',
      [],
      [
        [0, 3],
        [4, 7],
        [7, 99],
        [-5, 0]
      ]
    )
    expect(out[0]!.runs[0]!.pieces.map((p) => [p.text, p.match])).toEqual([
      ['abc', true],
      [' ', false],
      ['xyz', true]
    ])
  })

  it('splits paragraphs and keeps offsets in section-text coordinates', () => {
    const text = 'First Modi.\n\nSecond Tokyo.'
    const out = segmentText<M>(
      text,
      [
        { start: 6, end: 10, entity: 'modi' },
        { start: 20, end: 25, entity: 'tokyo' }
      ],
      [[13, 19]]
    )
    expect(texts(out)).toEqual(['First Modi.', 'Second Tokyo.'])
    expect(shape(out)).toEqual([
      [
        ['First ', null, []],
        ['Modi', 'modi', []],
        ['.', null, []]
      ],
      [
        ['Second ', null, ['Second']],
        ['Tokyo', 'tokyo', []],
        ['.', null, []]
      ]
    ])
    expect(out[1]!.start).toBe(13)
    expect(out[1]!.runs[1]!.start).toBe(20)
    for (const p of out) {
      for (const r of p.runs) {
        for (const x of r.pieces) expect(text.slice(x.start, x.end)).toBe(x.text)
      }
    }
  })

  it('clips ranges that cross a paragraph break to each paragraph', () => {
    const text = 'ab\n\ncd'
    const out = segmentText<M>(text, [{ start: 1, end: 5, entity: 'x' }], [[0, 6]])
    expect(shape(out)).toEqual([
      [
        ['a', null, ['a']],
        ['b', 'x', ['b']]
      ],
      [
        ['c', 'x', ['c']],
        ['d', null, ['d']]
      ]
    ])
  })

  it('reproduces the text of every paragraph exactly, with UTF-16 offsets', () => {
    const text = 'Café 🌏 talks — Tōkyō\n\n“Quoted” end'
    const start = text.indexOf('Tōkyō')
    const out = segmentText<M>(text, [{ start, end: start + 5, entity: 'tokyo' }], [[5, 7]])
    expect(texts(out)).toEqual(['Café 🌏 talks — Tōkyō', '“Quoted” end'])
    expect(out[0]!.runs[0]!.pieces.find((p) => p.match)?.text).toBe('🌏')
    expect(out[0]!.runs[1]!.mention?.entity).toBe('tokyo')
  })
})
