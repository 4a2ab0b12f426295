// The highlight index gives each section its own anchored ranges, the same as scanning them all,
// and an edit's delta patches it into what indexing the patched set afresh gives.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { applyDelta } from '../../../shared/annotation-delta'
import type { BriefingAnnotations } from '../../../shared/annotation-requests'
import type { AnchoredHighlight } from '../../../shared/annotations'
import { indexHighlights, patchHighlightIndex, rangesOf } from './section-highlights'

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

describe('patchHighlightIndex', () => {
  const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')
  const record = fc
    .tuple(id, fc.constantFrom('s1', 's2', 's3'), fc.option(fc.nat(50), { nil: undefined }))
    .map(([i, section, start]) =>
      hl(i, section, start === undefined ? undefined : [start, start + 2])
    )
  const delta = fc.record({
    put: fc.uniqueArray(record, { selector: (h) => h.id }),
    removed: fc.array(id)
  })

  it('equals indexing the patched set afresh; untouched sections keep their list', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(record, { selector: (h) => h.id }),
        fc.array(delta),
        (start, deltas) => {
          let set = {
            briefingId: 'b',
            revision: 0,
            highlights: [...start].sort((x, y) => (x.id < y.id ? -1 : 1))
          } as unknown as BriefingAnnotations
          let index = indexHighlights(set.highlights)
          for (const [i, d] of deltas.entries()) {
            const change = {
              briefingId: 'b',
              from: i,
              to: i + 1,
              highlights: d,
              notes: { put: [], removed: [] },
              trash: { put: [], removed: [] }
            }
            set = applyDelta(set, change as unknown as Parameters<typeof applyDelta>[1])!
            const before = index
            index = patchHighlightIndex(index, d)
            const fresh = indexHighlights(set.highlights)
            expect(index.byId).toEqual(fresh.byId)
            expect(new Map([...index.rangesBySection].filter(([, r]) => r.length > 0))).toEqual(
              fresh.rangesBySection
            )
            const touched = new Set([
              ...d.put.map((h) => h.target.sectionId),
              ...[...d.removed, ...d.put.map((h) => h.id)].flatMap(
                (r) => before.byId.get(r)?.target.sectionId ?? []
              )
            ])
            for (const [section, ranges] of before.rangesBySection)
              if (!touched.has(section)) expect(index.rangesBySection.get(section)).toBe(ranges)
          }
        }
      )
    )
  })
})
