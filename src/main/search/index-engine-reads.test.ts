// What the index engine reads of the library: at the app's start the files main holds (and not a
// file main skipped), and soon again a file it could not read (locked a moment), without waiting
// for the next sync.

import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

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
  const file = (n: number) => join(library, `read-${n}.json`)
  return {
    engine,
    library,
    ...options,
    /** Briefing n's file as main stat-ed it: its name and stamp. */
    stamped: (n: number): [string, string] => {
      const info = statSync(file(n))
      return [`read-${n}.json`, `${info.size}:${info.mtimeMs}`]
    },
    /** Briefing n's file made unreadable: reading a folder fails (EISDIR) where a stat succeeds. */
    locked: (n: number) => mkdirSync(file(n)),
    /** Briefing n's file readable, with its briefing, in place of the folder. */
    unlocked: (n: number) => {
      rmSync(file(n), { recursive: true })
      writeBriefing(options.userDataDir, briefing(n))
    }
  }
}

const total = (engine: IndexEngine, word: string) => engine.search({ query: word, take: 10 }).total

/** The retry delays' time passed, and what they queued done. */
async function afterDelay(engine: IndexEngine, ms: number): Promise<void> {
  vi.advanceTimersByTime(ms)
  await engine.whenComplete()
}

afterEach(async () => {
  vi.useRealTimers()
  for (const engine of engines.splice(0)) await engine.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe("index engine: the first read, given main's files", () => {
  it('holds what main holds: a file main did not load stays out of search', async () => {
    const { engine, stamped } = engineOn([briefing(1), briefing(2)])
    // Main loaded read-1 only (read-2 was locked a moment as main read it, say).
    await engine.readLibrary(new Map([stamped(1)]))
    expect(total(engine, 'marker1')).toBe(2)
    expect(total(engine, 'marker2')).toBe(0)
    expect(engine.status().pendingBriefings).toBe(0)
  })
})

describe('index engine: a file it could not read', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }))

  it('is read again soon, without another sync, once it can be read', async () => {
    const { engine, locked, unlocked } = engineOn([briefing(1)], {
      retryUnreadableMs: [1000, 1000]
    })
    locked(2)
    await engine.sync()
    expect(total(engine, 'marker1')).toBe(2)
    expect(total(engine, 'marker2')).toBe(0)
    // The first retry finds it still unreadable; the second reads it.
    await afterDelay(engine, 1000)
    expect(engine.syncCounts.byDifference).toBe(1)
    expect(total(engine, 'marker2')).toBe(0)
    unlocked(2)
    await afterDelay(engine, 1000)
    expect(total(engine, 'marker2')).toBe(2)
    // Read as a difference (that one file), not a rescan of the library.
    expect(engine.syncCounts).toEqual({ byDifference: 2, full: 1 })
  })

  it('is tried as often as the delays say, then left to the next sync', async () => {
    const { engine, locked, unlocked } = engineOn([briefing(1)], {
      retryUnreadableMs: [1000, 1000]
    })
    locked(2)
    await engine.sync()
    for (let tries = 1; tries <= 2; tries++) {
      await afterDelay(engine, 1000)
      expect(engine.syncCounts.byDifference).toBe(tries)
    }
    await afterDelay(engine, 3_600_000)
    expect(engine.syncCounts).toEqual({ byDifference: 2, full: 1 })
    // The next sync lists the folder again and finds it.
    unlocked(2)
    await engine.sync()
    expect(total(engine, 'marker2')).toBe(2)
  })

  it('is not read again once the engine is closed', async () => {
    const { engine, locked } = engineOn([briefing(1)], { retryUnreadableMs: [1000] })
    locked(2)
    await engine.sync()
    await engine.close()
    await afterDelay(engine, 1000)
    expect(engine.syncCounts).toEqual({ byDifference: 0, full: 1 })
  })

  it('reads again what the latest sync left out, when a sync ran before the read again', async () => {
    const { engine, locked, unlocked } = engineOn([briefing(1)], {
      retryUnreadableMs: [1000, 1000]
    })
    locked(2)
    await engine.sync()
    // read-2 can be read now, read-3 cannot: a rescan is running as the read again comes due.
    unlocked(2)
    locked(3)
    const rescan = engine.sync()
    vi.advanceTimersByTime(1000)
    await rescan
    await engine.whenComplete()
    expect(total(engine, 'marker2')).toBe(2)
    // The read again, queued behind the rescan, read read-3 (still unreadable), not read-2.
    unlocked(3)
    await afterDelay(engine, 1000)
    expect(total(engine, 'marker3')).toBe(2)
  })
})

describe('index engine: a read of the library that failed', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }))

  it('is tried again in full, without another sync', async () => {
    const { engine, library } = engineOn([briefing(1)], { retryUnreadableMs: [1000] })
    // The folder of imports is a file: listing it fails, and the read leaves the imports out.
    const moved = `${library}.away`
    renameSync(library, moved)
    writeFileSync(library, 'not a folder')
    await engine.sync()
    expect(total(engine, 'marker1')).toBe(0)
    rmSync(library)
    renameSync(moved, library)
    await afterDelay(engine, 1000)
    expect(total(engine, 'marker1')).toBe(2)
    expect(engine.syncCounts).toEqual({ byDifference: 0, full: 2 })
  })

  it('is tried again when the sync threw, and then lists the folder', async () => {
    const { engine, datasetDir, userDataDir, stamped } = engineOn([briefing(1)], {
      retryUnreadableMs: [1000]
    })
    const away = `${datasetDir}.away`
    renameSync(datasetDir, away)
    // Main's files name read-1 only; read-2 comes after. The failed read uses main's list up.
    await expect(engine.readLibrary(new Map([stamped(1)]))).rejects.toThrow(/does not exist/)
    writeBriefing(userDataDir, briefing(2))
    renameSync(away, datasetDir)
    await afterDelay(engine, 1000)
    expect(total(engine, 'marker2')).toBe(2)
    expect(total(engine, 'marker1')).toBe(2)
  })
})
