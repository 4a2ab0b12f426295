// The in-thread index host (no process spawned: tests, benches): an engine that cannot start fails
// every call with its error, and closing it still succeeds, so a caller's close goes on to release
// what it holds (the annotation store, the profile lock).

import { describe, expect, it, vi } from 'vitest'

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
