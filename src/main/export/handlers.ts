// `export:notes` and `export:backup` handlers: exports go where main's dialog says; no path ever
// comes from the renderer.

import type { HighlightColor } from '../../shared/annotations'
import type { IpcRouter } from '../ipc/router'
import { runExport } from './export-service'
import type { ExportTarget } from './export-service'
import { writeBundle } from './bundle-export'
import type { BundleServices } from './bundle-export'

export interface ExportPorts {
  /** Main's save and folder dialogs. */
  target: ExportTarget
  /** The analyst's current names for the colours. */
  colorLabels(): Record<HighlightColor, string>
}

export function setupExportHandlers(
  router: IpcRouter,
  services: () => Promise<BundleServices>,
  ports: ExportPorts
): void {
  router.handle('export:notes', async (options) =>
    runExport(await services(), ports.colorLabels(), options, ports.target)
  )
  router.handle('export:backup', async () =>
    writeBundle(await services(), ports.colorLabels(), ports.target)
  )
}
