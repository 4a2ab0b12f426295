// The library's counts: highlights and notes per briefing as the analyst adds, annotates and
// deletes them, and what a briefing without annotations shows.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { describeRange } from '../../shared/anchoring/describe'
import type { Briefing } from '../../shared/dataset'
import { createAnnotationSearch } from '../search/annotation-search'
import { createAnnotationService } from './annotation-service'
import { openAnnotationStore } from './store/annotation-store'
import type { AnnotationStore } from './store/types'

const TEXT = 'Boats left Lantern Isle at dawn and came back at noon.'
const briefing = (id: string): Briefing => ({
  id,
  title: id,
  source: 'Test',
  published: '2024-01-01',
  tags: [],
  sections: [{ id: 's1', heading: 'Log', text: TEXT, tags: [], mentions: [] }]
})

const target = (briefingId: string, word: string) => {
  const start = TEXT.indexOf(word)
  return describeRange(TEXT, start, start + word.length, { briefingId, sectionId: 's1' })!
}

let store: AnnotationStore | undefined
let dir = ''
afterEach(async () => {
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('annotation counts', () => {
  it('counts highlights, notes and highlights with a note; the trash is left out', async () => {
    dir = mkdtempSync(join(tmpdir(), 'annotation-counts-'))
    store = await openAnnotationStore(dir)
    const library = { entities: new Map(), briefings: [briefing('a'), briefing('b')] }
    let n = 0
    const service = createAnnotationService({
      store,
      library: () => library,
      search: createAnnotationSearch(),
      newId: () => `id-${++n}`
    })
    expect(await service.counts(['a', 'b'])).toEqual(
      new Map([
        ['a', { highlights: 0, notes: 0 }],
        ['b', { highlights: 0, notes: 0 }]
      ])
    )
    await service.change('a', {
      op: 'highlight.create',
      target: target('a', 'Boats'),
      color: 'yellow'
    })
    await service.change('a', {
      op: 'highlight.create',
      target: target('a', 'Lantern'),
      color: 'green',
      note: 'Which isle?'
    })
    await service.change('a', { op: 'note.create', target: { kind: 'briefing' }, body: 'Watch' })
    const gone = await service.change('a', {
      op: 'note.create',
      target: { kind: 'section', sectionId: 's1' },
      body: 'Deleted later'
    })
    await service.change('a', { op: 'note.delete', id: gone.changedId! })
    await service.change('b', {
      op: 'highlight.create',
      target: target('b', 'noon'),
      color: 'blue'
    })

    const counts = await service.counts(['a', 'b'])
    expect(counts.get('a')).toEqual({ highlights: 2, notes: 2 })
    expect(counts.get('b')).toEqual({ highlights: 1, notes: 0 })
  })
})
