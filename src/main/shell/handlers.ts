// Handlers that need the host around the core: preferences (electron-store in the app, conf in
// Node) and opening a note's link in the system browser after the analyst confirms.

import type { Preferences, PreferencesUpdate } from '../../shared/annotation-requests'
import { AppError } from '../errors'
import type { ExportTarget } from '../export/export-service'
import type { IpcRouter } from '../ipc/router'
import { parseExternalLink } from '../security/policy'

export interface PreferencesPort {
  get(): Preferences
  set(update: PreferencesUpdate): Preferences
}

export interface ShellPorts {
  preferences: PreferencesPort
  /** Asks the analyst to confirm, then opens `url` outside the app; false when declined. */
  confirmAndOpenExternal(url: URL): Promise<boolean>
  /** Save and folder dialogs for exports (main's own: the renderer never names a path). */
  exportTarget: ExportTarget
  /** Open dialog for files to import (one for annotations, several for briefings); [] = cancel. */
  chooseImportFiles(kind: 'annotations' | 'briefings'): Promise<string[]>
}

export function setupShellHandlers(router: IpcRouter, shell: ShellPorts): void {
  router.handle('prefs:get', () => shell.preferences.get())
  router.handle('prefs:set', (update) => shell.preferences.set(update))
  router.handle('link:open', async ({ url }) => {
    const link = parseExternalLink(url)
    if (!link) {
      throw new AppError('invalid-request', 'Only https:// links can be opened from a note.')
    }
    return { opened: await shell.confirmAndOpenExternal(link) }
  })
}
