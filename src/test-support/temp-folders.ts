// Temporary folders for a test file: each is made under the system's temporary folder and removed
// after the file's tests, so a run of the suite leaves nothing behind in /tmp.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll } from 'vitest'

/** Removes `dirs` (and empties the list); retries, as a closing store may still be renaming. */
export function removeFolders(dirs: string[]): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
}

/**
 * `temp(prefix)` makes a new folder named `<prefix><random>` and returns its path; every folder
 * made is removed after all the file's tests (not after each: some tests share a folder). Call
 * at the top of a test file.
 */
export function useTempFolders(): (prefix: string) => string {
  const made: string[] = []
  afterAll(() => removeFolders(made))
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}
