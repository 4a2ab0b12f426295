// Annotation requests go out at once and their answers (deltas) are applied in the order sent; a
// new highlight's id comes from the answer; Ctrl+Z then Ctrl+Y pressed quickly both reach main; a
// delta that does not start from the set shown loads the whole set again.

import { beforeEach, describe, expect, it, vi } from 'vitest'

import type { AnnotationChangeResult, AnnotationsDelta } from '../../../shared/annotation-delta'
import type { BriefingAnnotations } from '../../../shared/annotation-requests'
import type { AnchoredHighlight, SectionTarget } from '../../../shared/annotations'
import { annotationsPart } from '../../../shared/briefing-parts'
import { annotationsDelta, loadedAnnotations } from '../../../test-support/annotation-records'

type Answer = BriefingAnnotations | AnnotationsDelta | AnnotationChangeResult
interface Call {
  method: string
  args: unknown[]
  answer: (value: Answer) => void
  fail: (error: Error) => void
}
const calls: Call[] = []
function pending(method: string) {
  return (...args: unknown[]) =>
    new Promise<Answer>((answer, fail) => calls.push({ method, args, answer, fail }))
}

vi.mock('./api', () => ({
  api: {
    // The state loads in parts: the whole answered here is cut as main cuts it.
    loadAnnotationsPart: (request: { start: number }) =>
      pending('load')(request).then((whole) =>
        annotationsPart(whole as BriefingAnnotations, request.start)
      ),
    changeAnnotation: pending('change'),
    undo: pending('undo'),
    redo: pending('redo'),
    setPreferences: async () => ({ colorLabels: {}, lastColor: 'green' })
  }
}))

const { AnnotationsState } = await import('./annotations-state.svelte')

const annotations = loadedAnnotations
const delta = annotationsDelta

const notePut = (id: string, body: string) => ({ put: [note(id, body)], removed: [] })

const note = (id: string, body: string) => ({
  id,
  briefingId: 'b1',
  target: { kind: 'briefing' as const },
  body,
  tags: [],
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z'
})

/** Lets every answer already given run as far as it can (one macrotask: no timing involved). */
const everythingSettled = () => new Promise<void>((done) => setTimeout(done, 0))

async function opened() {
  const state = new AnnotationsState()
  const loading = state.open('b1')
  calls.shift()!.answer(annotations())
  await loading
  return state
}

beforeEach(() => {
  calls.length = 0
})

describe('AnnotationsState writes', () => {
  it('sends changes at once and applies their answers in the order sent', async () => {
    const state = await opened()
    const first = state.change({ op: 'note.update', id: 'n1', body: 'one' })
    const second = state.change({ op: 'note.update', id: 'n1', body: 'two' })
    expect(calls.map((c) => c.method)).toEqual(['change', 'change'])

    calls[1]!.answer({ ...delta(2, { notes: notePut('n1', 'two') }), changedId: 'n1' })
    await everythingSettled()
    expect(state.notes).toEqual([])
    calls[0]!.answer({ ...delta(1, { notes: notePut('n1', 'one') }), changedId: 'n1' })
    await Promise.all([first, second])
    expect(state.notes.map((n) => n.body)).toEqual(['two'])
  })

  it('reports a failed change and still applies the answers after it', async () => {
    const state = await opened()
    const first = state.change({ op: 'note.delete', id: 'gone' })
    const second = state.change({ op: 'note.create', target: { kind: 'briefing' }, body: 'x' })
    calls[0]!.fail(new Error('No note with id "gone"'))
    calls[1]!.answer({ ...delta(1, { notes: notePut('n2', 'x') }), changedId: 'n2' })
    expect(await first).toBeNull()
    expect((await second)?.changedId).toBe('n2')
    expect(state.notes.map((n) => n.id)).toEqual(['n2'])
    expect(state.problem).toBe('')
  })

  it('takes a new highlight’s id from the answer', async () => {
    const state = await opened()
    const target = { briefingId: 'b1', sectionId: 's1' } as SectionTarget
    const created = state.createHighlight(target, 'green')
    const call = calls.find((c) => c.method === 'change')!
    const answer: AnnotationChangeResult = { ...delta(1), changedId: 'h7' }
    call.answer(answer)
    expect(await created).toBe('h7')
  })

  it('sends undo then redo pressed quickly, and none when there is nothing to undo', async () => {
    const state = await opened()
    expect(await state.undo()).toBeNull()
    expect(calls).toEqual([])

    const change = state.change({ op: 'note.create', target: { kind: 'briefing' }, body: 'x' })
    calls.shift()!.answer({ ...delta(1, { notes: notePut('n1', 'x') }), changedId: 'n1' })
    await change
    const undo = state.undo()
    const redo = state.redo()
    expect(calls.map((c) => c.method)).toEqual(['undo', 'redo'])
    calls[0]!.answer(delta(2, { canUndo: false, canRedo: true, notes: removed('n1') }))
    calls[1]!.answer(delta(3, { notes: notePut('n1', 'x') }))
    await Promise.all([undo, redo])
    expect(state.data?.canUndo).toBe(true)
    expect(state.notes.map((n) => n.id)).toEqual(['n1'])
  })
})

const removed = (id: string) => ({ put: [], removed: [id] })

const highlight = (id: string, sectionId: string, start: number, createdAt: string) =>
  ({
    id,
    target: { briefingId: 'b1', sectionId },
    color: 'yellow',
    tags: [],
    note: '',
    createdAt,
    updatedAt: createdAt,
    status: 'anchored',
    range: { start, end: start + 3 }
  }) as unknown as AnchoredHighlight

describe('AnnotationsState deltas', () => {
  it('patches the set in load order, and only the touched section’s ranges', async () => {
    const state = new AnnotationsState()
    const loading = state.open('b1')
    const h1 = highlight('h1', 's1', 0, '2026-03-01T10:00:00.000Z')
    const h3 = highlight('h3', 's2', 5, '2026-03-01T12:00:00.000Z')
    calls.shift()!.answer(annotations({ highlights: [h1, h3] }))
    await loading
    const s2Ranges = state.highlightIndex.rangesBySection.get('s2')

    const h2 = highlight('h2', 's1', 10, '2026-03-01T11:00:00.000Z')
    const edit = state.change({ op: 'highlight.delete', id: 'h1' })
    calls.shift()!.answer({
      ...delta(1, { highlights: { put: [h2], removed: ['h1'] } }),
      changedId: 'h1'
    })
    await edit
    expect(state.highlights.map((h) => h.id)).toEqual(['h2', 'h3'])
    expect(state.rangesIn('s1')).toEqual([{ id: 'h2', start: 10, end: 13 }])
    expect(state.highlightIndex.rangesBySection.get('s2')).toBe(s2Ranges)
    expect(state.highlight('h1')).toBeUndefined()
    expect(state.data?.revision).toBe(2)
  })

  it('loads the whole set again when a delta does not start from the set shown', async () => {
    const state = await opened()
    const edit = state.change({ op: 'note.create', target: { kind: 'briefing' }, body: 'x' })
    // Revision 1 is shown; an import made it 5 before this edit was numbered.
    calls.shift()!.answer({ ...delta(5, { notes: notePut('n9', 'x') }), changedId: 'n9' })
    await edit
    expect(state.notes).toEqual([])
    const reload = calls.shift()!
    expect(reload.method).toBe('load')
    reload.answer(annotations({ revision: 6, notes: [note('n8', 'imported'), note('n9', 'x')] }))
    await state.loaded()
    expect(state.notes.map((n) => n.id)).toEqual(['n8', 'n9'])
    expect(state.data?.revision).toBe(6)
  })
})
