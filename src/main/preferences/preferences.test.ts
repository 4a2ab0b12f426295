// Preferences on conf: defaults, persistence, validation, damaged files set aside, write failures.

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import Conf from 'conf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { DEFAULT_COLOR_LABELS } from '../../shared/annotations'
import { createPreferences, DEFAULT_PREFERENCES, PreferencesError } from './preferences'
import type { BackendOptions, PreferencesBackend } from './preferences'
import { FaultyFs } from '../../test-support/annotation-store'

let dir: string
let file: string
const NOW = new Date('2026-04-05T06:07:08.009Z')
const open = (Backend: typeof Conf | typeof ElectronStoreLike = Conf) =>
  createPreferences(Backend, { cwd: dir, now: () => NOW })

/** Constructed like electron-store: it reads `name` and ignores `configName`. */
class ElectronStoreLike extends Conf {
  constructor({ name, configName: _ignored, ...options }: BackendOptions) {
    super({ ...options, configName: name })
  }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'br-prefs-'))
  file = join(dir, 'preferences.json')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('preferences', () => {
  it('starts from the defaults, with the colour labels of the annotation model', () => {
    const { preferences, warnings } = open()
    expect(warnings).toEqual([])
    expect(preferences.all()).toEqual(DEFAULT_PREFERENCES)
    expect(preferences.get('colorLabels')).toEqual(DEFAULT_COLOR_LABELS)
    expect(preferences.path).toBe(file)
  })

  it('keeps changes across reopening, with conf and an electron-store-like class', async () => {
    for (const Backend of [Conf, ElectronStoreLike]) {
      const { preferences } = open(Backend)
      expect(await preferences.set('lastColor', 'blue')).toEqual({ saved: true })
      expect(
        await preferences.update({
          colorLabels: { ...DEFAULT_COLOR_LABELS, pink: 'Check with desk' },
          lastColor: 'green'
        })
      ).toEqual({ saved: true })
      const reading = {
        ...DEFAULT_PREFERENCES.reading,
        font: 'serif',
        size: 20,
        theme: 'sepia'
      } as const
      expect(await preferences.set('reading', reading)).toEqual({ saved: true })
      const again = open(Backend).preferences.all()
      expect(again).toEqual({
        colorLabels: { ...DEFAULT_COLOR_LABELS, pink: 'Check with desk' },
        lastColor: 'green',
        reading,
        panel: DEFAULT_PREFERENCES.panel
      })
      expect(JSON.parse(await readFile(file, 'utf8')).colorLabels.pink).toBe('Check with desk')
      await rm(file)
    }
  })

  it('refuses invalid values and writes nothing', async () => {
    const { preferences } = open()
    const before = await readFile(file, 'utf8')
    expect(() => preferences.set('lastColor', 'sepia' as never)).toThrow(PreferencesError)
    expect(() =>
      preferences.update({ colorLabels: { ...DEFAULT_COLOR_LABELS, blue: '' }, lastColor: 'pink' })
    ).toThrow(/colorLabels.blue must NOT have fewer than 1 characters/)
    expect(() => preferences.set('theme' as never, 'dark' as never)).toThrow(
      /unknown preference "theme"/
    )
    expect(preferences.get('lastColor')).toBe('yellow')
    expect(await readFile(file, 'utf8')).toBe(before)
  })

  it('loads a file from an older version with the removed keys, keeping them untouched', async () => {
    const labels = { ...DEFAULT_COLOR_LABELS, green: 'Sourced' }
    const old = {
      colorLabels: labels,
      theme: 'sepia',
      panelWidths: { library: 280, 'a.b': -1 },
      lastPosition: { briefingId: '../x', sectionId: 's.2' },
      lastColor: 'green'
    }
    await writeFile(file, JSON.stringify(old))
    const { preferences, warnings } = open()
    expect(warnings).toEqual([])
    // Files from before the reading settings (issue #14) get their defaults.
    const reading = DEFAULT_PREFERENCES.reading
    expect(preferences.all()).toEqual({
      colorLabels: labels,
      lastColor: 'green',
      reading,
      panel: DEFAULT_PREFERENCES.panel
    })
    await preferences.set('lastColor', 'blue')
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      ...old,
      lastColor: 'blue',
      reading,
      panel: DEFAULT_PREFERENCES.panel
    })
  })

  it('refuses reading settings outside their choices, before anything changes', () => {
    const { preferences } = open()
    const reading = DEFAULT_PREFERENCES.reading
    expect(() => preferences.set('reading', { ...reading, size: 90 })).toThrow(PreferencesError)
    expect(() => preferences.set('reading', { ...reading, theme: 'neon' as 'dark' })).toThrow(
      PreferencesError
    )
    expect(preferences.get('reading')).toEqual(reading)
  })

  it('returns copies, so callers cannot change preferences behind its back', () => {
    const { preferences } = open()
    preferences.get('colorLabels').yellow = 'mutated'
    expect(preferences.get('colorLabels').yellow).toBe('Key point')
  })

  it('sets a file that is not JSON aside and starts from defaults', async () => {
    await writeFile(file, '{"theme": "dark", "colorLa')
    const { preferences, warnings } = open()
    expect(warnings).toEqual([
      'Preferences preferences.json is not valid JSON; it was renamed to ' +
        'preferences.json.corrupt-2026-04-05T06-07-08-009Z',
      'Preferences were reset to their defaults'
    ])
    expect(preferences.all()).toEqual(DEFAULT_PREFERENCES)
    const aside = join(dir, 'preferences.json.corrupt-2026-04-05T06-07-08-009Z')
    expect(await readFile(aside, 'utf8')).toBe('{"theme": "dark", "colorLa')
  })

  it('restores the last good copy when the file is damaged', async () => {
    await open().preferences.set('lastColor', 'orange')
    expect(open().warnings).toEqual([]) // opening a good file backs it up
    await writeFile(file, '\u0000\u0000\u0000')
    const { preferences, warnings } = open()
    expect(warnings[1]).toBe('Preferences were restored from preferences.backup.json')
    expect(preferences.get('lastColor')).toBe('orange')
    expect((await readdir(dir)).sort()).toEqual([
      'preferences.backup.json',
      'preferences.json',
      'preferences.json.corrupt-2026-04-05T06-07-08-009Z'
    ])
  })

  it('resets only the invalid values of a file, keeping the others and unknown keys', async () => {
    const labels = { ...DEFAULT_COLOR_LABELS, green: 'Sourced' }
    await writeFile(
      file,
      JSON.stringify({ colorLabels: { ...labels, blue: 7 }, lastColor: 'red', futureKey: [1] })
    )
    const { preferences, warnings } = open()
    expect(warnings[0]).toMatch(
      new RegExp(
        '^Preferences preferences.json has invalid values \\(colorLabels.blue must be string; ' +
          'lastColor .*\\); it was renamed to preferences.json.corrupt-'
      )
    )
    expect(warnings[1]).toBe(
      'Reset to defaults: colorLabels, lastColor; the other preferences were kept'
    )
    expect(preferences.all()).toMatchObject({
      colorLabels: DEFAULT_COLOR_LABELS,
      lastColor: 'yellow'
    })
    await preferences.set('lastColor', 'blue')
    expect(JSON.parse(await readFile(file, 'utf8')).futureKey).toEqual([1])
  })

  it('reports a failed write as not saved, keeps the value, and saves it on retry', async () => {
    // The full disk is now the filesystem writes go through, not the backend (which only reads).
    const disk = new FaultyFs()
    const { preferences } = createPreferences(Conf, { cwd: dir, fs: disk })
    disk.failWith('ENOSPC', ['write'])
    expect(await preferences.set('lastColor', 'blue')).toEqual({
      saved: false,
      error: expect.stringMatching(/^ENOSPC/)
    })
    expect(preferences.get('lastColor')).toBe('blue')
    expect(preferences.lastError).toMatch(/ENOSPC/)
    disk.heal()
    expect(await preferences.retry()).toEqual({ saved: true })
    expect(JSON.parse(await readFile(file, 'utf8')).lastColor).toBe('blue')
    expect(preferences.lastError).toBeUndefined()
  })

  it('lives in memory, and says so, when the file cannot be opened at all', async () => {
    class Unopenable implements PreferencesBackend {
      readonly path = file
      store = {}
      constructor() {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
      }
    }
    const { preferences, warnings } = createPreferences(Unopenable, { cwd: dir })
    expect(warnings).toEqual([
      'Preferences cannot be saved this session: EACCES: permission denied'
    ])
    expect(await preferences.set('lastColor', 'blue')).toMatchObject({ saved: false })
    expect(preferences.get('lastColor')).toBe('blue')
  })
})
