// The advisory folder lock: held while open, read-only beside a live holder, stale ones taken over.

import { spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { openAnnotationStore } from './annotation-store'
import { isRunning } from './lock'
import { BRIEFING, FaultyFs, highlight, tempUserData } from '../../../test-support/annotation-store'
import type { AnnotationStore } from './types'

let userData: string
let lockPath: string
let cleanup: () => Promise<void>
const open: AnnotationStore[] = []

async function openStore(fs?: FaultyFs) {
  const store = await openAnnotationStore(userData, { fs })
  open.push(store)
  return store
}

/** Runs a child process that stays alive until killed; returns its pid and a stopper. */
function liveProcess(): { pid: number; stop: () => void } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') }
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.on('exit', resolve))
  return child.pid!
}

beforeEach(async () => {
  ;({ dir: userData, cleanup } = await tempUserData())
  lockPath = join(userData, 'annotations', '.lock')
})
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()))
  await cleanup()
})

describe('annotations folder lock', () => {
  it('holds .lock with its pid while open and removes it on close', async () => {
    const store = await openStore()
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`)
    await store.close()
    await expect(readFile(lockPath)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('opens a second store on the same folder read-only until the first closes', async () => {
    const first = await openStore()
    const second = await openStore()
    expect(first.readOnly).toBeUndefined()
    expect(second.readOnly).toMatch(/Another Briefing Reader process .* read-only/)
    expect((await second.load(BRIEFING)).readOnly).toBe(second.readOnly)
    await expect(
      second.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h1') })
    ).rejects.toMatchObject({ code: 'read-only' })
    await first.close()
    const third = await openStore()
    expect(third.readOnly).toBeUndefined()
  })

  it('opens read-only while another live process holds the lock', async () => {
    const other = liveProcess()
    try {
      await mkdir(join(userData, 'annotations'), { recursive: true })
      await writeFile(lockPath, `${other.pid}\n`)
      const store = await openStore()
      expect(store.readOnly).toContain(`pid ${other.pid}`)
      expect(await readFile(lockPath, 'utf8')).toBe(`${other.pid}\n`)
    } finally {
      other.stop()
    }
  })

  it('takes over a stale lock whose process is gone, or an unreadable one', async () => {
    await mkdir(join(userData, 'annotations'), { recursive: true })
    for (const content of [`${await deadPid()}\n`, '', 'garbage']) {
      await writeFile(lockPath, content)
      const store = await openStore()
      expect(store.readOnly).toBeUndefined()
      expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`)
      await store.close()
    }
  })

  it('works unlocked if the lock cannot be made, and takes it before the next write', async () => {
    const fs = new FaultyFs()
    fs.failWith('EACCES', ['open'], '.lock')
    const store = await openStore(fs)
    expect(store.readOnly).toBeUndefined()
    expect(store.warnings).toEqual([
      expect.stringMatching(/^Could not lock the annotations folder: EACCES/)
    ])
    const failed = await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight('h1') })
    expect(failed).toMatchObject({ saved: false, error: expect.stringMatching(/EACCES/) })
    fs.heal()
    expect(await store.retryPending()).toEqual({ pending: 0 })
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`)
  })

  it('isRunning tells live from dead processes', async () => {
    expect(isRunning(process.pid)).toBe(true)
    expect(isRunning(await deadPid())).toBe(false)
  })
})
