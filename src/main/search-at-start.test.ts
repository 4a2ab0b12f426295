// A search sent while main still loads the library, as the app's window sends it at start: the
// index process, started on its cache, answers it alone (text hits, the status saying the library
// is still loading) before it reads a library file; once main is ready the whole search answers.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import type { SearchResponse } from '../shared/search'
import { startCore } from './app-core'
import type { AppCore } from './app-core'
import { forkNodeProcess } from './background/node-process'
import { nodeStoreFs } from './fs/node-fs'
import { createIpcRouter } from './ipc/router'
import { setupSearchHandlers } from './search/handlers'
import { onReadLibrary } from '../test-support/read-library-port'

const DATASET = resolve(__dirname, '../../resources/dataset')
const sender = { url: 'app://briefing-reader/index.html', isMainFrame: true }

let profile: string
const cores: AppCore[] = []
let release = () => undefined as void
afterEach(async () => {
  // A failed assertion must not leave main's start held: closing waits for it.
  release()
  for (const core of cores.splice(0)) await core.close()
  rmSync(profile, { recursive: true, force: true })
})

/** A core whose index process reads the library, and whose start ends, once `held` resolves. */
function start(held?: Promise<void>): AppCore {
  const core = startCore({
    datasetDir: DATASET,
    userDataDir: profile,
    appVersion: 'test',
    spawnIndex: () =>
      held ? onReadLibrary(forkNodeProcess('index'), () => held) : forkNodeProcess('index'),
    // Main's start held too, where it opens the annotation store (after loading the library).
    annotationFs: held
      ? { ...nodeStoreFs, mkdir: async (path) => (await held, nodeStoreFs.mkdir(path)) }
      : undefined
  })
  cores.push(core)
  return core
}

function searchOf(core: AppCore) {
  const router = createIpcRouter({ isTrustedSender: () => true })
  setupSearchHandlers(
    router,
    () => core.ready,
    () => core.searchWhileLoading()
  )
  return async (query: string): Promise<SearchResponse> => {
    const answer = await router.dispatch(sender, 'search:query', { query })
    if (!answer.ok) throw new Error(answer.error.message)
    return answer.value as SearchResponse
  }
}

describe('search while main loads the library', () => {
  it('answers from the index process’s cache before it reads the library, then in full', async () => {
    profile = mkdtempSync(join(tmpdir(), 'search-loading-'))
    // A first start builds the index and leaves its cache (complete: warm.json written).
    const first = start()
    await (await first.ready).search.whenComplete()
    await first.close()
    cores.length = 0

    const held = new Promise<void>((resolve) => (release = resolve))
    const core = start(held)
    const search = searchOf(core)
    let early: SearchResponse | undefined
    // Asked again until hits come, as the renderer does while a start is under way.
    while (!early || early.total === 0) early = await search('tokyo')
    expect(early.hits[0]?.kind).toBe('text')
    expect(early.indexing).toMatchObject({ libraryLoading: true, totalSections: 7 })
    const index = await core.searchWhileLoading()
    expect(await index?.stats()).toMatchObject({ fromCache: 1, built: 0 })

    release()
    const services = await core.ready
    await services.search.whenComplete()
    await services.annotationSearch.whenIndexed?.()
    const full = await search('tokyo')
    expect(full.indexing).toEqual({ indexedSections: 7, totalSections: 7, pendingBriefings: 0 })
    expect(full.total).toBe(early.total)
  })
})
