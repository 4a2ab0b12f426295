// Imports survive a crash and a second process (issue #13): child processes import 40 briefings
// and two text files and are killed with SIGKILL at random filesystem calls; at the next start
// each import is whole or absent and no temp file is left. Pairs of processes importing files of
// one title at once keep both, under distinct ids.

import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bundleChild } from '../../test-support/bundle-child'

import type { DatasetFile } from '../../shared/dataset'
import type { ImportReport } from '../../shared/import-requests'
import { bundledDataset } from '../../test-support/import'
import { loadLibrary } from '../library/library-loader'
import { pruneProfileTempFiles } from './profile-temp-files'

const DATASET = fileURLToPath(new URL('../../../resources/dataset', import.meta.url))
const KILLS = 30
const PAIRS = 10
const LANES = 6
const BRIEFINGS = 40

let work: string
let child: string
let inputs: string[]
const expectedIds: string[] = []

/** A dataset file of 40 briefings made from the bundled one (mentions kept valid). */
function bigDataset(): DatasetFile {
  const base = bundledDataset()
  const template = base.briefings[0]!
  const briefings = Array.from({ length: BRIEFINGS }, (_, n) => ({
    ...template,
    id: `crash-briefing-${n + 1}`,
    title: `Crash briefing ${n + 1}`,
    sections: template.sections.map((s, i) =>
      i === 0 ? { ...s, text: `${s.text} (Copy ${n + 1}.)` } : s
    )
  }))
  return { ...base, briefings }
}

const article = (title: string, body: string) =>
  `${title}\n\n${body} The destroyer called at Tokyo; officials in Osaka said so.\n`

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'br-import-crash-'))
  child = bundleChild('import-child', work)
  const data = join(work, 'big.json')
  await writeFile(data, JSON.stringify(bigDataset()))
  await writeFile(join(work, 'harbour.txt'), article('Harbour visit', 'A frigate came.'))
  await writeFile(join(work, 'summit.txt'), article('Summit notes', 'Leaders met.'))
  await writeFile(join(work, 'port-a.txt'), article('Port visit', 'First account.'))
  await writeFile(join(work, 'port-b.txt'), article('Port visit', 'Second account.'))
  inputs = [data, join(work, 'harbour.txt'), join(work, 'summit.txt')]
  expectedIds.push(...bigDataset().briefings.map((b) => b.id), 'harbour-visit', 'summit-notes')
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
  out: string
  err: string
}

function run(args: string[], onReady?: (go: () => void) => void): Promise<Exit> {
  const proc = spawn(process.execPath, [child, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    if (onReady && out.startsWith('ready\n') && !out.slice(6).length) {
      onReady(() => proc.stdin.write('go\n'))
    }
  })
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  // 'close', not 'exit': 'exit' can come before the last of stdout has been read (CI once saw
  // only "ready\n" of a child that had printed its report).
  return new Promise((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, out, err }))
  )
}

function reportOf(exit: Exit): ImportReport {
  const line = exit.out.split('\n').find((l) => l.startsWith('{'))
  if (line === undefined) {
    const how = `code ${exit.code}, signal ${exit.signal}`
    throw new Error(`no report from the import (${how}); stdout: ${JSON.stringify(exit.out)}`)
  }
  return JSON.parse(line) as ImportReport
}

/** Every file under `dir`, relative. */
async function walk(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const found: string[] = []
  for (const entry of entries) {
    const rel = join(prefix, entry.name)
    if (entry.isDirectory()) found.push(rel + '/', ...(await walk(join(dir, entry.name), rel)))
    else found.push(rel)
  }
  return found
}

/** The next start: load the library (which settles imports), prune; what the profile holds. */
async function restart(profile: string) {
  const loaded = await loadLibrary(DATASET, profile)
  await pruneProfileTempFiles(profile)
  const files = await walk(profile)
  const proposals = await readdir(join(profile, 'entity-proposals')).catch(() => [] as string[])
  return { loaded, files, proposals }
}

async function inLanes<T>(count: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (next < count) {
        const i = next++
        results[i] = await task(i)
      }
    })
  )
  return results
}

describe('imports killed mid-way', () => {
  it(`are whole or absent after ${KILLS} SIGKILLs at random points, with no temp file left`, async () => {
    const full = await mkdtemp(join(work, 'full-'))
    const whole = await run(['crash', '0', full, DATASET, ...inputs])
    expect(whole.err).toBe('')
    expect(reportOf(whole).imported).toHaveLength(expectedIds.length)
    const ops = Number(/ops (\d+)/.exec(whole.out)![1])
    expect((await restart(full)).loaded.imported.size).toBe(expectedIds.length)

    let seed = 13
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const points = Array.from({ length: KILLS }, () => 1 + Math.floor(random() * ops))
    const outcomes = await inLanes(KILLS, async (i) => {
      const profile = await mkdtemp(join(work, 'kill-'))
      const exit = await run(['crash', String(points[i]), profile, DATASET, ...inputs])
      const after = await restart(profile)
      const ids = [...after.loaded.imported]
      return { exit, after, ids }
    })
    let kept = 0
    for (const { exit, after, ids } of outcomes) {
      expect(exit.signal ?? exit.err).toBe('SIGKILL')
      expect([0, expectedIds.length]).toContain(ids.length)
      if (ids.length > 0) {
        kept++
        expect(ids.sort()).toEqual([...expectedIds].sort())
        expect(after.proposals.sort()).toEqual(['harbour-visit.json', 'summit-notes.json'])
      } else {
        expect(after.proposals).toEqual([])
      }
      expect(after.loaded.notices).toEqual([])
      const leftovers = after.files.filter(
        (f) => f.endsWith('.tmp') || f.endsWith('.claim') || f.startsWith('import-staging/')
      )
      expect(leftovers.filter((f) => f !== 'import-staging/')).toEqual([])
    }
    console.log(
      `import crash: ${KILLS} kills over ${ops} fs calls, ${kept} whole, ${KILLS - kept} absent, 0 partial`
    )
  }, 120_000)
})

describe('two imports at once', () => {
  it(`keep both briefings of one title under distinct ids (${PAIRS} pairs)`, async () => {
    const pairs = await inLanes(PAIRS, async () => {
      const profile = await mkdtemp(join(work, 'pair-'))
      let ready = 0
      const gos: (() => void)[] = []
      const start = (go: () => void) => {
        gos.push(go)
        if (++ready === 2) for (const g of gos) g()
      }
      const files = [join(work, 'port-a.txt'), join(work, 'port-b.txt')]
      const exits = await Promise.all(
        files.map((file) => run(['race', '0', profile, DATASET, file], start))
      )
      return { exits, after: await restart(profile), profile }
    })
    for (const { exits, after, profile } of pairs) {
      for (const exit of exits) expect(exit.err).toBe('')
      const reported = exits.flatMap((e) => reportOf(e).imported.map((i) => i.briefingId))
      expect(reported).toHaveLength(2)
      expect(new Set(reported).size).toBe(2)
      expect([...after.loaded.imported].sort()).toEqual([...reported].sort())
      const texts = await Promise.all(
        reported.map((id) => readFile(join(profile, 'library', `${id}.json`), 'utf8'))
      )
      expect(texts.some((t) => t.includes('First account.'))).toBe(true)
      expect(texts.some((t) => t.includes('Second account.'))).toBe(true)
    }
  }, 120_000)
})
