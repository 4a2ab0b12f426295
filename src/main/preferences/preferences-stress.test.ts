// Many changes over a disk that randomly cuts writes short (reporting success) or refuses them:
// every change reported Saved is what the file holds, and nothing in memory is lost.

import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import Conf from 'conf'
import { afterEach, beforeEach, expect, it } from 'vitest'

import { HIGHLIGHT_COLORS } from '../../shared/annotations'
import { nodeStoreFs } from '../fs/node-fs'
import type { StoreFs } from '../fs/types'
import { createPreferences } from './preferences'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'br-prefs-s-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

it('never reports Saved for a file that does not hold the values (300 changes, bad disk)', async () => {
  const next = random(13)
  const counts = { short: 0, refused: 0, saved: 0, notSaved: 0, lies: 0 }
  // fsync is skipped (durability is not what this measures) so the 300 changes take little time.
  const fs: StoreFs = {
    ...nodeStoreFs,
    syncDir: () => Promise.resolve(),
    open: async (path, flags) => {
      if (next() < 0.1) {
        counts.refused++
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
      }
      const handle = await nodeStoreFs.open(path, flags)
      const short = next() < 0.3
      if (short) counts.short++
      return {
        writeFile: (data) =>
          handle.writeFile(short ? data.slice(0, Math.floor(next() * data.length)) : data),
        truncate: (length) => handle.truncate(length),
        stat: () => handle.stat(),
        sync: () => Promise.resolve(),
        close: () => handle.close()
      }
    }
  }
  const { preferences } = createPreferences(Conf, { cwd: dir, fs })
  const file = join(dir, 'preferences.json')
  for (let i = 0; i < 300; i++) {
    const color = HIGHLIGHT_COLORS[Math.floor(next() * HIGHLIGHT_COLORS.length)] ?? 'yellow'
    const outcome =
      next() < 0.5
        ? await preferences.set('lastColor', color)
        : await preferences.set('colorLabels', {
            ...preferences.get('colorLabels'),
            [color]: `label ${i}`
          })
    if (!outcome.saved) {
      counts.notSaved++
      continue
    }
    counts.saved++
    const onDisk: unknown = JSON.parse(await readFile(file, 'utf8'))
    if (JSON.stringify(onDisk) !== JSON.stringify(preferences.all())) counts.lies++
  }
  const expected = preferences.all()
  for (let i = 0; i < 50 && !(await preferences.retry()).saved; i++);
  expect(createPreferences(Conf, { cwd: dir }).preferences.all()).toEqual(expected)
  expect(counts.lies).toBe(0)
  expect(counts.short).toBeGreaterThan(0)
  expect(counts.refused).toBeGreaterThan(0)
})
