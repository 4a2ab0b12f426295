// What a crash leaves of an import is settled before the library is read: a committed import is
// completed, one that never committed is rolled back once its owner is gone, a live one is left.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { bundledDataset } from '../../test-support/import'
import { loadLibrary } from './library-loader'
import {
  COMMIT_RECORD,
  STAGING_DIR,
  claimPath,
  commitRecord,
  settleStagedImports,
  stagingName,
  writeClaim
} from './staged-imports'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const DATASET = fileURLToPath(new URL('../../../resources/dataset', import.meta.url))

/** A pid no process has any more. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

function datasetOf(id: string): string {
  const base = bundledDataset()
  return JSON.stringify({ ...base, briefings: [{ ...base.briefings[0]!, id, title: id }] })
}

/** A staging folder holding `ids` (claimed), committed or not. */
async function stage(profile: string, name: string, ids: string[], committed: boolean) {
  const folder = join(profile, STAGING_DIR, name)
  mkdirSync(join(folder, 'library'), { recursive: true })
  for (const id of ids) {
    expect(await writeClaim(profile, id, name)).toBe(true)
    writeFileSync(join(folder, 'library', `${id}.json`), datasetOf(id))
  }
  const files = ids.map((id) => join('library', `${id}.json`))
  if (committed)
    writeFileSync(join(folder, COMMIT_RECORD), JSON.stringify(commitRecord(files, [], ids)))
  return folder
}

describe('settling staged imports', () => {
  it('completes a committed import, even one half moved in, and loads all of it', async () => {
    const profile = temp('staged-')
    const name = `${deadPid()}-${Date.now().toString(36)}-x`
    const folder = await stage(profile, name, ['one', 'two', 'three'], true)
    // The crash came after the first file was moved in.
    renameSync(join(folder, 'library', 'one.json'), join(profile, 'library', 'one.json'))
    const loaded = await loadLibrary(DATASET, profile)
    expect([...loaded.imported].sort()).toEqual(['one', 'three', 'two'])
    expect(existsSync(folder)).toBe(false)
    expect(readdirSync(join(profile, 'library')).sort()).toEqual([
      'one.json',
      'three.json',
      'two.json'
    ])
  })

  it('rolls back an import that never committed once its owner is gone, releasing its ids', async () => {
    const profile = temp('staged-')
    const folder = await stage(
      profile,
      `${deadPid()}-${Date.now().toString(36)}-x`,
      ['a', 'b'],
      false
    )
    const loaded = await loadLibrary(DATASET, profile)
    expect(loaded.imported.size).toBe(0)
    expect(existsSync(folder)).toBe(false)
    expect(existsSync(claimPath(profile, 'a'))).toBe(false)
  })

  it('leaves an import a live process is staging alone, and its ids claimed', async () => {
    const profile = temp('staged-')
    const folder = await stage(profile, stagingName(), ['live'], false)
    await settleStagedImports(profile)
    expect(existsSync(folder)).toBe(true)
    expect(await writeClaim(profile, 'live', 'other')).toBe(false)
  })

  it('releases a claim whose staging folder is gone', async () => {
    const profile = temp('staged-')
    expect(await writeClaim(profile, 'orphan', 'no-such-folder')).toBe(true)
    await settleStagedImports(profile)
    expect(existsSync(claimPath(profile, 'orphan'))).toBe(false)
  })
})
