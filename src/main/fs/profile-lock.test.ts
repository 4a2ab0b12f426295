// The profile lock on its own: a live holder is never stolen from, a stale claim is taken over,
// a fresh claim still being written is left alone, and of two takers exactly one wins.

import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { deadPid, liveProcess } from '../../test-support/processes'
import { PROFILE_LOCK_DIR, ProfileLock } from './profile-lock'
import { currentProcess } from './process-identity'

let profile: string
let lockDir: string
const held: ProfileLock[] = []

function lock(app = 'Briefing Reader'): ProfileLock {
  const made = new ProfileLock(profile, app)
  held.push(made)
  return made
}

async function claim(number: number, content: object | string, ageMs = 0): Promise<string> {
  await mkdir(lockDir, { recursive: true })
  const path = join(lockDir, `${number}.json`)
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content))
  const at = new Date(Date.now() - ageMs)
  await utimes(path, at, at)
  return path
}

function claimBy(pid: number, extra: object = {}) {
  return {
    pid,
    host: hostname(),
    app: 'Briefing Reader',
    since: '2026-12-03T09:00:00.000Z',
    ...extra
  }
}

beforeEach(async () => {
  profile = await mkdtemp(join(tmpdir(), 'br-lock-'))
  lockDir = join(profile, PROFILE_LOCK_DIR)
})
afterEach(async () => {
  await Promise.all(held.splice(0).map((l) => l.release()))
  await rm(profile, { recursive: true, force: true })
})

describe('profile lock', () => {
  it('is taken on a new profile, refused to a second holder, and free again once released', async () => {
    const first = lock('the command line (import)')
    expect(await first.acquire()).toEqual({ kind: 'held' })
    const second = await lock().acquire()
    expect(second).toMatchObject({ kind: 'other', owner: { pid: process.pid } })
    expect(second.kind === 'other' && second.reason).toMatch(
      /^This profile is in use by the command line \(import\) \(pid \d+\) since .*\. If it is not running, delete /
    )
    await first.release()
    expect(await lock().acquire()).toEqual({ kind: 'held' })
  })

  it('never takes a claim whose process is alive, however old, and never touches it', async () => {
    const other = liveProcess()
    try {
      const path = await claim(1, claimBy(other.pid), 3_600_000)
      const before = await readFile(path, 'utf8')
      const attempt = await lock().acquire()
      expect(attempt).toMatchObject({ kind: 'other', owner: { pid: other.pid } })
      expect(await readdir(lockDir)).toEqual(['1.json'])
      expect(await readFile(path, 'utf8')).toBe(before)
    } finally {
      other.stop()
    }
  })

  it('never takes a claim made on another computer (its process cannot be checked)', async () => {
    await claim(1, claimBy(await deadPid(), { host: `not-${hostname()}` }), 3_600_000)
    const attempt = await lock().acquire()
    expect(attempt.kind === 'other' && attempt.reason).toContain(`on not-${hostname()}`)
  })

  it('takes over a claim whose process is gone, keeping the previous claim', async () => {
    await claim(4, claimBy(await deadPid()))
    expect(await lock().acquire()).toEqual({ kind: 'held' })
    expect((await readdir(lockDir)).sort()).toEqual(['4.json', '5.json'])
    expect(JSON.parse(await readFile(join(lockDir, '5.json'), 'utf8'))).toMatchObject({
      pid: process.pid
    })
  })

  it.runIf(process.platform === 'linux')(
    'takes over a claim whose pid now belongs to another process (Linux: other start tick or boot)',
    async () => {
      const other = liveProcess()
      try {
        const me = currentProcess()
        await claim(1, claimBy(other.pid, { bootId: me.bootId, startTicks: '1' }))
        expect(await lock().acquire()).toEqual({ kind: 'held' })
        await held.pop()!.release()
        await claim(9, claimBy(other.pid, { bootId: 'another-boot', startTicks: '1' }))
        expect(await lock().acquire()).toEqual({ kind: 'held' })
      } finally {
        other.stop()
      }
    }
  )

  it('leaves an empty or unreadable claim alone while it is younger than the grace period', async () => {
    const path = await claim(1, '')
    const attempt = await lock().acquire()
    expect(attempt).toMatchObject({ kind: 'other', reason: expect.stringMatching(/taking/) })
    expect(await readdir(lockDir)).toEqual(['1.json'])
    expect(await readFile(path, 'utf8')).toBe('')
  })

  it('takes over an empty or unreadable claim older than the grace period', async () => {
    await claim(1, '{"pid":', 60_000)
    expect(await lock().acquire()).toEqual({ kind: 'held' })
  })

  it('of many takers of one stale claim at once, exactly one holds it', async () => {
    await claim(1, claimBy(await deadPid()))
    // Here the takers race only through timing; one-writer.test.ts races separate processes.
    const results = await Promise.all(Array.from({ length: 8 }, () => lock().acquire()))
    expect(results.filter((r) => r.kind === 'held')).toHaveLength(1)
    expect(results.filter((r) => r.kind === 'other')).toHaveLength(7)
  })

  it('release writes a newer "released" claim and cleans older ones', async () => {
    const taken = lock()
    await taken.acquire()
    await taken.release()
    await taken.release() // twice is harmless
    const names = (await readdir(lockDir)).sort()
    expect(names).toEqual(['1.json', '2.json'])
    expect(JSON.parse(await readFile(join(lockDir, '2.json'), 'utf8'))).toMatchObject({
      released: true
    })
    expect(await lock().acquire()).toEqual({ kind: 'held' })
    expect((await readdir(lockDir)).sort()).toEqual(['2.json', '3.json'])
  })
})
