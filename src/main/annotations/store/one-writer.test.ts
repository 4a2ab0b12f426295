// One writer per profile, across processes: pairs of processes start at the same moment on one
// profile (with and without a stale lock left behind); every change either acknowledges is on disk.

import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bundleChild } from '../../../test-support/bundle-child'

import { openAnnotationStore } from './annotation-store'
import { PROFILE_LOCK_DIR } from '../../fs/profile-lock'
import { CRASH_BRIEFING } from '../../../test-support/crash-steps'

const PAIRS = 100
const CHANGES = 20
/** Pairs run at once (each pair shares a start moment; pairs do not share profiles). */
const BATCH = 10
const TAKERS = 4
const RACES = 20

let work: string
let child: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'br-one-writer-'))
  child = bundleChild('writer-child', work)
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

interface Child {
  lines: Promise<string[]>
  /** Closes its stdin (a lock child then releases and exits). */
  finish(): void
  /** Resolves with the first line it prints. */
  first: Promise<string>
}

function start(args: string[]): Child {
  const proc = spawn(process.execPath, [child, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  let firstLine: (line: string) => void = () => undefined
  const first = new Promise<string>((resolve) => (firstLine = resolve))
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk
    if (out.includes('\n')) firstLine(out.slice(0, out.indexOf('\n')))
  })
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const lines = new Promise<string[]>((resolve, reject) => {
    proc.on('error', reject)
    proc.on('close', (code) => {
      if (code !== 0) reject(new Error(`writer child ${args.join(' ')} exited ${code}:\n${err}`))
      else resolve(out.split('\n').filter((line) => line !== ''))
    })
  })
  return { lines, first, finish: () => proc.stdin.end() }
}

/** Leaves a claim behind as a process that died would, old enough to be past any grace. */
async function staleClaim(userData: string, kind: 'dead' | 'unreadable'): Promise<void> {
  const dir = join(userData, PROFILE_LOCK_DIR)
  await mkdir(dir, { recursive: true })
  const dead = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => dead.on('exit', resolve))
  const claim = { pid: dead.pid, host: hostname(), app: 'Briefing Reader', since: '', started: '' }
  const path = join(dir, '1.json')
  await writeFile(path, kind === 'dead' ? JSON.stringify(claim) : '')
  const old = new Date(Date.now() - 60_000)
  await utimes(path, old, old)
}

interface PairResult {
  acked: number
  onDisk: number
  lost: number
  bothWrote: boolean
  readOnly: number
}

async function pair(index: number, stale: 'none' | 'dead' | 'unreadable'): Promise<PairResult> {
  const userData = join(work, `${stale}-${index}`)
  await mkdir(userData, { recursive: true })
  if (stale !== 'none') await staleClaim(userData, stale)
  const startAt = String(Date.now() + 500)
  const children = ['a', 'b'].map((name) =>
    start(['write', userData, `${index}${name}`, startAt, String(CHANGES)])
  )
  const outputs = await Promise.all(children.map((c) => c.lines))
  const acked = outputs.flatMap((lines) =>
    lines.filter((l) => l.startsWith('ack ')).map((l) => l.slice(4))
  )
  const readOnly = outputs.filter((lines) => lines[0]?.startsWith('readonly ')).length
  const store = await openAnnotationStore(userData, { readOnly: 'checking' })
  const ids = new Set((await store.load(CRASH_BRIEFING)).highlights.map((h) => h.id))
  await store.close()
  const lost = acked.filter((id) => !ids.has(id)).length
  const wrote = outputs.filter((lines) => lines.some((l) => l.startsWith('ack '))).length
  return { acked: acked.length, onDisk: ids.size, lost, bothWrote: wrote === 2, readOnly }
}

async function pairs(stale: 'none' | 'dead' | 'unreadable', count: number, offset: number) {
  const results: PairResult[] = []
  for (let i = 0; i < count; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - i) }, (_, j) =>
      pair(offset + i + j, stale)
    )
    results.push(...(await Promise.all(batch)))
  }
  return results
}

describe('one writer per profile', () => {
  it(`${PAIRS} pairs of processes starting together, and ${PAIRS} more with a stale lock: 0 acknowledged changes lost`, async () => {
    const started = Date.now()
    const fresh = await pairs('none', PAIRS, 0)
    const staleDead = await pairs('dead', PAIRS / 2, PAIRS)
    const staleUnreadable = await pairs('unreadable', PAIRS / 2, PAIRS * 2)
    const report = (name: string, results: PairResult[]) => {
      const sum = (key: 'acked' | 'onDisk' | 'lost' | 'readOnly') =>
        results.reduce((total, r) => total + r[key], 0)
      const both = results.filter((r) => r.bothWrote).length
      console.info(
        `one writer, ${name}: ${results.length} pairs, ${sum('readOnly')} opened read-only, ` +
          `${both} pairs where both wrote (one after the other), ${sum('acked')} acknowledged ` +
          `changes, ${sum('onDisk')} on disk, ${sum('lost')} lost`
      )
      return sum('lost')
    }
    const lost =
      report('no lock before', fresh) +
      report('stale lock (dead pid) before', staleDead) +
      report('stale lock (old, unreadable) before', staleUnreadable)
    console.info(`one writer: ${Date.now() - started} ms`)
    expect(lost).toBe(0)
    for (const result of [...fresh, ...staleDead, ...staleUnreadable]) {
      // A reader never writes; whoever wrote acknowledged every change it made.
      expect(result.acked).toBe(CHANGES * (result.bothWrote ? 2 : 1))
      expect(result.onDisk).toBe(result.acked)
    }
  }, 120_000)

  it(`${TAKERS} processes taking over one stale lock at once: exactly one holds it (×${RACES})`, async () => {
    let holders = 0
    const race = async (race: number) => {
      const userData = join(work, `race-${race}`)
      await staleClaim(userData, race % 2 === 0 ? 'dead' : 'unreadable')
      const startAt = String(Date.now() + 500)
      const takers = Array.from({ length: TAKERS }, (_, i) =>
        start(['lock', userData, `taker ${i}`, startAt])
      )
      const results = await Promise.all(takers.map((t) => t.first))
      for (const taker of takers) taker.finish()
      await Promise.all(takers.map((t) => t.lines))
      expect(results.filter((r) => r === 'held')).toHaveLength(1)
      expect(results.filter((r) => r === 'other')).toHaveLength(TAKERS - 1)
      holders++
    }
    // Four races at a time, each on its own profile.
    for (let i = 0; i < RACES; i += 4) await Promise.all([0, 1, 2, 3].map((j) => race(i + j)))
    console.info(
      `one writer: ${RACES} races of ${TAKERS} takers, ${holders} with exactly one holder`
    )
  }, 60_000)
})
