// `export:*` and `annotations:import` handlers: exports go where main's dialog says; imports come
// from the file main's dialog picked. No path ever comes from the renderer.

import type { AppCore } from '../app-core'
import type { IpcRouter } from '../ipc/router'
import { servicesOf } from '../app-handlers'
import { runExport } from './export-service'
import { importAnnotationsFile } from '../annotations/import-annotations'
import type { ShellPorts } from '../shell/handlers'

export function setupExportHandlers(router: IpcRouter, core: AppCore, shell: ShellPorts): void {
  router.handle('export:notes', async (options) =>
    runExport(
      await servicesOf(core),
      shell.preferences.get().colorLabels,
      options,
      shell.exportTarget
    )
  )
  router.handle('annotations:import', async () => {
    const [file] = await shell.chooseImportFiles('annotations')
    if (!file) return { status: 'cancelled' as const }
    return importAnnotationsFile(await servicesOf(core), file)
  })
}
