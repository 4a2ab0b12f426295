import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { describeRange } from '../../shared/anchoring/describe'
import type { Briefing } from '../../shared/dataset'
import { createAnnotationSearch } from '../search/annotation-search'
import { createAnnotationService } from './annotation-service'
import { openAnnotationStore } from './store/annotation-store'
import type { AnnotationStore } from './store/types'

const TEXT = 'The two countries are also looking at co-development of military platforms.'
const briefing: Briefing = {
  id: 'b1',
  title: 'Tokyo visit',
  source: 'Test',
  published: '2022-05-23',
  tags: [],
  sections: [{ id: 's1', heading: 'Military Cooperation', text: TEXT, tags: [], mentions: [] }]
}
const target = (word: string) => {
  const start = TEXT.indexOf(word)
  return describeRange(TEXT, start, start + word.length, { briefingId: 'b1', sectionId: 's1' })!
}

const stores: AnnotationStore[] = []
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close()
})

async function service() {
  const store = await openAnnotationStore(mkdtempSync(join(tmpdir(), 'change-delta-')))
  stores.push(store)
  let n = 0
  return createAnnotationService({
    store,
    library: () => ({ entities: new Map(), briefings: [briefing] }),
    search: createAnnotationSearch(),
    newId: () => `id-${++n}`
  })
}

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
