// Power-loss test: the store runs on a disk that, at a cut, keeps only what was fsync'd (file data
// and folder entries); every change acknowledged before the cut must load back after it.

import { describe, expect, it } from 'vitest'

import { openAnnotationStore } from './annotation-store'
import type { AnnotationStore } from './types'
import {
  CRASH_BRIEFING,
  comparable,
  nextStep,
  seededRandom,
  statesAfter
} from '../../../test-support/crash-steps'
import type { CrashView } from '../../../test-support/crash-steps'
import { PowerCutDisk } from '../../../test-support/power-cut-fs'
import type { CutMode } from '../../../test-support/power-cut-fs'

const LANES = 25
const CUTS_PER_LANE = 10
/** Filesystem calls before a cut: enough for a few compactions at the small thresholds used. */
const MAX_CALLS_BEFORE_CUT = 150

/** Runs the seeded workload until the power goes; returns how many steps were acknowledged. */
async function runUntilCut(store: AnnotationStore, disk: PowerCutDisk, seed: number) {
  let acks = 0
  try {
    let view: CrashView = await store.load(CRASH_BRIEFING)
    const random = seededRandom(seed)
    for (let n = 1; !disk.isOff; n++) {
      const step = nextStep(random, view, seed, n)
      const result =
        step.kind === 'apply'
          ? await store.apply(CRASH_BRIEFING, step.change)
          : await store[step.kind](CRASH_BRIEFING)
      if (!result?.saved) break
      acks = n
      view = await store.load(CRASH_BRIEFING)
    }
  } catch {
    // The power went during the load (the briefing opened read-only): nothing was acknowledged.
  }
  return acks
}

interface LaneResult {
  acks: number
  cuts: number
  inFlightKept: number
  tornTails: number
}

async function lane(index: number): Promise<LaneResult> {
  // One path per lane: the store's in-process lock registry is keyed by path.
  const userData = `/profile-${index}`
  const disk = new PowerCutDisk([userData])
  const random = seededRandom(5000 + index)
  let state: CrashView = { highlights: [], notes: [], trash: [], canUndo: false, canRedo: false }
  const result: LaneResult = { acks: 0, cuts: 0, inFlightKept: 0, tornTails: 0 }
  for (let cut = 0; cut < CUTS_PER_LANE; cut++) {
    const seed = index * 1000 + cut
    const mode: CutMode = cut % 2 === 0 ? 'discard' : 'tear'
    const fs = disk.mount()
    const store = await openAnnotationStore(userData, {
      fs,
      compactEvery: 2 + Math.floor(random() * 10)
    })
    expect(store.readOnly).toBeUndefined()
    disk.cutBefore(1 + Math.floor(random() * MAX_CALLS_BEFORE_CUT), mode, random)
    const acks = await runUntilCut(store, disk, seed)
    expect(disk.isOff, `lane ${index}, cut ${cut}: the power never went`).toBe(true)
    await store.close() // every call fails: the machine is off
    result.cuts++

    const after = await openAnnotationStore(userData, { fs: disk.mount() })
    expect(after.readOnly).toBeUndefined()
    const loaded = await after.load(CRASH_BRIEFING)
    await after.close()
    const states = statesAfter(state, seed, acks + 1)
    const found = comparable(loaded)
    const context = `lane ${index}, cut ${cut} (${mode}): ${acks} acks`
    // Every acknowledged step is there; the one in flight at the cut may be there too.
    expect([states[acks], states[acks + 1]], context).toContain(found)
    if (found === states[acks + 1] && found !== states[acks]) result.inFlightKept++
    for (const warning of loaded.warnings) {
      expect(warning, context).toMatch(/^journal\.jsonl line \d+: incomplete last line/)
      result.tornTails++
    }
    result.acks += acks
    state = { ...loaded, canUndo: false, canRedo: false }
  }
  return result
}

describe('power loss', () => {
  it(`keeps every acknowledged change across ${LANES * CUTS_PER_LANE} power cuts`, async () => {
    const started = Date.now()
    const cpu = process.cpuUsage()
    const results = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)))
    const total = (key: keyof LaneResult) => results.reduce((sum, r) => sum + r[key], 0)
    expect(total('cuts')).toBe(LANES * CUTS_PER_LANE)
    expect(total('acks')).toBeGreaterThan(LANES * CUTS_PER_LANE)
    console.info(
      `power-cut test: ${total('cuts')} cuts, ${total('acks')} acknowledged steps verified ` +
        `(0 lost), ${total('inFlightKept')} in-flight steps kept, ${total('tornTails')} torn ` +
        `last lines recovered, ${Date.now() - started} ms (${Math.round(process.cpuUsage(cpu).user / 1000)} ms CPU)`
    )
  }, 60_000)
})
