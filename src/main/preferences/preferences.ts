// Analyst preferences (colour labels, last colour) in a JSON
// file through conf, or electron-store (which extends conf): the caller passes the class, so this
// file never loads Electron. Reads come from memory; every change rewrites the whole file.

import { resolve } from 'node:path'

import type { SaveOutcome } from '../fs/types'
import { prepareFile } from './preferences-file'
import { DEFAULT_PREFERENCES, PREFERENCES_SCHEMA, preferenceProblem } from './preferences-schema'
import type { PreferenceKey, PreferencesData } from './preferences-schema'
import { log } from '../log/log'

export * from './preferences-schema'

/** Options given to the conf-compatible class (conf reads `configName`, electron-store `name`). */
export interface BackendOptions {
  cwd: string
  configName: string
  name: string
  schema: typeof PREFERENCES_SCHEMA
  defaults: PreferencesData
  accessPropertiesByDotNotation: false
  clearInvalidConfig: false
}

/** The part of conf (and electron-store) used: `store` reads the file; setting it writes it. */
export interface PreferencesBackend {
  readonly path: string
  store: Record<string, unknown>
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
  const warnings = prepareFile(path, options.now ?? (() => new Date()))
  try {
    const backend = new Backend({
      cwd,
      configName: name,
      name,
      schema: PREFERENCES_SCHEMA,
      defaults: DEFAULT_PREFERENCES,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false
    })
    return { preferences: new PreferencesStore(path, { ...backend.store }, backend), warnings }
  } catch (error) {
    const reason = `Preferences cannot be saved this session: ${(error as Error).message}`
    warnings.push(reason)
    return { preferences: new PreferencesStore(path, {}, undefined, reason), warnings }
  }
}

/** Typed, validated access to the preferences. Reads never fail; writes report `saved`. */
export class PreferencesStore {
  private values: Record<string, unknown>
  /** The last write error while the file is behind memory. */
  lastError?: string

  constructor(
    readonly path: string,
    initial: Record<string, unknown>,
    private readonly backend?: PreferencesBackend,
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
  set<K extends PreferenceKey>(key: K, value: PreferencesData[K]): SaveOutcome {
    return this.update({ [key]: value } as Partial<PreferencesData>)
  }

  /** Sets several preferences in one write; throws PreferencesError if any value is invalid. */
  update(patch: Partial<PreferencesData>): SaveOutcome {
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined)
    const problems = entries.map(([key, value]) => preferenceProblem(key, value)).filter(Boolean)
    if (problems.length > 0) throw new PreferencesError(problems.join('; '))
    this.values = { ...this.values, ...structuredClone(Object.fromEntries(entries)) }
    return this.save()
  }

  /** Writes the file again if the last write failed (the app may call this on a timer). */
  retry(): SaveOutcome {
    return this.lastError === undefined ? { saved: true } : this.save()
  }

  private save(): SaveOutcome {
    if (!this.backend) return { saved: false, error: this.unavailable ?? 'no preferences file' }
    try {
      // The whole object through `store`: works even if a failed write left the file damaged.
      this.backend.store = { ...this.values }
      if (this.lastError !== undefined) log.info('preferences: saved after a retry')
      this.lastError = undefined
      return { saved: true }
    } catch (error) {
      this.lastError = (error as Error).message
      log.warn(`preferences: not saved, kept in memory for a retry: ${this.lastError}`)
      return { saved: false, error: this.lastError }
    }
  }
}
