// The library is read once per index process: at its start, or (the first process of an app's
// start) when main has loaded the library and asks. A process started after one died has read it
// already when main's request, meant for the first, reaches it.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { IndexEngine } from './index-engine'
import { SearchIndex } from './search-index'

const dirs: string[] = []
const options = () => {
  const root = mkdtempSync(join(tmpdir(), 'search-index-'))
  dirs.push(root)
  return { datasetDir: join(root, 'dataset'), userDataDir: join(root, 'profile') }
}

afterEach(() => {
  vi.restoreAllMocks()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('SearchIndex.readLibrary', () => {
  it('reads the library once when main asks after the process read it at its start', async () => {
    const sync = vi.spyOn(IndexEngine.prototype, 'sync').mockResolvedValue(undefined)
    const index = new SearchIndex(options())
    expect(sync).toHaveBeenCalledTimes(1)
    await index.readLibrary()
    await index.readLibrary()
    expect(sync).toHaveBeenCalledTimes(1)
  })

  it('with libraryLater, reads it only when asked, and once', async () => {
    const sync = vi.spyOn(IndexEngine.prototype, 'sync').mockResolvedValue(undefined)
    const warmUp = vi.spyOn(IndexEngine.prototype, 'warmUp').mockReturnValue(undefined)
    const index = new SearchIndex({ ...options(), libraryLater: true })
    expect(warmUp).toHaveBeenCalledTimes(1)
    expect(sync).not.toHaveBeenCalled()
    await index.readLibrary()
    await index.readLibrary()
    expect(sync).toHaveBeenCalledTimes(1)
  })
})
