// Annotation store behaviour: round trips, reopening, undo/redo, trash, compaction, bad input.

import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { StoreError } from './annotation-store'
import { BRIEFING, highlight, note } from '../../../test-support/annotation-store'
import { useStoreFolder } from '../../../test-support/store-folder'
import type { AnnotationStore, LoadedAnnotations } from './types'

const folder = useStoreFolder()
const { openStore } = folder

/** Reopens the folder in a fresh store (closing `store` first) and loads BRIEFING. */
async function reopen(store: AnnotationStore): Promise<LoadedAnnotations> {
  await store.close()
  return (await openStore()).load(BRIEFING)
}

const contentOf = (a: LoadedAnnotations) => ({
  highlights: a.highlights,
  notes: a.notes,
  trash: a.trash
})

describe('annotation store', () => {
  it('stores highlights and notes and finds them all after reopening', async () => {
    const store = await openStore()
    expect(await store.load(BRIEFING)).toMatchObject({ highlights: [], notes: [], warnings: [] })
    const first = await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h1') })
    expect(first).toMatchObject({ saved: true, seq: 1, canUndo: true, canRedo: false })
    await store.apply(BRIEFING, { op: 'note.put', note: note('n1') })
    await store.apply(BRIEFING, {
      op: 'highlight.put',
      highlight: highlight('h1', {
        color: 'pink',
        note: '**why**',
        updatedAt: '2026-01-02T00:00:00Z'
      })
    })
    const before = await store.load(BRIEFING)
    expect(before.highlights).toEqual([
      highlight('h1', { color: 'pink', note: '**why**', updatedAt: '2026-01-02T00:00:00Z' })
    ])
    expect(before.save).toEqual({ saved: true, pending: 0 })

    const after = await reopen(store)
    expect(contentOf(after)).toEqual(contentOf(before))
    expect(after).toMatchObject({ warnings: [], canUndo: false, canRedo: false })
    expect(after.readOnly).toBeUndefined()

    const journal = await readFile(
      join(folder.dir(), 'annotations', BRIEFING, 'journal.jsonl'),
      'utf8'
    )
    const lines = journal
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.map((l) => [l.v, l.seq, l.op])).toEqual([
      [1, 1, 'highlight.put'],
      [1, 2, 'note.put'],
      [1, 3, 'highlight.put']
    ])
  })

  it('keeps briefings apart', async () => {
    const store = await openStore()
    await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h1') })
    expect((await store.load('other-briefing')).highlights).toEqual([])
  })

  it('journals undo and redo across highlights and notes, so they survive reopening', async () => {
    const store = await openStore()
    await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h1') })
    await store.apply(BRIEFING, { op: 'note.put', note: note('n1') })
    await store.apply(BRIEFING, { op: 'note.put', note: note('n1', { body: 'edited' }) })
    await store.apply(BRIEFING, { op: 'highlight.delete', id: 'h1' })

    expect(await store.undo(BRIEFING)).toMatchObject({
      saved: true,
      change: { op: 'highlight.restore', id: 'h1' },
      canRedo: true
    })
    expect((await store.undo(BRIEFING))?.change).toEqual({ op: 'note.put', note: note('n1') })
    let state = await store.load(BRIEFING)
    expect(state.highlights.map((h) => h.id)).toEqual(['h1'])
    expect(state.notes).toEqual([note('n1')])
    expect(state.trash).toEqual([])

    await store.redo(BRIEFING)
    state = await store.load(BRIEFING)
    expect(state.notes[0]?.body).toBe('edited')
    expect(state.canRedo).toBe(true)

    const reopened = await reopen(store)
    expect(contentOf(reopened)).toEqual(contentOf(state))
    // The stacks are per session: a reopened store starts with nothing to undo.
    const again = folder.lastOpened()
    expect(await again.undo(BRIEFING)).toBeUndefined()
    expect(await again.redo(BRIEFING)).toBeUndefined()
  })

  it('moves deleted items to the trash and restores them', async () => {
    let now = new Date('2026-05-01T12:00:00.000Z')
    const store = await openStore({ now: () => now })
    await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h1') })
    await store.apply(BRIEFING, { op: 'note.put', note: note('n1') })
    await store.apply(BRIEFING, { op: 'highlight.delete', id: 'h1' })
    now = new Date('2026-05-01T12:05:00.000Z')
    await store.apply(BRIEFING, { op: 'note.delete', id: 'n1' })

    let state = await reopen(store)
    expect(state.highlights).toEqual([])
    expect(state.notes).toEqual([])
    expect(state.trash).toEqual([
      { kind: 'highlight', highlight: highlight('h1'), deletedAt: '2026-05-01T12:00:00.000Z' },
      { kind: 'note', note: note('n1'), deletedAt: '2026-05-01T12:05:00.000Z' }
    ])
    const store2 = folder.lastOpened()
    await store2.apply(BRIEFING, { op: 'highlight.restore', id: 'h1' })
    await store2.apply(BRIEFING, { op: 'note.restore', id: 'n1' })
    state = await reopen(store2)
    expect(state.highlights).toEqual([highlight('h1')])
    expect(state.notes).toEqual([note('n1')])
    expect(state.trash).toEqual([])
  })

  it('reloads the same state after compaction, and keeps journaling after it', async () => {
    const store = await openStore()
    for (let i = 0; i < 20; i++) {
      await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight(`h${i}`) })
    }
    await store.apply(BRIEFING, { op: 'note.put', note: note('n1') })
    await store.apply(BRIEFING, { op: 'highlight.delete', id: 'h3' })
    const before = await store.load(BRIEFING)
    expect(await store.compact(BRIEFING)).toEqual({ saved: true })
    await store.compact(BRIEFING) // a second one keeps the first as snapshot.prev.json
    const dir = join(folder.dir(), 'annotations', BRIEFING)
    expect((await readdir(dir)).sort()).toEqual([
      'journal.jsonl',
      'journal.prev.jsonl',
      'snapshot.json',
      'snapshot.prev.json'
    ])
    expect(await readFile(join(dir, 'journal.jsonl'), 'utf8')).toBe('')
    const snapshot = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8'))
    expect(snapshot).toMatchObject({ v: 1, seq: 22, briefingId: BRIEFING })

    expect(contentOf(await reopen(store))).toEqual(contentOf(before))
    const store2 = folder.lastOpened()
    expect(await store2.apply(BRIEFING, { op: 'highlight.restore', id: 'h3' })).toMatchObject({
      saved: true,
      seq: 23
    })
    const after = await reopen(store2)
    expect(after.highlights).toHaveLength(20)
    expect(after.warnings).toEqual([])
  })

  it('compacts on its own once the journal passes compactEvery lines', async () => {
    const store = await openStore({ compactEvery: 10 })
    for (let i = 0; i < 25; i++) {
      await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight(`h${i}`) })
    }
    await store.close()
    const dir = join(folder.dir(), 'annotations', BRIEFING)
    const journal = await readFile(join(dir, 'journal.jsonl'), 'utf8')
    expect(journal.split('\n').length - 1).toBeLessThanOrEqual(11)
    const state = await (await openStore()).load(BRIEFING)
    expect(state.highlights).toHaveLength(25)
    expect(state.warnings).toEqual([])
  })

  it('serializes concurrent calls so every change lands, in order', async () => {
    const store = await openStore({ compactEvery: 7 })
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight(`h${i}`) })
      )
    )
    expect(results.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    expect(results.every((r) => r.saved)).toBe(true)
    expect((await reopen(store)).highlights).toHaveLength(40)
  })

  it('runs each write plan on the state left by the writes queued before it', async () => {
    const store = await openStore({ compactEvery: 7 })
    // Every plan counts what it sees: run one after the other, they see 0, 1, 2, ...
    const written = await Promise.all(
      Array.from({ length: 20 }, () =>
        store.write(BRIEFING, (current) => {
          const id = `h${current.highlights.length}`
          return { changes: [{ op: 'highlight.put', highlight: highlight(id) }], result: id }
        })
      )
    )
    expect(written.map((w) => w.result)).toEqual(Array.from({ length: 20 }, (_, i) => `h${i}`))
    expect(written.every((w) => w.saved)).toBe(true)
    expect(written[19]!.annotations.highlights).toHaveLength(20)
    expect((await reopen(store)).highlights).toHaveLength(20)
  })

  it('applies nothing of a write whose plan throws', async () => {
    const store = await openStore()
    await expect(
      store.write(BRIEFING, () => {
        throw new Error('no plan')
      })
    ).rejects.toThrow('no plan')
    const after = await store.write(BRIEFING, (current) => ({ changes: [], result: current }))
    expect(after.result.highlights).toEqual([])
    expect(after.annotations.canUndo).toBe(false)
  })

  it('refuses invalid briefing ids and never touches the disk for them', async () => {
    const store = await openStore()
    for (const id of ['', '../etc', 'Quad', 'a/b', 'a.b', '..', 'x'.repeat(200), 42]) {
      await expect(store.load(id as string)).rejects.toMatchObject({ code: 'invalid' })
      await expect(
        store.apply(id as string, { op: 'highlight.delete', id: 'h' })
      ).rejects.toBeInstanceOf(StoreError)
    }
    expect(await readdir(join(folder.dir(), 'annotations'))).toEqual([]) // the lock lives in the profile, not here
  })

  it('refuses malformed changes and changes that do not fit', async () => {
    const store = await openStore()
    const bad = { op: 'highlight.put', highlight: { ...highlight('h1'), color: 'red' } }
    await expect(store.apply(BRIEFING, bad as never)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('change.highlight.color')
    })
    await expect(store.apply(BRIEFING, { op: 'note.delete', id: 'none' })).rejects.toMatchObject({
      code: 'invalid'
    })
    const elsewhere = highlight('h1', { target: { ...highlight('h1').target, briefingId: 'b2' } })
    await expect(
      store.apply(BRIEFING, { op: 'highlight.put', highlight: elsewhere })
    ).rejects.toMatchObject({ code: 'invalid' })
    expect((await store.load(BRIEFING)).canUndo).toBe(false)
  })

  it('refuses calls after close', async () => {
    const store = await openStore()
    await store.close()
    await expect(store.load(BRIEFING)).rejects.toMatchObject({ code: 'invalid' })
  })
})
