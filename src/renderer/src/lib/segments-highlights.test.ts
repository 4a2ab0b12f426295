// Unit tests of highlight layers in text segmentation: which highlights cover each piece,
// innermost first, split at mention, match and paragraph edges.

import { describe, expect, it } from 'vitest'

import { segmentText } from './segments'
import { shape } from '../../../test-support/segment-shapes'
import type { M } from '../../../test-support/segment-shapes'
import type { HighlightLike, Paragraph } from './segments'

describe('segmentText with highlights', () => {
  /** Per paragraph, pieces as [text, highlight ids innermost first]. */
  function layers(paragraphs: Paragraph<M>[]): [string, string[]][][] {
    return paragraphs.map((p) =>
      p.runs.flatMap((r) => r.pieces.map((x): [string, string[]] => [x.text, [...x.highlights]]))
    )
  }

  it('marks the pieces a highlight covers, and only those', () => {
    const out = segmentText<M>('one two three', [], [], [{ id: 'h', start: 4, end: 7 }])
    expect(layers(out)).toEqual([
      [
        ['one ', []],
        ['two', ['h']],
        [' three', []]
      ]
    ])
  })

  it('splits overlapping highlights into layers, innermost (shortest) first', () => {
    const text = 'abcdefghij'
    const highlights: HighlightLike[] = [
      { id: 'long', start: 0, end: 10 },
      { id: 'mid', start: 2, end: 6 },
      { id: 'cross', start: 5, end: 8 }
    ]
    expect(layers(segmentText<M>(text, [], [], highlights))).toEqual([
      [
        ['ab', ['long']],
        ['cde', ['mid', 'long']],
        ['f', ['cross', 'mid', 'long']],
        ['gh', ['cross', 'long']],
        ['ij', ['long']]
      ]
    ])
  })

  it('keeps identical ranges as two layers in a stable order', () => {
    const out = segmentText<M>(
      'xyz',
      [],
      [],
      [
        { id: 'b', start: 0, end: 3 },
        { id: 'a', start: 0, end: 3 }
      ]
    )
    expect(layers(out)).toEqual([[['xyz', ['a', 'b']]]])
  })

  it('splits a highlight at mention, match and paragraph edges', () => {
    const text = 'See Tokyo now.\n\nThen more.'
    const out = segmentText<M>(
      text,
      [{ start: 4, end: 9, entity: 'tokyo' }],
      [[6, 12]],
      [{ id: 'h', start: 2, end: 20 }]
    )
    expect(shape(out)).toEqual([
      [
        ['See ', null, []],
        ['Tokyo', 'tokyo', ['kyo']],
        [' now.', null, [' no']]
      ],
      [['Then more.', null, []]]
    ])
    expect(layers(out)).toEqual([
      [
        ['Se', []],
        ['e ', ['h']],
        ['To', ['h']],
        ['kyo', ['h']],
        [' no', ['h']],
        ['w.', ['h']]
      ],
      [
        ['Then', ['h']],
        [' more.', []]
      ]
    ])
    for (const p of out) {
      for (const r of p.runs) {
        for (const x of r.pieces) expect(text.slice(x.start, x.end)).toBe(x.text)
      }
    }
  })

  it('ignores empty and out-of-range highlights', () => {
    const out = segmentText<M>(
      'abc',
      [],
      [],
      [
        { id: 'empty', start: 1, end: 1 },
        { id: 'after', start: 5, end: 9 },
        { id: 'clipped', start: 2, end: 99 }
      ]
    )
    expect(layers(out)).toEqual([
      [
        ['ab', []],
        ['c', ['clipped']]
      ]
    ])
  })
})
