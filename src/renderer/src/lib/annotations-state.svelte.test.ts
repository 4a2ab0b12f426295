// Annotation requests go out at once and their answers are applied in the order sent; a new
// highlight's id comes from the answer; Ctrl+Z then Ctrl+Y pressed quickly both reach main.

import { beforeEach, describe, expect, it, vi } from 'vitest'

import type {
  AnnotationChangeResult,
  BriefingAnnotations
} from '../../../shared/annotation-requests'
import type { SectionTarget } from '../../../shared/annotations'
import { annotationsPart } from '../../../shared/briefing-parts'

interface Call {
  method: string
  args: unknown[]
  answer: (value: BriefingAnnotations | AnnotationChangeResult) => void
  fail: (error: Error) => void
}
const calls: Call[] = []
function pending(method: string) {
  return (...args: unknown[]) =>
    new Promise<BriefingAnnotations>((answer, fail) => calls.push({ method, args, answer, fail }))
}

vi.mock('./api', () => ({
  api: {
    // The state loads in parts: the whole answered here is cut as main cuts it.
    loadAnnotationsPart: (request: { start: number }) =>
      pending('load')(request).then((whole) => annotationsPart(whole, request.start)),
    changeAnnotation: pending('change'),
    undo: pending('undo'),
    redo: pending('redo'),
    setPreferences: async () => ({ colorLabels: {}, lastColor: 'green' })
  }
}))

const { AnnotationsState } = await import('./annotations-state.svelte')

function annotations(over: Partial<BriefingAnnotations> = {}): BriefingAnnotations {
  return {
    briefingId: 'b1',
    highlights: [],
    notes: [],
    trash: [],
    canUndo: false,
    canRedo: false,
    warnings: [],
    save: { saved: true, pending: 0 },
    ...over
  }
}

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

    calls[1]!.answer({ ...annotations({ notes: [note('n1', 'two')] }), changedId: 'n1' })
    await everythingSettled()
    expect(state.notes).toEqual([])
    calls[0]!.answer({ ...annotations({ notes: [note('n1', 'one')] }), changedId: 'n1' })
    await Promise.all([first, second])
    expect(state.notes.map((n) => n.body)).toEqual(['two'])
  })

  it('reports a failed change and still applies the answers after it', async () => {
    const state = await opened()
    const first = state.change({ op: 'note.delete', id: 'gone' })
    const second = state.change({ op: 'note.create', target: { kind: 'briefing' }, body: 'x' })
    calls[0]!.fail(new Error('No note with id "gone"'))
    calls[1]!.answer({ ...annotations({ notes: [note('n2', 'x')] }), changedId: 'n2' })
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
    const answer: AnnotationChangeResult = { ...annotations({ canUndo: true }), changedId: 'h7' }
    call.answer(answer)
    expect(await created).toBe('h7')
  })

  it('sends undo then redo pressed quickly, and none when there is nothing to undo', async () => {
    const state = await opened()
    expect(await state.undo()).toBeNull()
    expect(calls).toEqual([])

    const change = state.change({ op: 'note.create', target: { kind: 'briefing' }, body: 'x' })
    calls.shift()!.answer({ ...annotations({ canUndo: true }), changedId: 'n1' })
    await change
    const undo = state.undo()
    const redo = state.redo()
    expect(calls.map((c) => c.method)).toEqual(['undo', 'redo'])
    calls[0]!.answer(annotations({ canRedo: true }))
    calls[1]!.answer(annotations({ canUndo: true }))
    await Promise.all([undo, redo])
    expect(state.data?.canUndo).toBe(true)
  })
})
