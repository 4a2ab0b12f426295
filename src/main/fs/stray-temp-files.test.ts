// Temp files of killed writers are pruned; those a live process may still be writing are kept.

import { spawnSync } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { STALE_AFTER_MS, pruneStrayTempFiles } from './stray-temp-files'
import { useTempFolders } from '../../test-support/temp-folders'

const folder = useTempFolders()

const dead = spawnSync(process.execPath, ['-e', '']).pid!
const stamp = (ms: number) => ms.toString(36)

describe('pruneStrayTempFiles', () => {
  it('removes temp files of dead or long-gone writers and keeps live ones and real files', async () => {
    const dir = folder('tmp-prune-')
    const now = Date.now()
    const names = {
      dead: `a.json.${dead}.${stamp(now)}.tmp`,
      old: `b.json.${process.pid}.${stamp(now - STALE_AFTER_MS - 1000)}.tmp`,
      live: `c.json.${process.pid}.${stamp(now)}.tmp`,
      real: 'd.json',
      other: 'notes.tmp'
    }
    for (const name of Object.values(names)) writeFileSync(join(dir, name), '{}')
    expect(await pruneStrayTempFiles([dir, join(dir, 'missing')])).toBe(2)
    expect(readdirSync(dir).sort()).toEqual([names.live, names.real, names.other].sort())
  })
})
