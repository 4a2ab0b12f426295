// Builds the IPC router with every domain's handlers registered, and the host's ports (dialogs,
// preferences, the system browser) handed to the domains that need them. The Electron shell and
// the e2e harness both use this, so the handlers under test are the app's own.

import type { Preferences } from '../shared/annotation-requests'
import type { AppCore, CoreServices } from './app-core'
import { setupAnnotationHandlers } from './annotations/handlers'
import { AppError, describeError } from './errors'
import type { ExportTarget } from './export/export-service'
import { setupExportHandlers } from './export/handlers'
import { setupImportHandlers } from './import/handlers'
import { importAnnotationsOrBundle } from './import/import-bundle'
import { createIpcRouter } from './ipc/router'
import type { IpcRouter, RouterOptions } from './ipc/router'
import { nodeStoreFs } from './fs/node-fs'
import { setupNotebookHandlers } from './notebook/handlers'
import { setupLibraryHandlers, setupReadingHandlers } from './library/handlers'
import { openReadingPositions } from './library/reading-positions'
import { openAddedDates } from './library/added-dates'
import { setupPreferencesHandlers } from './preferences/handlers'
import type { PreferencesPort } from './preferences/preferences-port'
import { setupSearchHandlers } from './search/handlers'
import { setupShellHandlers } from './shell/handlers'

/** What the host around the core provides: Electron's dialogs in the app, stand-ins in e2e. */
export interface ShellPorts {
  preferences: PreferencesPort
  /** Asks the analyst to confirm, then opens `url` outside the app; false when declined. */
  confirmAndOpenExternal(url: URL): Promise<boolean>
  /** Save and folder dialogs for exports (main's own: the renderer never names a path). */
  exportTarget: ExportTarget
  /** Open dialog for files to import (one for annotations, several for briefings); [] = cancel. */
  chooseImportFiles(kind: 'annotations' | 'briefings'): Promise<string[]>
  /** Files the system opened with the app, waiting to be imported; each given once. */
  takeOpenedFiles(): string[]
  /** How many such files are waiting. */
  filesToOpen(): number
}

export function createMainRouter(
  core: AppCore,
  shell: ShellPorts,
  options: RouterOptions
): IpcRouter {
  const router = createIpcRouter(options)
  const services = () => servicesOf(core)
  router.handle('app:ready', async () => ({
    ...(await services()).info,
    filesToOpen: shell.filesToOpen()
  }))
  const positions = openReadingPositions(core.options.userDataDir, nodeStoreFs)
  const added = openAddedDates(core.options.userDataDir, nodeStoreFs)
  setupLibraryHandlers(router, services, {
    positions,
    added,
    counts: async (ids) => (await services()).annotations.counts(ids)
  })
  setupReadingHandlers(router, services, positions)
  setupSearchHandlers(router, services, () => core.searchWhileLoading())
  setupAnnotationHandlers(router, services, {
    chooseFile: async () => (await shell.chooseImportFiles('annotations'))[0],
    importFile: async (file) => importAnnotationsOrBundle(await services(), file)
  })
  setupPreferencesHandlers(router, shell.preferences)
  setupShellHandlers(router, shell)
  setupExportHandlers(router, services, {
    target: shell.exportTarget,
    colorLabels: (): Preferences['colorLabels'] => shell.preferences.get().colorLabels
  })
  setupNotebookHandlers(router, services, {
    target: shell.exportTarget,
    colorLabels: (): Preferences['colorLabels'] => shell.preferences.get().colorLabels
  })
  setupImportHandlers(router, services, {
    userDataDir: core.options.userDataDir,
    chooseFiles: () => shell.chooseImportFiles('briefings'),
    takeOpenedFiles: () => shell.takeOpenedFiles(),
    positions,
    added
  })
  return router
}

/** The loaded services, or a `not-ready` error carrying why loading failed. */
async function servicesOf(core: AppCore): Promise<CoreServices> {
  try {
    return await core.ready
  } catch (error) {
    const reason = describeError(error)
    throw new AppError('not-ready', `The library could not be loaded.\n${reason}`)
  }
}
