// `prefs:*` handlers: the preferences the renderer may read and change (colour labels, last colour).

import type { IpcRouter } from '../ipc/router'
import type { PreferencesPort } from './preferences-port'

export function setupPreferencesHandlers(router: IpcRouter, preferences: PreferencesPort): void {
  router.handle('prefs:get', () => preferences.get())
  router.handle('prefs:set', (update) => preferences.set(update))
}
