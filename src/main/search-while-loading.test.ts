// A search sent while main still loads the library, as the app's window sends it at start: the
// index process, started on its cache, answers it alone (text hits, the status saying the library
// is still loading); once main is ready the whole search answers, highlights and notes included.

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

const DATASET = resolve(__dirname, '../../resources/dataset')
const sender = { url: 'app://briefing-reader/index.html', isMainFrame: true }

let profile: string
const cores: AppCore[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
  rmSync(profile, { recursive: true, force: true })
})

/** A core whose annotation store waits for `open()`: main's start is held before `ready`. */
function start(gate?: Promise<void>): AppCore {
  const core = startCore({
    datasetDir: DATASET,
    userDataDir: profile,
    appVersion: 'test',
    spawnIndex: () => forkNodeProcess('index'),
    annotationFs: gate
      ? { ...nodeStoreFs, mkdir: async (path) => (await gate, nodeStoreFs.mkdir(path)) }
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
  it('answers from the index process’s cache before main is ready, then in full', async () => {
    profile = mkdtempSync(join(tmpdir(), 'search-loading-'))
    // A first start builds the index and leaves its cache.
    const first = start()
    await (await first.ready).search.whenComplete()
    await first.close()
    cores.length = 0

    let open = () => undefined as void
    const gate = new Promise<void>((resolve) => (open = resolve))
    const core = start(gate)
    const search = searchOf(core)
    let ready = false
    void core.ready.then(() => (ready = true))
    let early: SearchResponse | undefined
    // Asked again until hits come, as the renderer does while a start is under way.
    while (!early || early.total === 0) early = await search('tokyo')
    expect(ready).toBe(false)
    expect(early.hits[0]?.kind).toBe('text')
    expect(early.indexing).toMatchObject({ libraryLoading: true })
    expect(early.indexing.pendingBriefings).toBeGreaterThan(0)

    open()
    await core.ready
    let full = await search('tokyo')
    while (full.indexing.pendingBriefings > 0) full = await search('tokyo')
    expect(full.indexing.libraryLoading).toBeUndefined()
    expect(full.total).toBe(early.total)
  })
})
