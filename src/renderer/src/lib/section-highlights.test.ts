// The highlight index gives each section its own anchored ranges, the same as scanning them all.

import { describe, expect, it } from 'vitest'

import type { AnchoredHighlight } from '../../../shared/annotations'
import { indexHighlights, rangesOf } from './section-highlights'

function hl(id: string, sectionId: string, range?: [number, number]): AnchoredHighlight {
  return {
    id,
    target: {
      briefingId: 'b',
      sectionId,
      quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 1 }
    },
    color: 'yellow',
    tags: [],
    note: '',
    createdAt: 'T',
    updatedAt: 'T',
    status: range ? 'anchored' : 'orphaned',
    ...(range ? { range: { start: range[0], end: range[1] } } : {})
  } as AnchoredHighlight
}

describe('indexHighlights', () => {
  it('groups anchored ranges by section and finds every highlight by id', () => {
    const index = indexHighlights([
      hl('a', 's1', [0, 4]),
      hl('b', 's2', [2, 3]),
      hl('c', 's1', [5, 9]),
      hl('o', 's1')
    ])
    expect(rangesOf(index, 's1')).toEqual([
      { id: 'a', start: 0, end: 4 },
      { id: 'c', start: 5, end: 9 }
    ])
    expect(rangesOf(index, 's2')).toEqual([{ id: 'b', start: 2, end: 3 }])
    expect(rangesOf(index, 'none')).toEqual([])
    expect(index.byId.get('o')?.status).toBe('orphaned')
  })
})
