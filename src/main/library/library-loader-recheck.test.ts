// How the loader tells a file changed: the index process's first read does not stat main's files
// and takes main's checks of a file only if, once read, it is still as main read it (a file
// rewritten since is checked again); a file that cannot be stat-ed is read at every scan.

import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import type * as Fs from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, beforeEach, expect, it, vi } from 'vitest'

import { minimal } from '../../test-support/dataset'
import { LIBRARY_DIR, type ParsedFiles, loadLibrary } from './library-loader'

const DATASET = fileURLToPath(new URL('../../../resources/dataset', import.meta.url))

/** Runs once as the loader opens the file named here, before it reads it. */
const beforeOpen = vi.hoisted(() => ({ name: '\0', run: () => undefined as void }))
/** A file named here cannot be stat-ed by path (as without permission on its folder's entry). */
const noStat = vi.hoisted(() => ({ name: '\0', calls: [] as string[] }))
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof Fs>()
  const openSync = ((path: Fs.PathLike, ...rest: unknown[]) => {
    if (String(path).endsWith(beforeOpen.name)) {
      beforeOpen.name = '\0'
      beforeOpen.run()
    }
    return (fs.openSync as (...args: unknown[]) => number)(path, ...rest)
  }) as typeof fs.openSync
  const statSync = ((path: Fs.PathLike, ...rest: unknown[]) => {
    noStat.calls.push(String(path))
    if (String(path).endsWith(noStat.name))
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' })
    return (fs.statSync as (...args: unknown[]) => unknown)(path, ...rest)
  }) as typeof fs.statSync
  const mocked = { ...fs, openSync, statSync }
  return { ...mocked, default: mocked }
})

let profile: string
beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'loader-recheck-'))
  mkdirSync(join(profile, LIBRARY_DIR))
})
afterEach(() => {
  noStat.name = '\0'
  noStat.calls = []
  rmSync(profile, { recursive: true, force: true })
})

/** A dataset file of one briefing `id`, its entities renamed (the bundled dataset has its own). */
function briefing(id: string): string {
  const dataset = minimal()
  dataset.briefings[0]!.id = id
  for (const mention of dataset.briefings[0]!.sections[0]!.mentions) {
    mention.entity = `test-${mention.entity}`
  }
  dataset.entities = dataset.entities.map((e) => ({ ...e, id: `test-${e.id}` }))
  return JSON.stringify(dataset)
}

it('checks a file that changed after main read it, just before the index reads it', async () => {
  const file = join(profile, LIBRARY_DIR, 'b.json')
  const valid = minimal()
  valid.briefings[0]!.id = 'b'
  const text = JSON.stringify(valid)
  writeFileSync(file, text)
  const stamp = (info = statSync(file)) => `${info.size}:${info.mtimeMs}`
  const checked = new Map([['b.json', stamp()]])
  // The same size, a field the schema refuses (its shape a dataset's still); its mtime moves on.
  const odd = text.replace('"title":', '"titlx":')
  beforeOpen.name = 'b.json'
  beforeOpen.run = () => {
    const later = new Date(statSync(file).mtimeMs + 5000)
    writeFileSync(file, odd)
    utimesSync(file, later, later)
  }
  const cache: ParsedFiles = new Map()
  const loaded = await loadLibrary(DATASET, profile, { checked, cache })
  expect(loaded.imported.size).toBe(0)
  expect(loaded.notices).toEqual([expect.stringMatching(/b\.json: .*titlx/)])
  // Kept under main's stamp, not the new one: a later scan sees the change and reads it again.
  expect(cache.get(file)?.stamp).toBe(checked.get('b.json'))
})

it('reads again, at every scan, a file that could not be stat-ed', async () => {
  const file = join(profile, LIBRARY_DIR, 'b.json')
  writeFileSync(file, briefing('b'))
  noStat.name = 'b.json'
  const cache: ParsedFiles = new Map()
  expect([...(await loadLibrary(DATASET, profile, { cache })).imported]).toEqual(['b'])
  // No stat can tell it changed, so its parse is not taken from the cache.
  writeFileSync(file, briefing('c'))
  expect([...(await loadLibrary(DATASET, profile, { cache })).imported]).toEqual(['c'])
})

it("does not stat main's files before reading them: main's stamp stands for it", async () => {
  const file = join(profile, LIBRARY_DIR, 'b.json')
  writeFileSync(file, briefing('b'))
  const info = statSync(file)
  noStat.calls = []
  const checked = new Map([['b.json', `${info.size}:${info.mtimeMs}`]])
  const loaded = await loadLibrary(DATASET, profile, { checked })
  expect([...loaded.imported]).toEqual(['b'])
  expect(noStat.calls.filter((path) => path.endsWith('b.json'))).toEqual([])
})
