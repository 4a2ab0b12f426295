// Checks the preferences file before conf reads it (conf would throw on, or wipe, a bad file): a
// damaged file is renamed aside and replaced by what could be salvaged or by the last good copy.

import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  existsSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join } from 'node:path'

import { isPlainObject } from '../../shared/schema'
import { isPreferenceKey, preferenceProblem } from './preferences-schema'

/**
 * Makes the file at `path` safe for conf to read and returns warnings for the analyst:
 * - not JSON (or not an object): renamed to `<file>.corrupt-<time>`; the backup of the last good
 *   file is restored if there is one, else defaults apply;
 * - JSON with some invalid values: renamed aside the same way, and a copy without those values
 *   (they fall back to defaults) takes its place;
 * - valid: copied to the backup, for the next time something goes wrong.
 * Never throws: problems reading or writing become warnings.
 */
export function prepareFile(path: string, now: () => Date): string[] {
  const name = basename(path)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return []
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
    ? `has invalid values (${invalid.map((k) => preferenceProblem(k, parsed[k])).join('; ')})`
    : 'is not valid JSON'
  const aside = setAside(path, now)
  if (!aside.ok) return [`Preferences ${name} ${problem}; ${aside.message}`]
  const warnings = [`Preferences ${name} ${problem}; it was renamed to ${aside.message}`]
  // Only now that the original is safe aside may anything be written in its place.
  let replacement: Record<string, unknown> | undefined
  if (parsed) {
    replacement = Object.fromEntries(Object.entries(parsed).filter(([k]) => !invalid.includes(k)))
    warnings.push(`Reset to defaults: ${invalid.join(', ')}; the other preferences were kept`)
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
    const failed = attempt(
      () => writeDurably(path, JSON.stringify(replacement, null, '\t')),
      'write'
    )
    if (failed) warnings.push(failed)
  }
  return warnings
}

/** Where the last good copy of the preferences file is kept. */
export function backupPath(path: string): string {
  return path.replace(/(\.json)?$/, '.backup.json')
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined
  try {
    const json: unknown = JSON.parse(text)
    return isPlainObject(json) ? json : undefined
  } catch {
    return undefined
  }
}

function invalidKeys(object: Record<string, unknown>): string[] {
  // Unknown keys are kept: a newer version (or conf itself) may have put them there.
  return Object.keys(object).filter((k) => isPreferenceKey(k) && preferenceProblem(k, object[k]))
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
