// Checks the preferences file before conf reads it (conf would throw on, or wipe, a bad file): a
// damaged file is renamed aside and replaced by what could be salvaged or by the last good copy.
// Runs once at start-up, synchronously; each write is tried once (no retry loop).

import {
  closeSync,
  mkdirSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  existsSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join } from 'node:path'

import { isPlainObject } from '../../shared/schema'
import { limitProblem, serializePreferences, withoutBom } from './preferences-limits'
import { DEFAULT_PREFERENCES, isPreferenceKey, preferenceProblem } from './preferences-schema'

/**
 * Makes the file at `path` safe for conf to read and returns warnings for the analyst:
 * - missing: written with the defaults;
 * - a UTF-8 byte order mark is ignored (conf is given a parser that ignores it too);
 * - not JSON (or not an object): renamed to `<file>.corrupt-<time>`; the backup of the last good
 *   file is restored if there is one, else defaults apply;
 * - JSON with some invalid values, or values beyond the depth and size limits (even under keys
 *   this version does not know): renamed aside the same way, and a copy without those values
 *   (they fall back to defaults) takes its place;
 * - valid: copied to the backup, for the next time something goes wrong.
 * Never throws: problems reading or writing become warnings.
 */
export function prepareFile(path: string, now: () => Date): string[] {
  const name = basename(path)
  removeTempFiles(path)
  let text: string
  try {
    text = withoutBom(readFileSync(path, 'utf8'))
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      const failed = attempt(() => {
        mkdirSync(dirname(path), { recursive: true })
        writeDurably(path, serializePreferences(DEFAULT_PREFERENCES))
      }, 'create')
      return failed ? [failed] : []
    }
    return [`Preferences ${name} could not be read: ${(error as Error).message}`]
  }
  const parsed = parseObject(text)
  if (parsed && invalidKeys(parsed).length === 0) {
    if (readOr(backupPath(path)) === text) return []
    const failed = attempt(() => writeDurably(backupPath(path), text), 'back up')
    return failed ? [failed] : []
  }
  const invalid = parsed ? invalidKeys(parsed) : []
  const problem = parsed
    ? `has invalid values (${invalid.map((k) => valueProblem(k, parsed[k])).join('; ')})`
    : 'is not valid JSON'
  const aside = setAside(path, now)
  if (!aside.ok) return [`Preferences ${name} ${problem}; ${aside.message}`]
  const warnings = [`Preferences ${name} ${problem}; it was renamed to ${aside.message}`]
  // Only now that the original is safe aside may anything be written in its place.
  let replacement: Record<string, unknown> | undefined
  if (parsed) {
    replacement = Object.fromEntries(Object.entries(parsed).filter(([k]) => !invalid.includes(k)))
    const reset = invalid.filter(isPreferenceKey)
    const removed = invalid.filter((k) => !isPreferenceKey(k))
    if (reset.length > 0)
      warnings.push(`Reset to defaults: ${reset.join(', ')}; the other preferences were kept`)
    if (removed.length > 0)
      warnings.push(`Removed: ${removed.join(', ')}; the other preferences were kept`)
  } else {
    const backup = parseObject(readOr(backupPath(path)))
    if (backup && invalidKeys(backup).length === 0) {
      replacement = backup
      warnings.push(`Preferences were restored from ${basename(backupPath(path))}`)
    } else {
      warnings.push('Preferences were reset to their defaults')
    }
  }
  if (replacement) {
    const failed = attempt(() => writeDurably(path, serializePreferences(replacement)), 'write')
    if (failed) warnings.push(failed)
  }
  return warnings
}

/**
 * Removes temp files a write cut short by a crash left beside `path` (named `<file>.<pid>.<time>.tmp`
 * by PreferencesStore). Only the app writes preferences, one instance at a time, so none is in use.
 */
function removeTempFiles(path: string): void {
  const pattern = new RegExp(`^${basename(path).replace(/\W/g, '\\$&')}\\.\\d+\\.[0-9a-z]+\\.tmp$`)
  try {
    for (const entry of readdirSync(dirname(path))) {
      if (pattern.test(entry)) rmSync(join(dirname(path), entry), { force: true })
    }
  } catch {
    // A folder that cannot be listed is reported when the file itself is read or written.
  }
}

/** Where the last good copy of the preferences file is kept. */
export function backupPath(path: string): string {
  return path.replace(/(\.json)?$/, '.backup.json')
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined
  try {
    const json: unknown = JSON.parse(withoutBom(text))
    return isPlainObject(json) ? json : undefined
  } catch {
    return undefined
  }
}

function invalidKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).filter((k) => valueProblem(k, object[k]))
}

/**
 * Why the file's value under `key` cannot stay ('' if it can). Unknown keys are kept, since a newer
 * version (or conf itself) may have put them there, unless they are beyond the limits.
 */
export function valueProblem(key: string, value: unknown): string {
  // The limits first: the schema validator should never walk a value 5,000 levels deep.
  return limitProblem(key, value) || (isPreferenceKey(key) ? preferenceProblem(key, value) : '')
}

function readOr(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

function setAside(path: string, now: () => Date): { ok: boolean; message: string } {
  const time = now().toISOString().replace(/[:.]/g, '-')
  let target = `${path}.corrupt-${time}`
  for (let n = 2; existsSync(target); n++) target = `${path}.corrupt-${time}-${n}`
  const failed = attempt(() => renameSync(path, target), 'set aside')
  return failed ? { ok: false, message: failed } : { ok: true, message: basename(target) }
}

/** Runs `write`; returns '' on success or a warning naming `what` failed. */
function attempt(write: () => void, what: string): string {
  try {
    write()
    return ''
  } catch (error) {
    return `could not ${what} the preferences file: ${(error as Error).message}`
  }
}

/** Replaces `path` atomically: temp file, fsync, rename, fsync of the folder where possible. */
export function writeDurably(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.tmp`)
  const fd = openSync(tmp, 'w')
  try {
    writeFileSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, path)
  try {
    const dir = openSync(dirname(path), 'r')
    try {
      fsyncSync(dir)
    } finally {
      closeSync(dir)
    }
  } catch {
    // Folders cannot be fsync'd on Windows; the rename is still atomic.
  }
}
