// The profile folders atomic writes leave temp files in when a process is killed mid-write
// (library and proposal files, kept versions, the search cache, the annotation counts file): pruned once at start (issue #13).

import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

import { ANNOTATIONS_DIR } from '../annotations/store/layout'
import { pruneStrayTempFiles } from '../fs/stray-temp-files'
import { LIBRARY_DIR } from '../library/staged-imports'
import { INDEX_CACHE_DIR } from '../search/cache-dir'
import { PROPOSALS_DIR } from './proposal-files'
import { VERSIONS_DIR } from './version-store'

/** Removes the stray temp files of dead writers; returns how many. */
export async function pruneProfileTempFiles(userDataDir: string): Promise<number> {
  const versions = join(userDataDir, VERSIONS_DIR)
  const kept = await readdir(versions).catch(() => [] as string[])
  return pruneStrayTempFiles([
    join(userDataDir, LIBRARY_DIR),
    join(userDataDir, PROPOSALS_DIR),
    join(userDataDir, INDEX_CACHE_DIR),
    join(userDataDir, ANNOTATIONS_DIR),
    ...kept.map((id) => join(versions, id))
  ])
}
