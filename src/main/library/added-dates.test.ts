// When imported briefings were added: recorded dates survive a reopen and keep the first date;
// a briefing imported before the dates existed takes its file's mtime once, which then stays.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { nodeStoreFs } from '../fs/node-fs'
import { ADDED_FILE, openAddedDates } from './added-dates'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'added-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const day = (d: number) => new Date(Date.UTC(2026, 0, d))

describe('added dates', () => {
  it('records imports, keeps the first date of a briefing and reads them after a reopen', async () => {
    const added = openAddedDates(dir, nodeStoreFs, async () => undefined)
    await added.record(['a', 'b'], day(1))
    await added.record(['b', 'c'], day(2))
    const reopened = openAddedDates(dir, nodeStoreFs, async () => undefined)
    expect(await reopened.of(['a', 'b', 'c', 'unknown'], false)).toEqual(
      new Map([
        ['a', day(1).toISOString()],
        ['b', day(1).toISOString()],
        ['c', day(2).toISOString()]
      ])
    )
  })

  it('takes an older import’s file time once and keeps it when the file changes later', async () => {
    let mtime = day(5)
    const added = openAddedDates(dir, nodeStoreFs, async () => mtime)
    expect((await added.of(['old'], false)).get('old')).toBe(day(5).toISOString())
    mtime = day(9) // the details were edited: the file was written again
    const reopened = openAddedDates(dir, nodeStoreFs, async () => mtime)
    expect((await reopened.of(['old'], false)).get('old')).toBe(day(5).toISOString())
  })

  it('writes nothing for a read-only profile, and starts afresh from a damaged file', async () => {
    const readOnly = openAddedDates(dir, nodeStoreFs, async () => day(3))
    expect((await readOnly.of(['x'], true)).get('x')).toBe(day(3).toISOString())
    await expect(readFile(join(dir, ADDED_FILE))).rejects.toThrow()

    await writeFile(join(dir, ADDED_FILE), '{"added": {"y": "not a date"')
    const damaged = openAddedDates(dir, nodeStoreFs, async () => day(4))
    expect((await damaged.of(['y'], false)).get('y')).toBe(day(4).toISOString())
  })
})
