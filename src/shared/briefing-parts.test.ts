import { describe, expect, it } from 'vitest'

import type { BriefingAnnotations } from './annotation-requests'
import type { AnchoredHighlight } from './annotations'
import {
  annotationsPart,
  briefingPart,
  validateAnnotationsPartRequest,
  validateBriefingPartRequest
} from './briefing-parts'
import type { BriefingDetail } from './library'

const section = (i: number, chars: number) => ({
  id: `s${i}`,
  heading: `Part ${i}`,
  text: 'x'.repeat(chars),
  tags: [],
  mentions: []
})

const detail: BriefingDetail = {
  id: 'b1',
  title: 'Title',
  source: 'Desk',
  published: '2026-03-01',
  tags: [],
  entities: [],
  sections: [section(0, 40), section(1, 40), section(2, 40), section(3, 500), section(4, 10)]
}

describe('briefingPart', () => {
  it('cuts whole sections up to the size, the details only with the first part', () => {
    const first = briefingPart(detail, 0, 100)
    expect(first.sections.map((s) => s.id)).toEqual(['s0', 's1'])
    expect(first.sectionCount).toBe(5)
    expect(first.head).toMatchObject({ id: 'b1', title: 'Title', entities: [] })
    expect(first.head).not.toHaveProperty('sections')
    const second = briefingPart(detail, 2, 100)
    expect(second.sections.map((s) => s.id)).toEqual(['s2'])
    expect(second.head).toBeUndefined()
  })

  it('sends a section longer than the size alone, and nothing past the end', () => {
    expect(briefingPart(detail, 3, 100).sections.map((s) => s.id)).toEqual(['s3'])
    expect(briefingPart(detail, 4, 100).sections.map((s) => s.id)).toEqual(['s4'])
    expect(briefingPart(detail, 5, 100).sections).toEqual([])
  })
})

describe('annotationsPart', () => {
  const all: BriefingAnnotations = {
    briefingId: 'b1',
    revision: 1,
    highlights: ['a', 'b', 'c'].map((id) => ({ id }) as AnchoredHighlight),
    notes: [],
    trash: [],
    canUndo: true,
    canRedo: false,
    warnings: [],
    save: { saved: true, pending: 0 }
  }

  it('cuts the highlights, the rest only with the first part', () => {
    const first = annotationsPart(all, 0, 2)
    expect(first.highlights.map((h) => h.id)).toEqual(['a', 'b'])
    expect(first.highlightCount).toBe(3)
    expect(first.rest).toMatchObject({ briefingId: 'b1', canUndo: true })
    expect(first.rest).not.toHaveProperty('highlights')
    const second = annotationsPart(all, 2, 2)
    expect(second.highlights.map((h) => h.id)).toEqual(['c'])
    expect(second.rest).toBeUndefined()
  })
})

describe('part requests', () => {
  it('take a briefing id and a whole start, nothing else', () => {
    expect(validateBriefingPartRequest({ id: 'b1', start: 3 })).toEqual({
      ok: true,
      value: { id: 'b1', start: 3 }
    })
    expect(validateBriefingPartRequest({ id: 'b1', start: -1 }).ok).toBe(false)
    expect(validateBriefingPartRequest({ id: 'b1', start: 1.5 }).ok).toBe(false)
    expect(validateBriefingPartRequest({ id: 'b1' }).ok).toBe(false)
    expect(validateAnnotationsPartRequest({ briefingId: 'b1', start: 0 }).ok).toBe(true)
    expect(validateAnnotationsPartRequest({ briefingId: 'b1', start: 0, path: '/x' }).ok).toBe(
      false
    )
  })
})

describe('where the parts start', () => {
  it('is told by the first part, and each part from there is the next', () => {
    const first = briefingPart(detail, 0, 100)
    expect(first.starts).toEqual([2, 3, 4])
    const ids = [first, ...first.starts!.map((start) => briefingPart(detail, start, 100))].flatMap(
      (part) => part.sections.map((s) => s.id)
    )
    expect(ids).toEqual(['s0', 's1', 's2', 's3', 's4'])
  })

  it('is every size-th highlight after the first part', () => {
    const all = {
      highlights: Array.from({ length: 5 }, (_, i) => ({ id: `h${i}` }) as AnchoredHighlight)
    } as BriefingAnnotations
    expect(annotationsPart(all, 0, 2).starts).toEqual([2, 4])
    expect(annotationsPart(all, 0, 5).starts).toEqual([])
  })
})
