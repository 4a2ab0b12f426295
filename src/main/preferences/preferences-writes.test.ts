// Preferences never say Saved when the file does not hold the values: short writes, unwritable
// folders (no retry loop), a byte order mark, and values too deep or too large to store.

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import Conf from 'conf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { DEFAULT_COLOR_LABELS } from '../../shared/annotations'
import { FaultyFs } from '../../test-support/annotation-store'
import { nodeStoreFs } from '../fs/node-fs'
import type { StoreFs } from '../fs/types'
import { createPreferences, DEFAULT_PREFERENCES, PreferencesError } from './preferences'
import type { BackendOptions } from './preferences'

let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'br-prefs-w-'))
  file = join(dir, 'preferences.json')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** node:fs whose writes keep only the first half of the data and still report success. */
function shortWritingFs(): StoreFs & { short: boolean } {
  const fs = {
    ...nodeStoreFs,
    short: true,
    open: async (path: string, flags: 'a' | 'w' | 'wx') => {
      const handle = await nodeStoreFs.open(path, flags)
      return {
        ...handle,
        writeFile: (data: string | Uint8Array) =>
          handle.writeFile(fs.short ? data.slice(0, Math.floor(data.length / 2)) : data),
        sync: () => handle.sync(),
        close: () => handle.close(),
        stat: () => handle.stat(),
        truncate: (length: number) => handle.truncate(length)
      }
    }
  }
  return fs
}

/** conf that counts its own writes: preferences must never write through it. */
class CountingConf extends Conf {
  static writes = 0
  constructor(options: BackendOptions) {
    super(options)
  }
  override get store(): Record<string, unknown> {
    return super.store
  }
  override set store(value: Record<string, unknown>) {
    CountingConf.writes++
    super.store = value
  }
}

describe('preference writes', () => {
  it('reports a short write as not saved, keeps the value and the previous file', async () => {
    const fs = shortWritingFs()
    const { preferences } = createPreferences(Conf, { cwd: dir, fs })
    const before = await readFile(file, 'utf8')
    const outcome = await preferences.set('lastColor', 'blue')
    expect(outcome).toEqual({
      saved: false,
      error: expect.stringMatching(/read back differs from what was written/)
    })
    expect(preferences.get('lastColor')).toBe('blue')
    expect(await readFile(file, 'utf8')).toBe(before)
    expect(await readdir(dir)).toEqual(['preferences.json']) // no temp file left behind
    fs.short = false
    expect(await preferences.retry()).toEqual({ saved: true })
    expect(createPreferences(Conf, { cwd: dir }).preferences.get('lastColor')).toBe('blue')
  })

  it('removes the temp files of writes a crash cut short, and nothing else', async () => {
    await writeFile(join(dir, 'preferences.json.4242.m1abc.tmp'), '{"lastCo')
    await writeFile(join(dir, 'preferences.json.corrupt-x'), 'kept')
    await writeFile(join(dir, 'other.json.4242.m1abc.tmp'), 'kept')
    createPreferences(Conf, { cwd: dir })
    expect((await readdir(dir)).sort()).toEqual([
      'other.json.4242.m1abc.tmp',
      'preferences.json',
      'preferences.json.corrupt-x'
    ])
  })

  it('tries an unwritable folder once per change, never through conf, and says not saved', async () => {
    const disk = new FaultyFs()
    let opens = 0
    const fs: StoreFs = { ...disk, open: (path, flags) => (opens++, disk.open(path, flags)) }
    CountingConf.writes = 0
    const { preferences, warnings } = createPreferences(CountingConf, { cwd: dir, fs })
    expect(warnings).toEqual([])
    disk.failWith('EACCES', ['open'])
    expect(await preferences.set('lastColor', 'blue')).toEqual({
      saved: false,
      error: expect.stringMatching(/^EACCES/)
    })
    expect(opens).toBe(1)
    expect(await preferences.retry()).toMatchObject({ saved: false })
    expect(opens).toBe(2)
    // conf's own write retries synchronously for a second; it is never used.
    expect(CountingConf.writes).toBe(0)
    expect(preferences.get('lastColor')).toBe('blue')
  })

  it('loads the values of a file that starts with a UTF-8 byte order mark', async () => {
    const labels = { ...DEFAULT_COLOR_LABELS, green: 'Sourced' }
    await writeFile(file, '\uFEFF' + JSON.stringify({ colorLabels: labels, lastColor: 'green' }))
    const { preferences, warnings } = createPreferences(Conf, { cwd: dir })
    expect(warnings).toEqual([])
    const reading = DEFAULT_PREFERENCES.reading
    expect(preferences.all()).toEqual({
      colorLabels: labels,
      lastColor: 'green',
      reading,
      panel: DEFAULT_PREFERENCES.panel
    })
    expect(await preferences.set('lastColor', 'pink')).toEqual({ saved: true })
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      colorLabels: labels,
      lastColor: 'pink',
      reading,
      panel: DEFAULT_PREFERENCES.panel
    })
  })

  it('refuses a value nested too deep or too large, with a message, and saves later ones', async () => {
    const { preferences } = createPreferences(Conf, { cwd: dir })
    const before = await readFile(file, 'utf8')
    let deep: unknown = 'x'
    for (let i = 0; i < 5000; i++) deep = { yellow: deep }
    expect(() => preferences.update({ colorLabels: deep as never })).toThrow(PreferencesError)
    expect(() => preferences.update({ colorLabels: deep as never })).toThrow(
      'colorLabels is nested deeper than 32 levels'
    )
    const huge = { ...DEFAULT_COLOR_LABELS, blue: 'x'.repeat(100_000) }
    expect(() => preferences.set('colorLabels', huge)).toThrow(
      'colorLabels is too large (at most 65,536 characters)'
    )
    expect(preferences.all()).toEqual(DEFAULT_PREFERENCES)
    expect(await readFile(file, 'utf8')).toBe(before)
    expect(await preferences.set('lastColor', 'blue')).toEqual({ saved: true })
    expect(JSON.parse(await readFile(file, 'utf8')).lastColor).toBe('blue')
  })

  it('removes a value too deep to save from the file, keeping the others savable', async () => {
    const deep = '['.repeat(5000) + '1' + ']'.repeat(5000)
    await writeFile(file, `{"lastColor":"green","future":${deep},"other":[1]}`)
    const { preferences, warnings } = createPreferences(Conf, { cwd: dir })
    expect(warnings[0]).toMatch(
      /^Preferences preferences.json has invalid values \(future is nested deeper than 32 levels\)/
    )
    expect(warnings[1]).toBe('Removed: future; the other preferences were kept')
    expect(preferences.get('lastColor')).toBe('green')
    expect(await preferences.set('lastColor', 'blue')).toEqual({ saved: true })
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      lastColor: 'blue',
      other: [1]
    })
  })
})
