// The one-briefing library ("Tokyo visit", one section) the annotation service's tests edit, a
// target on a word of its text, and a service over a real store in a temporary folder (closed
// and removed after each test), for annotation-service, change-delta, plan-change and incremental
// tests.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach } from 'vitest'

import { describeRange } from '../shared/anchoring/describe'
import { applyDelta } from '../shared/annotation-delta'
import type { AnnotationsDelta } from '../shared/annotation-delta'
import type { BriefingAnnotations } from '../shared/annotation-requests'
import type { Briefing } from '../shared/dataset'
import { createAnnotationService } from '../main/annotations/annotation-service'
import { openAnnotationStore } from '../main/annotations/store/annotation-store'
import type { AnnotationStore } from '../main/annotations/store/types'
import type { Library } from '../main/library/library'
import { createAnnotationSearch } from '../main/search/annotation-search'
import { removeFolders } from './temp-folders'

export const TEXT = 'The two countries are also looking at co-development of military platforms.'

/** Briefing b1 with one section, s1, of `text`. */
export function tokyoBriefing(text = TEXT): Briefing {
  return {
    id: 'b1',
    title: 'Tokyo visit',
    source: 'Test',
    published: '2022-05-23',
    tags: [],
    sections: [{ id: 's1', heading: 'Military Cooperation', text, tags: [], mentions: [] }]
  }
}

export function tokyoLibrary(text = TEXT): Library {
  return { entities: new Map(), briefings: [tokyoBriefing(text)] }
}

/** The target of the first `word` in `text` (section s1 of b1). */
export function targetOf(word: string, text = TEXT) {
  const start = text.indexOf(word)
  return describeRange(text, start, start + word.length, { briefingId: 'b1', sectionId: 's1' })!
}

/** `view` with `delta` applied, as the renderer does (the delta must start from `view`). */
export function follow(view: BriefingAnnotations, delta: AnnotationsDelta): BriefingAnnotations {
  const next = applyDelta(view, delta)
  if (!next) throw new Error(`delta from ${delta.from} does not apply to ${view.revision}`)
  return next
}

/**
 * `setUp(dir?, library?)` opens a store (in a new folder named after `prefix` unless `dir`) and a
 * service over it whose new ids are id-1, id-2, ...; `library` may be a getter, for a test that
 * changes the library as it runs. `closeLast` closes the last store opened. Every store still open
 * is closed after each test, then the folders `setUp` made are removed. Call at the top of a test
 * file.
 */
export function useAnnotationService(prefix: string) {
  const stores: AnnotationStore[] = []
  const made: string[] = []
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close()
    removeFolders(made)
  })
  const newFolder = () => {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`))
    made.push(dir)
    return dir
  }
  async function setUp(dir = newFolder(), lib: Library | (() => Library) = tokyoLibrary()) {
    const store = await openAnnotationStore(dir)
    stores.push(store)
    const search = createAnnotationSearch()
    let n = 0
    const service = createAnnotationService({
      store,
      library: typeof lib === 'function' ? lib : () => lib,
      search,
      newId: () => `id-${++n}`
    })
    return { dir, store, search, service }
  }
  return { setUp, closeLast: async () => void (await stores.pop()?.close()) }
}
