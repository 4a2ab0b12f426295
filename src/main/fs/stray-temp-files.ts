// Temp files a killed process left behind: writeFileAtomically names each `<file>.<pid>.<ms>.tmp`
// (pid and time in base 36 ms), so one is stray once its writer is gone or it is older than any
// write takes. Removed at start (issue #13); another live process may be mid-write beside it.

import { readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'

import { errorCode } from './node-fs'

/** Longer than any single write or import takes: past it a file's owner is assumed gone. */
export const STALE_AFTER_MS = 60 * 60 * 1000

const TEMP_NAME = /\.(\d+)\.([0-9a-z]+)\.tmp$/

/** When this process started, to tell it from an earlier one that had the same pid. */
const STARTED_AT = Date.now() - process.uptime() * 1000

/**
 * Whether the process `pid`, which wrote something at `at` (ms), may still be running. Our own
 * pid with a time before we started was a previous process that had the same pid.
 */
export function ownerMayLive(pid: number, at: number, now = Date.now()): boolean {
  if (now - at > STALE_AFTER_MS) return false
  if (pid === process.pid) return at >= STARTED_AT - 1000
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return errorCode(error) === 'EPERM'
  }
}

/** Removes the stray temp files directly in each folder; returns how many. Missing folders are fine. */
export async function pruneStrayTempFiles(dirs: readonly string[]): Promise<number> {
  let removed = 0
  for (const dir of dirs) {
    let names: string[]
    try {
      names = await readdir(dir)
    } catch {
      continue
    }
    for (const name of names) {
      const match = TEMP_NAME.exec(name)
      if (!match) continue
      if (ownerMayLive(Number(match[1]), parseInt(match[2]!, 36))) continue
      try {
        await unlink(join(dir, name))
        removed++
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error
      }
    }
  }
  return removed
}
