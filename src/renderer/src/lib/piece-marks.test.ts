// A highlighted piece names its colours' meanings (not the colours) on hover and to a screen
// reader, says when highlights overlap or carry a note, and is styled by its layers.

import { describe, expect, it } from 'vitest'

import type { AnchoredHighlight, HighlightColor } from '../../../shared/annotations'
import { describedAs, pieceClass, pieceDescription, pieceTitle, stopOf } from './piece-marks'
import type { PieceMarks } from './piece-marks'
import type { Piece } from './segments'

const hl = (id: string, color: HighlightColor, start: number, end: number, note = '') =>
  ({ id, color, note, range: { start, end } }) as unknown as AnchoredHighlight

const inner = hl('a', 'yellow', 5, 10, 'why')
const outer = hl('b', 'blue', 0, 20)
const LABELS: Partial<Record<HighlightColor, string>> = { yellow: 'Key point', blue: 'Question' }

function marks(over: Partial<PieceMarks> = {}): PieceMarks {
  return {
    byId: new Map([inner, outer].map((h) => [h.id, h])),
    selected: undefined,
    flashId: null,
    label: (color) => LABELS[color] ?? color,
    ...over
  }
}

const piece = (start: number, end: number, highlights: string[], match = false): Piece => ({
  text: 'x'.repeat(end - start),
  start,
  end,
  match,
  highlights
})

describe('piece marks', () => {
  it('a piece under two highlights names both meanings, innermost first, and its note', () => {
    const p = piece(5, 10, ['a', 'b'])
    expect(pieceTitle(p, marks())).toBe(
      'Key point · Question — 2 overlapping highlights; click again for the next'
    )
    expect(describedAs(pieceDescription(p, marks()))).toEqual({
      'aria-description': 'Key point and Question highlights, with a note'
    })
    expect(pieceClass(p, marks())).toEqual(
      expect.arrayContaining(['hl', 'hl-yellow', 'hl-stacked hl-under-blue', 'hl-noted'])
    )
    expect(stopOf(p, marks())).toBe('a')
  })

  it('selection and flash show on every piece of their highlight; plain text has no marks', () => {
    const p = piece(0, 5, ['b'])
    const classes = pieceClass(p, marks({ selected: outer, flashId: 'b' }))
    expect(classes).toEqual(
      expect.arrayContaining(['hl-blue', 'hl-selected', 'hl-sel-start', 'hl-flash'])
    )
    expect(pieceTitle(piece(20, 25, []), marks())).toBeUndefined()
    expect(describedAs(pieceDescription(piece(20, 25, []), marks()))).toEqual({})
    expect(pieceClass(piece(20, 25, [], true), marks())).toEqual(['search-match'])
  })
})
