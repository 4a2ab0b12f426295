// The in-memory model: inverse changes for undo/redo, refusals, trash, history limit.

import { describe, expect, it } from 'vitest'

import { BriefingModel } from './model'
import { BRIEFING, highlight, note } from '../../../test-support/annotation-store'

const AT = '2026-02-01T00:00:00.000Z'

function ids(model: BriefingModel) {
  const { highlights, notes, trash } = model.contents()
  return {
    highlights: highlights.map((h) => `${h.id}:${h.color}`),
    notes: notes.map((n) => `${n.id}:${n.body}`),
    trash: trash.map((t) => (t.kind === 'highlight' ? `h:${t.highlight.id}` : `n:${t.note.id}`))
  }
}

describe('BriefingModel', () => {
  it('undoes and redoes creates, updates, deletes and restores of both kinds', () => {
    const model = new BriefingModel(BRIEFING)
    model.apply({ op: 'highlight.put', highlight: highlight('h1') }, AT)
    model.apply({ op: 'note.put', note: note('n1', { body: 'one' }) }, AT)
    model.apply({ op: 'highlight.put', highlight: highlight('h1', { color: 'blue' }) }, AT)
    model.apply({ op: 'note.delete', id: 'n1' }, AT)
    const states = [ids(model)]
    expect(states[0]).toEqual({ highlights: ['h1:blue'], notes: [], trash: ['n:n1'] })

    expect(model.undo(AT)).toEqual({ op: 'note.restore', id: 'n1' })
    states.push(ids(model))
    expect(model.undo(AT)).toMatchObject({ op: 'highlight.put', highlight: { color: 'yellow' } })
    states.push(ids(model))
    expect(model.undo(AT)).toEqual({ op: 'note.delete', id: 'n1' })
    expect(ids(model)).toEqual({ highlights: ['h1:yellow'], notes: [], trash: ['n:n1'] })
    model.undo(AT)
    // Undoing a creation moves the record to the trash: undo never destroys anything.
    expect(ids(model)).toEqual({ highlights: [], notes: [], trash: ['h:h1', 'n:n1'] })
    expect(model.canUndo).toBe(false)
    expect(model.undo(AT)).toBeUndefined()

    model.redo(AT)
    model.redo(AT)
    expect(ids(model)).toEqual({ highlights: ['h1:yellow'], notes: ['n1:one'], trash: [] })
    expect(ids(model)).toEqual(states[2])
    model.redo(AT)
    expect(ids(model)).toEqual(states[1])
    model.redo(AT)
    expect(ids(model)).toEqual(states[0])
    expect(model.canRedo).toBe(false)
  })

  it('clears redo when a new change is applied', () => {
    const model = new BriefingModel(BRIEFING)
    model.apply({ op: 'highlight.put', highlight: highlight('h1') }, AT)
    model.undo(AT)
    expect(model.canRedo).toBe(true)
    model.apply({ op: 'note.put', note: note('n1') }, AT)
    expect(model.canRedo).toBe(false)
  })

  it('refuses changes that do not fit the state', () => {
    const model = new BriefingModel(BRIEFING)
    expect(model.problem({ op: 'highlight.delete', id: 'nope' })).toMatch(/no highlight/)
    expect(model.problem({ op: 'note.restore', id: 'nope' })).toMatch(/trash/)
    const other = highlight('h2', {
      target: { ...highlight('h2').target, briefingId: 'another-briefing' }
    })
    expect(model.problem({ op: 'highlight.put', highlight: other })).toMatch(/another-briefing/)
    expect(model.problem({ op: 'note.put', note: note('n', { briefingId: 'x' }) })).toMatch(/"x"/)
    model.apply({ op: 'highlight.put', highlight: highlight('h1') }, AT)
    model.apply({ op: 'highlight.delete', id: 'h1' }, AT)
    expect(model.problem({ op: 'highlight.put', highlight: highlight('h1') })).toMatch(/restore/)
    expect(model.replay({ op: 'highlight.delete', id: 'h1' }, AT)).toMatch(/no highlight/)
  })

  it('keeps deletion times in the trash and round-trips through snapshot contents', () => {
    const model = new BriefingModel(BRIEFING)
    model.apply({ op: 'highlight.put', highlight: highlight('h1') }, AT)
    model.apply({ op: 'highlight.delete', id: 'h1' }, '2026-03-03T00:00:00.000Z')
    const contents = model.contents()
    expect(contents.trash).toEqual([
      { kind: 'highlight', highlight: highlight('h1'), deletedAt: '2026-03-03T00:00:00.000Z' }
    ])
    const copy = BriefingModel.fromSnapshot({
      v: 1,
      seq: 2,
      at: AT,
      briefingId: BRIEFING,
      ...contents
    })
    expect(copy.contents()).toEqual(contents)
    expect(copy.canUndo).toBe(false)
  })

  it('keeps at most historyLimit undo steps', () => {
    const model = new BriefingModel(BRIEFING, 3)
    for (let i = 0; i < 10; i++) {
      model.apply({ op: 'highlight.put', highlight: highlight(`h${i}`) }, AT)
    }
    let undone = 0
    while (model.undo(AT)) undone++
    expect(undone).toBe(3)
    expect(model.contents().highlights).toHaveLength(7)
  })
})
