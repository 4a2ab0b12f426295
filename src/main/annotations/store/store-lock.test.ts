// The store and the profile's writer lock: held while open, read-only beside a live holder,
// stale claims taken over, and a lock that cannot be made retried before the next write.

import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'

import { beforeEach, describe, expect, it } from 'vitest'

import { deadPid, liveProcess } from '../../../test-support/processes'
import { nodeLockFs, PROFILE_LOCK_DIR, ProfileLock } from '../../fs/profile-lock'
import type { LockClaim, LockFs } from '../../fs/profile-lock'
import { isRunning } from '../../fs/process-identity'
import { BRIEFING, fsError, highlight } from '../../../test-support/annotation-store'
import { useStoreFolder } from '../../../test-support/store-folder'

const folder = useStoreFolder()
const { openStore } = folder
let lockDir: string

/** The newest claim in the lock folder. */
async function newestClaim(): Promise<LockClaim> {
  const numbers = (await readdir(lockDir))
    .filter((name) => /^\d+\.json$/.test(name))
    .map((name) => Number.parseInt(name, 10))
  const newest = Math.max(...numbers)
  return JSON.parse(await readFile(join(lockDir, `${newest}.json`), 'utf8')) as LockClaim
}

/** A claim by `pid` on this host, as another copy of the app would write it. */
function claimOf(pid: number): string {
  return JSON.stringify({
    pid,
    host: hostname(),
    app: 'Briefing Reader',
    since: new Date().toISOString(),
    started: new Date().toISOString()
  })
}

beforeEach(() => {
  lockDir = join(folder.dir(), PROFILE_LOCK_DIR)
})

describe('the store and the profile lock', () => {
  it('holds a claim with its pid while open and releases it on close', async () => {
    const store = await openStore()
    expect(await newestClaim()).toMatchObject({ pid: process.pid, app: 'Briefing Reader' })
    expect((await newestClaim()).released).toBeUndefined()
    await store.close()
    expect(await newestClaim()).toMatchObject({ pid: process.pid, released: true })
  })

  it('opens a second store on the same profile read-only until the first closes', async () => {
    const first = await openStore()
    const second = await openStore()
    expect(first.readOnly).toBeUndefined()
    expect(second.readOnly).toMatch(/in use by Briefing Reader \(pid \d+\) since/)
    expect((await second.load(BRIEFING)).readOnly).toBe(second.readOnly)
    await expect(
      second.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h1') })
    ).rejects.toMatchObject({ code: 'read-only' })
    await first.close()
    const third = await openStore()
    expect(third.readOnly).toBeUndefined()
  })

  it('opens read-only while another live process holds the lock, and leaves its claim', async () => {
    const other = liveProcess()
    try {
      await mkdir(lockDir, { recursive: true })
      const claim = claimOf(other.pid)
      await writeFile(join(lockDir, '1.json'), claim)
      const store = await openStore()
      expect(store.readOnly).toContain(`pid ${other.pid}`)
      expect(await readdir(lockDir)).toEqual(['1.json'])
    } finally {
      other.stop()
    }
  })

  it('takes over a stale claim: its process is gone, or it is old and unreadable', async () => {
    await mkdir(lockDir, { recursive: true })
    const dead = claimOf(await deadPid())
    let number = 1
    for (const content of [dead, '', 'garbage']) {
      const path = join(lockDir, `${number}.json`)
      await writeFile(path, content)
      const old = new Date(Date.now() - 60_000)
      await utimes(path, old, old)
      const store = await openStore()
      expect(store.readOnly).toBeUndefined()
      expect(await newestClaim()).toMatchObject({ pid: process.pid })
      await store.close()
      number += 3 // past the claim taken and the "released" one
    }
  })

  it('opens read-only for reading without touching the lock', async () => {
    const store = await openStore({ readOnly: 'opened for reading' })
    expect(store.readOnly).toBe('opened for reading')
    await expect(readdir(lockDir)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('works unlocked if the lock cannot be made, and takes it before the next write', async () => {
    let failing = true
    const fs: LockFs = {
      ...nodeLockFs,
      writeNew: async (path, data) => {
        if (failing) throw fsError('EACCES', `open '${path}'`)
        await nodeLockFs.writeNew(path, data)
      }
    }
    const lock = new ProfileLock(folder.dir(), 'Briefing Reader', fs)
    const store = await openStore({ lock })
    expect(store.readOnly).toBeUndefined()
    expect(store.warnings).toEqual([
      expect.stringMatching(/^Could not lock the profile for writing: EACCES/)
    ])
    const failed = await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h1') })
    expect(failed).toMatchObject({ saved: false, error: expect.stringMatching(/EACCES/) })
    failing = false
    expect(await store.retryPending()).toEqual({ pending: 0 })
    expect(lock.isHeld).toBe(true)
    expect(await newestClaim()).toMatchObject({ pid: process.pid })
    await lock.release()
  })

  it('never cuts journal lines another process appended: it turns read-only and keeps them', async () => {
    const store = await openStore()
    expect(
      await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h1') })
    ).toMatchObject({ saved: true })
    const journal = join(folder.dir(), 'annotations', BRIEFING, 'journal.jsonl')
    const theirs = (await readFile(journal, 'utf8'))
      .replace('"seq":1', '"seq":2')
      .replace(/h1/g, 'h9')
    await writeFile(journal, theirs, { flag: 'a' })
    const result = await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h2') })
    expect(result).toMatchObject({
      saved: false,
      error: expect.stringMatching(/changed on disk by another program/)
    })
    expect(await readFile(journal, 'utf8')).toContain(theirs)
    await expect(
      store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h3') })
    ).rejects.toMatchObject({ code: 'read-only' })
  })

  it('isRunning tells live from dead processes', async () => {
    expect(isRunning(process.pid)).toBe(true)
    expect(isRunning(await deadPid())).toBe(false)
  })
})
