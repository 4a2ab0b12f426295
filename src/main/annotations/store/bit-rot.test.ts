// Bit rot: random single-byte flips in a snapshot and in a journal are either reported (and a
// damaged snapshot recovered from the previous one plus the journals) or change nothing; never
// silently loaded as different notes, times or sequence numbers. Old files without checksums load.

import { join } from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { openAnnotationStore } from './annotation-store'
import { CHECKSUM_FIELD } from './checksum'
import { loadBriefing } from './load'
import type { LoadedBriefing } from './load'
import { CRASH_BRIEFING, nextStep, seededRandom } from '../../../test-support/crash-steps'
import type { CrashView } from '../../../test-support/crash-steps'
import { PowerCutDisk } from '../../../test-support/power-cut-fs'

const USER_DATA = '/bit-rot'
const DIR = join(USER_DATA, 'annotations', CRASH_BRIEFING)
const FLIPS = 400
const NOW = new Date('2026-06-01T08:30:00.000Z')

/** The profile's files after a workload with two compactions: both snapshots and journals. */
let pristine: Map<string, Uint8Array>
let expected: string

const contents = (loaded: LoadedBriefing) => JSON.stringify(loaded.model.contents())

async function workload(disk: PowerCutDisk): Promise<void> {
  const store = await openAnnotationStore(USER_DATA, { fs: disk.mount(), compactEvery: 10_000 })
  let view: CrashView = await store.load(CRASH_BRIEFING)
  const random = seededRandom(77)
  for (let n = 1; n <= 60; n++) {
    const step = nextStep(random, view, 77, n)
    if (step.kind === 'apply') await store.apply(CRASH_BRIEFING, step.change)
    else await store[step.kind](CRASH_BRIEFING)
    if (n === 20 || n === 45) await store.compact(CRASH_BRIEFING)
    view = await store.load(CRASH_BRIEFING)
  }
  await store.close()
}

/** A fresh disk holding the pristine files with `damage` applied. */
function diskWith(damage: (files: Map<string, Uint8Array>) => void): PowerCutDisk {
  const files = new Map([...pristine].map(([path, bytes]) => [path, bytes.slice()]))
  damage(files)
  const disk = new PowerCutDisk([DIR])
  for (const [path, bytes] of files) disk.put(path, bytes)
  return disk
}

function loadWith(damage: (files: Map<string, Uint8Array>) => void): Promise<LoadedBriefing> {
  const options = { mayWrite: true, now: () => NOW, historyLimit: 500 }
  return loadBriefing(diskWith(damage).mount(), DIR, CRASH_BRIEFING, options)
}

interface Tally {
  reported: number
  recovered: number
  harmless: number
  silent: number
}

/** Flips one random byte of `name` FLIPS times and sorts what each load did. */
async function flipTest(name: string, seed: number): Promise<Tally> {
  const random = seededRandom(seed)
  const tally: Tally = { reported: 0, recovered: 0, harmless: 0, silent: 0 }
  for (let i = 0; i < FLIPS; i++) {
    const loaded = await loadWith((files) => {
      const bytes = files.get(join(DIR, name))!
      const at = Math.floor(random() * bytes.length)
      bytes[at] = bytes[at]! ^ (1 + Math.floor(random() * 255))
    })
    const same = contents(loaded) === expected
    if (loaded.warnings.length > 0 || loaded.readOnly !== undefined) {
      tally.reported++
      if (same) tally.recovered++
    } else if (same) tally.harmless++
    else tally.silent++
  }
  return tally
}

beforeAll(async () => {
  const disk = new PowerCutDisk([USER_DATA])
  await workload(disk)
  pristine = new Map(
    disk
      .files()
      .filter((path) => path.startsWith(DIR))
      .map((path) => [path, disk.get(path)!])
  )
  const clean = await loadWith(() => undefined)
  expect(clean.warnings).toEqual([])
  expect(clean.snapshotSeq).toBeGreaterThan(0)
  expected = contents(clean)
})

describe('bit rot in annotation files', () => {
  it('holds both snapshots and journals to damage', () => {
    const names = [...pristine.keys()].map((path) => path.slice(DIR.length + 1)).sort()
    expect(names).toEqual([
      'journal.jsonl',
      'journal.prev.jsonl',
      'snapshot.json',
      'snapshot.prev.json'
    ])
  })

  it(`reports every one of ${FLIPS} byte flips in snapshot.json that changes anything`, async () => {
    const tally = await flipTest('snapshot.json', 1)
    console.info(`snapshot.json flips: ${JSON.stringify(tally)}`)
    expect(tally.silent).toBe(0)
    // A damaged snapshot is rebuilt from the previous one and the journals: nothing is lost.
    expect(tally.recovered).toBe(tally.reported)
    expect(tally.reported).toBeGreaterThan(FLIPS / 2)
  })

  it(`reports every one of ${FLIPS} byte flips in journal.jsonl that changes anything`, async () => {
    const tally = await flipTest('journal.jsonl', 2)
    console.info(`journal.jsonl flips: ${JSON.stringify(tally)}`)
    expect(tally.silent).toBe(0)
    expect(tally.reported).toBeGreaterThan(FLIPS / 2)
  })

  it('reports a changed sequence number in the snapshot instead of dropping changes', async () => {
    const loaded = await loadWith((files) => {
      const path = join(DIR, 'snapshot.json')
      const text = Buffer.from(files.get(path)!).toString('utf8')
      const seq = JSON.parse(text).seq as number
      files.set(path, Buffer.from(text.replace(`"seq": ${seq},`, `"seq": ${seq + 5},`)))
    })
    expect(loaded.warnings).toHaveLength(1)
    expect(loaded.warnings[0]).toMatch(/^snapshot.json was damaged \(checksum mismatch\)/)
    expect(contents(loaded)).toBe(expected)
  })

  it('loads files written before checksums, and sums them at the next compaction', async () => {
    const strip = (value: Record<string, unknown>) => {
      delete value[CHECKSUM_FIELD]
      return value
    }
    const disk = diskWith((files) => {
      for (const [path, bytes] of files) {
        const text = Buffer.from(bytes).toString('utf8')
        const stripped = path.endsWith('.jsonl')
          ? text
              .split('\n')
              .map((line) => (line === '' ? line : JSON.stringify(strip(JSON.parse(line)))))
              .join('\n')
          : JSON.stringify(strip(JSON.parse(text)), null, 1)
        expect(stripped).not.toContain(`"${CHECKSUM_FIELD}"`)
        files.set(path, Buffer.from(stripped))
      }
    })
    const store = await openAnnotationStore(USER_DATA, { fs: disk.mount() })
    const legacy = await store.load(CRASH_BRIEFING)
    expect(legacy.warnings).toEqual([])
    const { highlights, notes, trash } = legacy
    expect(JSON.stringify({ highlights, notes, trash })).toBe(expected)
    expect(await store.compact(CRASH_BRIEFING)).toEqual({ saved: true })
    await store.close()
    const snapshot = JSON.parse(Buffer.from(disk.get(join(DIR, 'snapshot.json'))!).toString())
    expect(snapshot[CHECKSUM_FIELD]).toMatch(/^[0-9a-f]{16}$/)
  })
})
