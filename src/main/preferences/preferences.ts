// Analyst preferences (colour labels, last colour) in a JSON file. conf, or electron-store (which
// extends conf), opens and validates the file (the caller passes the class, so this file never
// loads Electron); every change is written here, atomically and read back, never through conf.

import { dirname, resolve } from 'node:path'

import { describeError } from '../errors'
import { writeTempFile } from '../fs/atomic-write'
import { nodeStoreFs } from '../fs/node-fs'
import type { SaveOutcome, StoreFs } from '../fs/types'
import { log } from '../log/log'
import { prepareFile, valueProblem } from './preferences-file'
import { limitProblem, parsePreferencesText, serializePreferences } from './preferences-limits'
import { DEFAULT_PREFERENCES, PREFERENCES_SCHEMA, preferenceProblem } from './preferences-schema'
import type { PreferenceKey, PreferencesData } from './preferences-schema'

export * from './preferences-schema'

/**
 * Options given to the conf-compatible class (conf reads `configName`, electron-store `name`).
 * No `defaults`: with them conf writes the file itself when a key is missing, through a write
 * that retries synchronously for a second and is not checked; defaults are applied in memory.
 */
export interface BackendOptions {
  cwd: string
  configName: string
  name: string
  schema: typeof PREFERENCES_SCHEMA
  /** Parses the file's text; tolerates a UTF-8 byte order mark. */
  deserialize: (text: string) => Record<string, unknown>
  accessPropertiesByDotNotation: false
  clearInvalidConfig: false
}

/** The part of conf (and electron-store) used: `store` reads and validates the file. */
export interface PreferencesBackend {
  readonly path: string
  readonly store: Record<string, unknown>
}

/** conf's class, electron-store's class, or anything constructed the same way. */
export type PreferencesBackendClass = new (options: BackendOptions) => PreferencesBackend

export interface PreferencesOptions {
  /** The folder of the file (Electron: app.getPath('userData')). */
  cwd: string
  /** File name without `.json` (default 'preferences'). */
  name?: string
  /** Clock for the names of set-aside files. */
  now?: () => Date
  /** The filesystem writes go through (default node:fs; a failing disk in tests). */
  fs?: StoreFs
}

/** A refused preference value. */
export class PreferencesError extends Error {
  readonly code = 'invalid'
  constructor(message: string) {
    super(message)
    this.name = 'PreferencesError'
  }
}

/**
 * Opens the preferences file with `Backend` (conf's or electron-store's class). A damaged file is
 * set aside first, never wiped (see prepareFile); `warnings` says what happened. If the file
 * cannot be opened at all, preferences live in memory for the session and say so.
 */
export function createPreferences(
  Backend: PreferencesBackendClass,
  options: PreferencesOptions
): { preferences: PreferencesStore; warnings: string[] } {
  const name = options.name ?? 'preferences'
  const cwd = resolve(options.cwd)
  const path = resolve(cwd, `${name}.json`)
  const fs = options.fs ?? nodeStoreFs
  const warnings = prepareFile(path, options.now ?? (() => new Date()))
  try {
    const backend = new Backend({
      cwd,
      configName: name,
      name,
      schema: PREFERENCES_SCHEMA,
      deserialize: parsePreferencesText,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false
    })
    // prepareFile removed values beyond the limits, unless it could not write; drop them here too.
    const initial = Object.entries(backend.store).filter(
      ([key, value]) => !valueProblem(key, value)
    )
    return { preferences: new PreferencesStore(path, fs, Object.fromEntries(initial)), warnings }
  } catch (error) {
    const reason = `Preferences cannot be saved this session: ${(error as Error).message}`
    warnings.push(reason)
    return { preferences: new PreferencesStore(path, fs, {}, reason), warnings }
  }
}

/**
 * Typed, validated access to the preferences. Reads come from memory and never fail. A change is
 * checked and applied in memory at once (an invalid one throws before anything changes); its
 * write follows asynchronously and says whether the file now holds exactly what memory holds.
 */
export class PreferencesStore {
  private values: Record<string, unknown>
  /** The last write error while the file is behind memory. */
  lastError?: string
  /** Writes run one after another, each writing the values of its time. */
  private writing: Promise<unknown> = Promise.resolve()

  constructor(
    readonly path: string,
    private readonly fs: StoreFs,
    initial: Record<string, unknown>,
    private readonly unavailable?: string
  ) {
    // Unknown keys (a newer version's, conf's own) are kept and written back untouched.
    this.values = { ...structuredClone(DEFAULT_PREFERENCES), ...initial }
    this.lastError = unavailable
  }

  /** A copy of every preference. */
  all(): PreferencesData {
    const all = {} as Record<PreferenceKey, unknown>
    for (const key of Object.keys(DEFAULT_PREFERENCES) as PreferenceKey[]) all[key] = this.get(key)
    return all as PreferencesData
  }

  /** A copy of one preference. */
  get<K extends PreferenceKey>(key: K): PreferencesData[K] {
    return structuredClone(this.values[key]) as PreferencesData[K]
  }

  /** Sets one preference; throws PreferencesError for an invalid value. */
  set<K extends PreferenceKey>(key: K, value: PreferencesData[K]): Promise<SaveOutcome> {
    return this.update({ [key]: value } as Partial<PreferencesData>)
  }

  /**
   * Sets several preferences in one write. Throws PreferencesError, before anything changes, if
   * any value is invalid, nested too deep or too large; otherwise resolves when written.
   */
  update(patch: Partial<PreferencesData>): Promise<SaveOutcome> {
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined)
    const problems = entries
      .map(([key, value]) => limitProblem(key, value) || preferenceProblem(key, value))
      .filter(Boolean)
    if (problems.length > 0) throw new PreferencesError(problems.join('; '))
    this.values = { ...this.values, ...structuredClone(Object.fromEntries(entries)) }
    return this.save()
  }

  /** Writes the file again if the last write failed (the app calls this on a timer). */
  retry(): Promise<SaveOutcome> {
    return this.lastError === undefined ? Promise.resolve({ saved: true }) : this.save()
  }

  private save(): Promise<SaveOutcome> {
    const done = this.writing.then(() => this.write())
    this.writing = done
    return done
  }

  /** One attempt, never a retry loop: a failure is reported and left to `retry()`. */
  private async write(): Promise<SaveOutcome> {
    if (this.unavailable !== undefined) return { saved: false, error: this.unavailable }
    const text = serializePreferences(this.values)
    try {
      await writeVerified(this.fs, this.path, text)
      if (this.lastError !== undefined) log.info('preferences: saved after a retry')
      this.lastError = undefined
      return { saved: true }
    } catch (error) {
      this.lastError = describeError(error)
      log.warn(`preferences: not saved, kept in memory for a retry: ${this.lastError}`)
      return { saved: false, error: this.lastError }
    }
  }
}

/**
 * Replaces `path` with `text`: a new temp file, fsync'd, read back and compared, and only then
 * renamed over the file (and the folder fsync'd). A short write that reports success (a nearly
 * full disk) fails here and leaves the previous file in place. Each step is tried once.
 */
async function writeVerified(fs: StoreFs, path: string, text: string): Promise<void> {
  await fs.mkdir(dirname(path))
  const tmp = await writeTempFile(fs, path, text)
  try {
    const back = new TextDecoder().decode(await fs.readFile(tmp))
    if (back !== text) {
      throw new Error(
        `the file read back differs from what was written (${back.length} of ${text.length} characters)`
      )
    }
    await fs.rename(tmp, path)
  } catch (error) {
    await fs.unlink(tmp).catch(() => undefined)
    throw error
  }
  await fs.syncDir(dirname(path))
}
