// The deltas main answers edits, undo, redo and loads with: only the touched records, and
// revisions that chain in the order main applied them, even when requests overlap.

import { describe, expect, it } from 'vitest'

import { applyDelta } from '../../shared/annotation-delta'
import type { AnnotationsDelta } from '../../shared/annotation-delta'
import type { BriefingAnnotations } from '../../shared/annotation-requests'
import type { Note } from '../../shared/annotations'
import { targetOf as target, useAnnotationService } from '../../test-support/annotation-service'
import { deltaOf } from './change-delta'
import type { LoadedAnnotations } from './store/types'

const { setUp } = useAnnotationService('change-delta')
const service = async () => (await setUp()).service

const NONE = { put: [], removed: [] }

describe('the delta an edit answers with', () => {
  it('names only the record each change, undo, redo, delete and restore touched', async () => {
    const annotations = await service()
    const loaded = await annotations.load('b1')
    await annotations.change('b1', { op: 'note.create', target: { kind: 'briefing' }, body: 'n' })

    const created = await annotations.change('b1', {
      op: 'highlight.create',
      target: target('military'),
      color: 'yellow'
    })
    expect(created.from).toBeGreaterThan(loaded.revision)
    expect(created.to).toBeGreaterThan(created.from)
    expect(created.highlights.put).toMatchObject([{ id: 'id-2', status: 'anchored' }])
    expect(created).toMatchObject({ highlights: { removed: [] }, notes: NONE, trash: NONE })

    const recoloured = await annotations.change('b1', {
      op: 'highlight.update',
      id: 'id-2',
      color: 'pink'
    })
    expect(recoloured.from).toBe(created.to)
    expect(recoloured.highlights).toMatchObject({ put: [{ id: 'id-2', color: 'pink' }] })

    const deleted = await annotations.change('b1', { op: 'highlight.delete', id: 'id-2' })
    expect(deleted).toMatchObject({
      highlights: { put: [], removed: ['id-2'] },
      notes: NONE,
      trash: { put: [{ kind: 'highlight', id: 'id-2', label: 'military' }], removed: [] }
    })

    const undone = await annotations.undo('b1')
    expect(undone).toMatchObject({
      from: deleted.to,
      highlights: { put: [{ id: 'id-2', color: 'pink' }], removed: [] },
      trash: { put: [], removed: [{ kind: 'highlight', id: 'id-2' }] },
      canRedo: true
    })
    const redone = await annotations.redo('b1')
    expect(redone).toMatchObject({
      highlights: { put: [], removed: ['id-2'] },
      trash: { put: [{ kind: 'highlight', id: 'id-2' }] },
      canRedo: false
    })
    const restored = await annotations.change('b1', { op: 'highlight.restore', id: 'id-2' })
    expect(restored).toMatchObject({
      highlights: { put: [{ id: 'id-2' }], removed: [] },
      trash: { put: [], removed: [{ kind: 'highlight', id: 'id-2' }] }
    })
  })

  it('is empty and stays at the revision when there is nothing to undo or redo', async () => {
    const annotations = await service()
    const loaded = await annotations.load('b1')
    const nothing = await annotations.redo('b1')
    expect(nothing).toMatchObject({ from: loaded.revision, to: loaded.revision })
    expect(nothing).toMatchObject({ highlights: NONE, notes: NONE, trash: NONE })
  })

  it('gives a load after an import a new revision, so an open copy reloads', async () => {
    const annotations = await service()
    const before = await annotations.load('b1')
    await annotations.importRecords('b1', [], [], new Set())
    const delta = await annotations.change('b1', {
      op: 'note.create',
      target: { kind: 'briefing' },
      body: 'after the import'
    })
    expect(delta.from).not.toBe(before.revision)
    expect((await annotations.load('b1')).revision).toBe(delta.to)
  })
})

/** The renderer's copy after `deltas`, applied in order; null as soon as one does not chain. */
function applyAll(
  copy: BriefingAnnotations,
  deltas: AnnotationsDelta[]
): BriefingAnnotations | null {
  let at: BriefingAnnotations | null = copy
  for (const delta of deltas) at = at && applyDelta(at, delta)
  return at
}

/** What the renderer shows of a copy: the records, and whether undo and redo are offered. */
const shown = (copy: BriefingAnnotations | null) =>
  copy && {
    highlights: copy.highlights.map((h) => ({ id: h.id, color: h.color })),
    notes: copy.notes.map((n) => n.id),
    trash: copy.trash.map((t) => t.id),
    canUndo: copy.canUndo,
    canRedo: copy.canRedo
  }

describe('revisions when requests overlap (main numbers them in the order it applies them)', () => {
  it('chains an undo and an edit sent right after it, without waiting for the undo', async () => {
    const annotations = await service()
    await annotations.change('b1', {
      op: 'highlight.create',
      target: target('military'),
      color: 'yellow'
    })
    const copy = await annotations.load('b1')

    // Ctrl+Z, then an edit at once: main undoes first, then edits.
    const undoing = annotations.undo('b1')
    const editing = annotations.change('b1', {
      op: 'note.create',
      target: { kind: 'briefing' },
      body: 'typed right after Ctrl+Z'
    })
    const [undone, edited] = await Promise.all([undoing, editing])

    expect(undone.from).toBe(copy.revision)
    expect(edited.from).toBe(undone.to)
    const after = applyAll(copy, [undone, edited])
    expect(after?.highlights).toEqual([])
    expect(shown(after)).toEqual(shown(await annotations.load('b1')))
  })

  it('chains a redo and an edit sent right after it', async () => {
    const annotations = await service()
    await annotations.change('b1', { op: 'note.create', target: { kind: 'briefing' }, body: 'n' })
    await annotations.undo('b1')
    const copy = await annotations.load('b1')

    const redoing = annotations.redo('b1')
    const editing = annotations.change('b1', {
      op: 'highlight.create',
      target: target('military'),
      color: 'yellow'
    })
    const [redone, edited] = await Promise.all([redoing, editing])

    expect(edited.from).toBe(redone.to)
    const after = applyAll(copy, [redone, edited])
    expect(after).not.toBeNull()
    expect(shown(after)).toEqual(shown(await annotations.load('b1')))
  })

  it('labels a load that overlaps an edit with the revision of what it holds', async () => {
    const annotations = await service()
    await annotations.load('b1')

    // The load is queued first: it holds the state before the edit, so the edit's delta applies to it.
    const loading = annotations.load('b1')
    const editing = annotations.change('b1', {
      op: 'highlight.create',
      target: target('military'),
      color: 'yellow'
    })
    const [loaded, edited] = await Promise.all([loading, editing])

    expect(loaded.highlights).toEqual([])
    expect(loaded.revision).toBe(edited.from)
    expect(shown(applyAll(loaded, [edited]))).toEqual(shown(await annotations.load('b1')))
  })
})

describe('deltaOf', () => {
  const note = (id: string): Note => ({
    id,
    briefingId: 'b1',
    target: { kind: 'briefing' },
    body: 'note ' + id,
    tags: [],
    createdAt: '2026-12-03T10:00:00.000Z',
    updatedAt: '2026-12-03T10:00:00.000Z'
  })
  const state = (over: Partial<LoadedAnnotations>): LoadedAnnotations => ({
    briefingId: 'b1',
    highlights: [],
    notes: [],
    trash: [],
    warnings: [],
    canUndo: true,
    canRedo: false,
    save: { saved: true, pending: 0 },
    ...over
  })
  const anchorNone = () => {
    throw new Error('no highlight in these batches')
  }

  it('reports the trash entry of a record a batch puts and then deletes', () => {
    const loaded = state({
      trash: [{ kind: 'note', note: note('n1'), deletedAt: '2026-12-03T11:00:00.000Z' }]
    })
    const delta = deltaOf(
      loaded,
      [
        { op: 'note.put', note: note('n1') },
        { op: 'note.delete', id: 'n1' }
      ],
      { from: 1, to: 2 },
      undefined,
      anchorNone
    )
    expect(delta.notes).toEqual({ put: [], removed: ['n1'] })
    expect(delta.trash).toEqual({
      put: [{ kind: 'note', id: 'n1', label: 'note n1', deletedAt: '2026-12-03T11:00:00.000Z' }],
      removed: []
    })
  })

  it('names a record and its trash entry once when a batch touches it twice', () => {
    const delta = deltaOf(
      state({ notes: [note('n1')] }),
      [
        { op: 'note.delete', id: 'n1' },
        { op: 'note.restore', id: 'n1' }
      ],
      { from: 1, to: 3 },
      undefined,
      anchorNone
    )
    expect(delta.notes).toEqual({ put: [note('n1')], removed: [] })
    expect(delta.trash).toEqual({ put: [], removed: [{ kind: 'note', id: 'n1' }] })
  })
})
