// The files of a profile's library folder as a scan sees them: their names (never half an
// import), their size and mtime (which tell a scan what changed), and their text.

import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

import { describeError } from '../errors'
import type { TimeSlice } from '../time-slice'
import { LIBRARY_DIR, claims, settleStagedImports } from './staged-imports'

/** A scan's earlier files by path, with the stamp each had (the loader's ParsedFiles). */
type Known = ReadonlyMap<string, { stamp: string }>

/**
 * The library's file names, never half an import: crashed imports are completed or rolled back
 * first, and a listing that caught another process moving an import's files in (their ids are
 * still claimed) is taken again once that import is completed.
 */
export async function libraryFiles(userDataDir: string, skipped: Skipped): Promise<string[]> {
  const dir = join(userDataDir, LIBRARY_DIR)
  for (let attempt = 1; ; attempt++) {
    const problem = await settleStagedImports(userDataDir).then(() => undefined, describeError)
    // Not completed now (a folder not writable, say): left staged, and completed at a later start.
    if (problem !== undefined) {
      skipped.notices.push(`An interrupted import could not be completed yet: ${problem}`)
      return listJson(dir, skipped)
    }
    // Claims first: an import whose claims are all gone had moved every file before the listing.
    const claimed = await claims(userDataDir)
    const names = await listJson(dir, skipped)
    const moving = names.some((n) => claimed.has(n.slice(0, -'.json'.length)))
    if (!moving || attempt === 5) return names
  }
}

/** What a scan could not read, said to the analyst and to the caller. */
export interface Skipped {
  notices: string[]
  unreadable: string[]
}

/** The names of the files `cache` holds and of the `changed` ones, in listing order. */
export function knownFiles(dir: string, cache: Known, changed: ReadonlySet<string>): string[] {
  const names = new Set(changed)
  for (const file of cache.keys()) names.add(file.slice(dir.length + 1))
  return [...names].filter((n) => n.endsWith('.json')).sort()
}

async function listJson(dir: string, skipped: Skipped): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()
  } catch (error) {
    // No folder: no imports yet. Any other failure must not pass for an empty library.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      skipped.notices.push(
        `The folder of imported briefings could not be read, so they are not shown (${dir}): ${describeError(error)}`
      )
      skipped.unreadable.push(dir)
    }
    return []
  }
}

/**
 * Each file's size and mtime (undefined: it vanished), to tell which changed. Synchronous stats
 * in short slices: a rescan after one import stats every file of the library, and a round trip
 * to the file system's threads per file cost many times the stat itself.
 */
export async function stampsOf(
  files: readonly string[],
  slice: TimeSlice,
  trusted?: (file: string) => string | undefined
): Promise<(string | undefined)[]> {
  const stamps: (string | undefined)[] = []
  for (const file of files) {
    const known = trusted?.(file)
    if (known !== undefined) {
      stamps.push(known)
      continue
    }
    if (slice.due()) await slice.next()
    try {
      const info = statSync(file, { throwIfNoEntry: false })
      stamps.push(info && `${info.size}:${info.mtimeMs}`)
    } catch {
      // Not even its size can be had (a link to itself, no permission): it is read all the same,
      // and skipped with a notice when that fails too, rather than failing the whole library.
      stamps.push(UNKNOWN_STAMP)
    }
  }
  return stamps
}

/** The stamp of a file that could not be stat-ed: no later stat gives it, so it is read again. */
export const UNKNOWN_STAMP = '?'

/** The cached stamp of a file not among `changed` (so not stat-ed again), else undefined. */
export function trustedStamp(
  file: string,
  dir: string,
  cache: Known,
  changed: ReadonlySet<string>
): string | undefined {
  if (changed.has(file.slice(dir.length + 1))) return undefined
  return cache.get(file)?.stamp
}

/**
 * The file's text, and with `stamped` its size and mtime as it was read (from the open file);
 * undefined if it vanished.
 */
export function readText(
  file: string,
  stamped: boolean
): { text: string; stamp?: string } | undefined {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    // Removed between listing and reading (a replace or restore in progress): not part of it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    const text = readFileSync(fd, 'utf8')
    if (!stamped) return { text }
    const info = fstatSync(fd)
    return { text, stamp: `${info.size}:${info.mtimeMs}` }
  } finally {
    closeSync(fd)
  }
}
