// The preferences the renderer may read and change (colour labels, last colour, reading settings),
// served from the PreferencesStore that electron-store (in the app) or conf (in Node) backs.

import type { Preferences, PreferencesUpdate } from '../../shared/annotation-requests'
import { AppError } from '../errors'
import { PreferencesError } from './preferences'
import type { PreferencesStore } from './preferences'

export interface PreferencesPort {
  get(): Preferences
  /** Resolves once the change is written, or kept in memory after a failed write. */
  set(update: PreferencesUpdate): Promise<Preferences>
}

export function preferencesPort(store: PreferencesStore): PreferencesPort {
  const current = (): Preferences => ({
    colorLabels: store.get('colorLabels'),
    lastColor: store.get('lastColor'),
    reading: store.get('reading'),
    panel: store.get('panel')
  })
  return {
    get: current,
    async set(update: PreferencesUpdate) {
      const patch = {
        ...(update.colorLabels
          ? { colorLabels: { ...store.get('colorLabels'), ...update.colorLabels } }
          : {}),
        ...(update.lastColor ? { lastColor: update.lastColor } : {}),
        ...(update.reading ? { reading: { ...store.get('reading'), ...update.reading } } : {}),
        ...(update.panel ? { panel: { ...store.get('panel'), ...update.panel } } : {})
      }
      let saving
      try {
        saving = store.update(patch)
      } catch (error) {
        if (error instanceof PreferencesError) throw new AppError('invalid-request', error.message)
        throw error
      }
      // A failed write keeps the value in memory (the store logs it and retries); the UI works on.
      await saving
      return current()
    }
  }
}
