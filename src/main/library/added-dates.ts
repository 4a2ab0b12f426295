// When each imported briefing joined the profile (added-dates.json), for the library's "Added"
// sort: the import records it; a briefing imported before this file existed takes its library
// file's mtime once, recorded then, so later rewrites of that file (details, entities) keep it.

import { stat } from 'node:fs/promises'
import { join } from 'node:path'

import { isPlainObject } from '../../shared/schema'
import { writeFileAtomically } from '../fs/atomic-write'
import type { StoreFs } from '../fs/types'
import { LIBRARY_DIR } from './staged-imports'

export const ADDED_FILE = 'added-dates.json'

export interface AddedDates {
  /**
   * When each of `ids` (imported briefings) was added, as ISO times. Ids without a record take
   * their library file's mtime, recorded unless `readOnly`; an id with neither is left out.
   */
  of(ids: Iterable<string>, readOnly: boolean): Promise<Map<string, string>>
  /** Records `ids` as added at `at`, keeping the first date of ids already known. */
  record(ids: readonly string[], at: Date): Promise<void>
}

export function openAddedDates(
  userDataDir: string,
  fs: StoreFs,
  mtimeOf: (id: string) => Promise<Date | undefined> = (id) => fileMtime(userDataDir, id)
): AddedDates {
  const path = join(userDataDir, ADDED_FILE)
  let loaded: Promise<Map<string, string>> | undefined
  let writing: Promise<void> = Promise.resolve()
  const load = (): Promise<Map<string, string>> => (loaded ??= read(fs, path))
  const write = (map: ReadonlyMap<string, string>): Promise<void> => {
    const text = JSON.stringify({ version: 1, added: Object.fromEntries(map) })
    const next = writing.then(() => writeFileAtomically(fs, path, text))
    writing = next.catch(() => undefined)
    return next
  }
  return {
    async of(ids, readOnly) {
      const map = await load()
      const found = new Map<string, string>()
      let learned = false
      for (const id of ids) {
        let at = map.get(id)
        if (at === undefined) {
          at = (await mtimeOf(id))?.toISOString()
          if (at === undefined) continue
          if (!readOnly) {
            map.set(id, at)
            learned = true
          }
        }
        found.set(id, at)
      }
      // The dates are a convenience: one that cannot be written is found again next time.
      if (learned) await write(map).catch(() => undefined)
      return found
    },
    async record(ids, at) {
      const map = await load()
      const fresh = ids.filter((id) => !map.has(id))
      if (fresh.length === 0) return
      for (const id of fresh) map.set(id, at.toISOString())
      await write(map)
    }
  }
}

async function fileMtime(userDataDir: string, id: string): Promise<Date | undefined> {
  try {
    return (await stat(join(userDataDir, LIBRARY_DIR, `${id}.json`))).mtime
  } catch {
    return undefined
  }
}

async function read(fs: StoreFs, path: string): Promise<Map<string, string>> {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(await fs.readFile(path)))
  } catch {
    return new Map() // missing or damaged: dates are found again from the files
  }
  const added = isPlainObject(parsed) && isPlainObject(parsed.added) ? parsed.added : {}
  return new Map(
    Object.entries(added).filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' && !Number.isNaN(Date.parse(entry[1]))
    )
  )
}
