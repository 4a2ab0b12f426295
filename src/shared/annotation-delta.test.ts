// applyDelta: a renderer copy patched by a delta lists what a fresh load would list, and a delta
// that does not start from the copy's revision is refused (the copy reloads).

import { describe, expect, it } from 'vitest'

import { applyDelta } from './annotation-delta'
import type { AnnotationsDelta } from './annotation-delta'
import type { BriefingAnnotations, TrashEntry } from './annotation-requests'
import type { AnchoredHighlight } from './annotations'
import { annotationsDelta, loadedAnnotations } from '../test-support/annotation-records'

const h = (id: string, createdAt: string, color = 'yellow') =>
  ({ id, createdAt, color }) as unknown as AnchoredHighlight
const trash = (kind: TrashEntry['kind'], id: string, deletedAt: string): TrashEntry => ({
  kind,
  id,
  deletedAt,
  label: id
})

const loaded: BriefingAnnotations = loadedAnnotations({
  revision: 4,
  highlights: [h('a', '2026-01-01'), h('c', '2026-01-03'), h('d', '2026-01-03')],
  trash: [trash('note', 'n1', '2026-02-01'), trash('highlight', 'x', '2026-02-03')]
})

const delta = (over: Partial<AnnotationsDelta>): AnnotationsDelta => annotationsDelta(4, over)

describe('applyDelta', () => {
  it('puts records where a fresh load lists them and drops the removed ones', () => {
    const next = applyDelta(
      loaded,
      delta({
        highlights: { put: [h('b', '2026-01-02'), h('c', '2026-01-03', 'pink')], removed: ['d'] },
        trash: {
          put: [trash('highlight', 'd', '2026-02-02')],
          removed: [{ kind: 'note', id: 'n1' }]
        }
      })
    )!
    expect(next.highlights.map((x) => [x.id, x.color])).toEqual([
      ['a', 'yellow'],
      ['b', 'yellow'],
      ['c', 'pink']
    ])
    expect(next.trash.map((t) => t.id)).toEqual(['d', 'x'])
    expect(next).toMatchObject({ revision: 5, canUndo: true })
    // Untouched records and lists keep their identity; the loaded set is not changed.
    expect(next.highlights[0]).toBe(loaded.highlights[0])
    expect(next.notes).toBe(loaded.notes)
    expect(loaded.highlights.map((x) => x.id)).toEqual(['a', 'c', 'd'])
  })

  it('refuses a delta from another revision or briefing (the copy is stale)', () => {
    expect(applyDelta(loaded, delta({ from: 3 }))).toBeNull()
    expect(applyDelta(loaded, delta({ briefingId: 'b2' }))).toBeNull()
  })

  it('gives the same set when applied twice (a reload that already held the change)', () => {
    const once = applyDelta(
      loaded,
      delta({ highlights: { put: [h('b', '2026-01-02')], removed: ['a'] } })
    )!
    const twice = applyDelta(
      { ...once, revision: 4 },
      delta({ highlights: { put: [h('b', '2026-01-02')], removed: ['a'] } })
    )!
    expect(twice.highlights).toEqual(once.highlights)
  })
})
