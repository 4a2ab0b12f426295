// Builds the IPC router with every feature's handlers registered. The Electron shell and the e2e
// harness both use this, so the handlers under test are the app's own.

import type { AppCore } from './app-core'
import { createIpcRouter } from './ipc/router'
import type { IpcRouter, RouterOptions } from './ipc/router'
import { setupAnnotationHandlers } from './annotations/handlers'
import { setupAppHandlers } from './app-handlers'
import { setupEntityReviewHandlers } from './import/entity-review-handlers'
import { setupExportHandlers } from './export/handlers'
import { setupImportHandlers } from './import/handlers'
import { setupLibraryHandlers } from './library/handlers'
import { setupSearchHandlers } from './search/handlers'
import { setupShellHandlers } from './shell/handlers'
import { setupVersionHandlers } from './import/version-handlers'
import type { ShellPorts } from './shell/handlers'

export function createMainRouter(
  core: AppCore,
  shell: ShellPorts,
  options: RouterOptions
): IpcRouter {
  const router = createIpcRouter(options)
  setupAppHandlers(router, core)
  setupLibraryHandlers(router, core)
  setupSearchHandlers(router, core)
  setupAnnotationHandlers(router, core)
  setupShellHandlers(router, shell)
  setupExportHandlers(router, core, shell)
  setupImportHandlers(router, core, shell)
  setupEntityReviewHandlers(router, core)
  setupVersionHandlers(router, core)
  return router
}
