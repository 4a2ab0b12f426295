// What the index engine reads of the library: at the app's start the files main holds (and not a
// file main skipped), and soon again a file it could not read (locked a moment), without waiting
// for the next sync.

import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterEach, describe, expect, it, vi } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { IndexEngine } from './index-engine'
import type { EngineOptions } from './engine-types'
import { makeIndexProfile, writeBriefing } from '../../test-support/index-profile'

/** A briefing whose two sections hold the word `marker<n>`. */
function briefing(n: number): Briefing {
  return {
    id: `read-${n}`,
    title: `Briefing ${n}`,
    source: 'Test wire',
    published: '2026-01-01',
    tags: [],
    sections: ['a', 'b'].map((id) => ({
      id,
      heading: `Part ${id}`,
      text: `The convoy passed marker${n} at dawn.`,
      tags: [],
      mentions: []
    }))
  }
}

const dirs: string[] = []
const engines: IndexEngine[] = []

function engineOn(imported: Briefing[], extra: Partial<EngineOptions> = {}) {
  const options = makeIndexProfile('index-reads-', imported, dirs)
  const engine = new IndexEngine({ ...options, ...extra })
  engines.push(engine)
  const library = join(options.userDataDir, 'library')
  return { engine, library, datasetDir: options.datasetDir }
}

const total = (engine: IndexEngine, word: string) => engine.search({ query: word, take: 10 }).total

afterEach(async () => {
  vi.useRealTimers()
  for (const engine of engines.splice(0)) await engine.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe("index engine: the first read, given main's files", () => {
  it('holds what main holds: a file main did not load stays out of search', async () => {
    const { engine, library } = engineOn([briefing(1), briefing(2)])
    const info = statSync(join(library, 'read-1.json'))
    // Main loaded read-1 only (read-2 was locked a moment as main read it, say).
    await engine.readLibrary(new Map([['read-1.json', `${info.size}:${info.mtimeMs}`]]))
    expect(total(engine, 'marker1')).toBe(2)
    expect(total(engine, 'marker2')).toBe(0)
    expect(engine.status().pendingBriefings).toBe(0)
  })
})

describe('index engine: a file it could not read', () => {
  it('is read again soon, without another sync, once it can be read', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { engine, library } = engineOn([briefing(1)], { retryUnreadableMs: [1000, 1000] })
    // Reading a folder fails (EISDIR) where a stat succeeds, as a file locked a moment would.
    mkdirSync(join(library, 'read-2.json'))
    await engine.sync()
    expect(total(engine, 'marker1')).toBe(2)
    expect(total(engine, 'marker2')).toBe(0)
    // The first retry finds it still unreadable; the second reads it.
    vi.advanceTimersByTime(1000)
    await engine.whenComplete()
    expect(engine.syncCounts.byDifference).toBe(1)
    expect(total(engine, 'marker2')).toBe(0)
    rmSync(join(library, 'read-2.json'), { recursive: true })
    writeBriefing(join(library, '..'), briefing(2))
    vi.advanceTimersByTime(1000)
    await engine.whenComplete()
    expect(total(engine, 'marker2')).toBe(2)
    // Read as a difference (that one file), not a rescan of the library.
    expect(engine.syncCounts).toEqual({ byDifference: 2, full: 1 })
  })

  it('is tried as often as the delays say, then left to the next sync', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { engine, library } = engineOn([briefing(1)], { retryUnreadableMs: [1000, 1000] })
    mkdirSync(join(library, 'read-2.json'))
    await engine.sync()
    for (let tries = 1; tries <= 2; tries++) {
      vi.advanceTimersByTime(1000)
      await engine.whenComplete()
      expect(engine.syncCounts.byDifference).toBe(tries)
    }
    vi.advanceTimersByTime(3_600_000)
    await engine.whenComplete()
    expect(engine.syncCounts).toEqual({ byDifference: 2, full: 1 })
    // The next sync lists the folder again and finds it.
    rmSync(join(library, 'read-2.json'), { recursive: true })
    writeBriefing(join(library, '..'), briefing(2))
    await engine.sync()
    expect(total(engine, 'marker2')).toBe(2)
  })

  it('is not read again once the engine is closed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { engine, library } = engineOn([briefing(1)], { retryUnreadableMs: [1000] })
    mkdirSync(join(library, 'read-2.json'))
    await engine.sync()
    await engine.close()
    vi.advanceTimersByTime(1000)
    await engine.whenComplete()
    expect(engine.syncCounts).toEqual({ byDifference: 0, full: 1 })
  })

  it('reads again what the latest sync left out, when a sync ran before the read again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { engine, library } = engineOn([briefing(1)], { retryUnreadableMs: [1000, 1000] })
    const folder = (n: number) => join(library, `read-${n}.json`)
    mkdirSync(folder(2))
    await engine.sync()
    // read-2 can be read now, read-3 cannot: a rescan is running as the read again comes due.
    rmSync(folder(2), { recursive: true })
    writeBriefing(join(library, '..'), briefing(2))
    mkdirSync(folder(3))
    const rescan = engine.sync()
    vi.advanceTimersByTime(1000)
    await rescan
    await engine.whenComplete()
    expect(total(engine, 'marker2')).toBe(2)
    // The read again, queued behind the rescan, read read-3 (still unreadable), not read-2.
    rmSync(folder(3), { recursive: true })
    writeBriefing(join(library, '..'), briefing(3))
    vi.advanceTimersByTime(1000)
    await engine.whenComplete()
    expect(total(engine, 'marker3')).toBe(2)
  })
})

describe('index engine: a read of the library that failed', () => {
  it('is tried again in full, without another sync', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { engine, library } = engineOn([briefing(1)], { retryUnreadableMs: [1000] })
    // The folder of imports is a file: listing it fails, and the read leaves the imports out.
    const moved = `${library}.away`
    renameSync(library, moved)
    writeFileSync(library, 'not a folder')
    await engine.sync()
    expect(total(engine, 'marker1')).toBe(0)
    rmSync(library)
    renameSync(moved, library)
    vi.advanceTimersByTime(1000)
    await engine.whenComplete()
    expect(total(engine, 'marker1')).toBe(2)
    expect(engine.syncCounts).toEqual({ byDifference: 0, full: 2 })
  })

  it('is tried again when the sync threw, and then lists the folder', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { engine, library, datasetDir } = engineOn([briefing(1)], { retryUnreadableMs: [1000] })
    const away = `${datasetDir}.away`
    renameSync(datasetDir, away)
    // Main's files name read-1 only; read-2 comes after. The failed read uses main's list up.
    const info = statSync(join(library, 'read-1.json'))
    await expect(
      engine.readLibrary(new Map([['read-1.json', `${info.size}:${info.mtimeMs}`]]))
    ).rejects.toThrow(/does not exist/)
    writeBriefing(join(library, '..'), briefing(2))
    renameSync(away, datasetDir)
    vi.advanceTimersByTime(1000)
    await engine.whenComplete()
    expect(total(engine, 'marker2')).toBe(2)
    expect(total(engine, 'marker1')).toBe(2)
  })
})
