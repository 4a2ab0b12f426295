// The in-thread index host (no process spawned: tests, benches): an engine that cannot start fails
// every call with its error, and closing it still succeeds, so a caller's close goes on to release
// what it holds (the annotation store, the profile lock). With a process: only the first one waits
// to be told to read the library.

import { describe, expect, it, vi } from 'vitest'

import type { BackgroundPort } from '../background/rpc'
import { startIndexHost } from './index-host'

vi.mock('./search-index', () => ({
  SearchIndex: class {
    constructor() {
      throw new Error('engine could not start')
    }
  }
}))

describe('startIndexHost in this thread', () => {
  it('fails calls with the engine’s error and closes without failing', async () => {
    const host = startIndexHost({ datasetDir: '/nowhere', userDataDir: '/nowhere' })
    await expect(host.stats()).rejects.toThrow('engine could not start')
    await expect(host.close()).resolves.toBeUndefined()
  })
})

describe('startIndexHost with a process', () => {
  it('has only the first process wait for the library; one started after it died reads it', async () => {
    const inits: unknown[] = []
    const exits: ((reason: string) => void)[] = []
    const spawn = (): BackgroundPort => ({
      post: (message) => void (message.type === 'init' && inits.push(message.options)),
      onMessage: () => undefined,
      onExit: (listener) => void exits.push(listener),
      kill: () => exits.splice(0).forEach((listener) => listener('killed'))
    })
    const options = { datasetDir: '/d', userDataDir: '/p' }
    const host = startIndexHost({ ...options, spawn, libraryLater: true })
    exits.splice(0).forEach((listener) => listener('out of memory'))
    // The next call starts another process (never answered here).
    void host.status().catch(() => undefined)
    expect(inits).toEqual([{ ...options, libraryLater: true }, { ...options }])
    await host.close()
  })
})
