// Crash test: child processes apply changes and are killed with SIGKILL at random moments (mid
// write, mid compaction, mid load); every acknowledged change must then load back, cleanly.

import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bundleChild } from '../../../test-support/bundle-child'

import { openAnnotationStore } from './annotation-store'
import {
  CRASH_BRIEFING,
  comparable,
  seededRandom,
  statesAfter
} from '../../../test-support/crash-steps'
import type { CrashView } from '../../../test-support/crash-steps'
import type { LoadedAnnotations } from './types'

const LANES = 8
const KILLS_PER_LANE = 25
const MAX_KILL_DELAY_MS = 60

let work: string
let child: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'br-crash-'))
  child = bundleChild('crash-child', work)
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

interface Run {
  acks: number
  killedBeforeReady: boolean
}

/** Starts a child, SIGKILLs it after a random delay, and returns how many steps it acked. */
function runAndKill(userData: string, seed: number, random: () => number): Promise<Run> {
  const compactEvery = 2 + Math.floor(random() * 10)
  const proc = spawn(process.execPath, [child, userData, String(seed), String(compactEvery)], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  let ready = false
  let killed = false
  const kill = () => {
    killed = true
    proc.kill('SIGKILL')
  }
  // One run in ten is killed during start-up and load, before it has done anything.
  const early = random() < 0.1
  if (early) setTimeout(kill, random() * 40)
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk
    if (!ready && out.startsWith('ready\n')) {
      ready = true
      if (!early) setTimeout(kill, random() * MAX_KILL_DELAY_MS)
    }
  })
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  return new Promise((resolve, reject) => {
    proc.on('error', reject)
    // 'close', not 'exit': only then has all of the child's stdout been read.
    proc.on('close', (code, signal) => {
      if (!killed || signal !== 'SIGKILL') {
        reject(new Error(`child ${seed} exited (${code ?? signal}) before it was killed:\n${err}`))
        return
      }
      const acks = out.split('\n').filter((line) => line.startsWith('ack ')).length
      resolve({ acks, killedBeforeReady: !ready })
    })
  })
}

async function loadProfile(userData: string): Promise<LoadedAnnotations> {
  const store = await openAnnotationStore(userData)
  try {
    expect(store.readOnly).toBeUndefined() // the dead child's lock is stale
    return await store.load(CRASH_BRIEFING)
  } finally {
    await store.close()
  }
}

interface LaneResult {
  acks: number
  tornTails: number
  midCompaction: number
}

/**
 * Whether the kill interrupted a compaction: it left a temp file (removed here so the next kill
 * is counted afresh; the store never reads them) or snapshot.json renamed away.
 */
async function interruptedCompaction(userData: string): Promise<boolean> {
  const dir = join(userData, 'annotations', CRASH_BRIEFING)
  const files = await readdir(dir).catch(() => [] as string[])
  const temps = files.filter((f) => f.endsWith('.tmp'))
  await Promise.all(temps.map((f) => rm(join(dir, f))))
  return (
    temps.length > 0 || (files.includes('snapshot.prev.json') && !files.includes('snapshot.json'))
  )
}

/** One profile, killed KILLS_PER_LANE times in a row; each run continues from the last. */
async function lane(index: number): Promise<LaneResult> {
  const userData = join(work, `lane-${index}`)
  const random = seededRandom(1000 + index)
  let state: CrashView = { highlights: [], notes: [], trash: [], canUndo: false, canRedo: false }
  const result: LaneResult = { acks: 0, tornTails: 0, midCompaction: 0 }
  for (let kill = 0; kill < KILLS_PER_LANE; kill++) {
    const seed = index * 1000 + kill
    const run = await runAndKill(userData, seed, random)
    const states = statesAfter(state, seed, run.acks + 1)
    if (await interruptedCompaction(userData)) result.midCompaction++
    const loaded = await loadProfile(userData)
    const found = comparable(loaded)
    const context = `lane ${index}, kill ${kill}: ${run.acks} acks`
    // Every acknowledged step is there; the one in flight when killed may be there too.
    expect([states[run.acks], states[run.acks + 1]], context).toContain(found)
    // The only damage a kill may leave is an interrupted last journal line.
    for (const warning of loaded.warnings) {
      expect(warning, context).toMatch(/^journal\.jsonl line \d+: incomplete last line/)
      result.tornTails++
    }
    result.acks += run.acks
    state = { ...loaded, canUndo: false, canRedo: false }
  }
  return result
}

describe('crash safety', () => {
  it(`keeps every acknowledged change across ${LANES * KILLS_PER_LANE} SIGKILLs`, async () => {
    const started = Date.now()
    // allSettled: a failing lane must not leave others running while the folder is removed.
    const settled = await Promise.allSettled(Array.from({ length: LANES }, (_, i) => lane(i)))
    const failed = settled.find((s) => s.status === 'rejected')
    if (failed) throw failed.reason
    const results = settled.map((s) => (s as PromiseFulfilledResult<LaneResult>).value)
    const total = (key: keyof LaneResult) => results.reduce((sum, r) => sum + r[key], 0)
    expect(total('acks')).toBeGreaterThan(LANES * KILLS_PER_LANE)
    console.info(
      `crash test: ${LANES * KILLS_PER_LANE} kills, ${total('acks')} acknowledged steps ` +
        `verified, ${total('midCompaction')} kills mid-compaction, ${total('tornTails')} torn ` +
        `last lines recovered, ${Date.now() - started} ms`
    )
  }, 180_000)
})
