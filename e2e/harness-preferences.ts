// Preferences for the e2e harness, kept in memory per opened app.
// TODO(lead): replace with the app's conf-backed PreferencesStore once src/main/preferences lands.
import { DEFAULT_COLOR_LABELS } from '../src/shared/annotations'
import type { Preferences } from '../src/shared/annotation-requests'
import type { PreferencesPort } from '../src/main/features/shell-handlers'

export function harnessPreferences(_userDataDir: string): PreferencesPort {
  let prefs: Preferences = { colorLabels: { ...DEFAULT_COLOR_LABELS }, lastColor: 'yellow' }
  return {
    get: () => prefs,
    set: (update) => {
      prefs = {
        colorLabels: { ...prefs.colorLabels, ...update.colorLabels },
        lastColor: update.lastColor ?? prefs.lastColor
      }
      return prefs
    }
  }
}
