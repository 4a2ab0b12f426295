// `notebook:*` handlers: one page of the library's highlights and notes for a filter, and the
// Markdown export of what the filter keeps (main's save dialog picks the file).

import type { HighlightColor } from '../../shared/annotations'
import type { ExportServices, ExportTarget } from '../export/export-service'
import type { IpcRouter } from '../ipc/router'
import { NotebookIndex } from './notebook-index'
import { exportNotebook, listNotebook, readBriefingEntries } from './notebook-service'

export interface NotebookPorts {
  target: ExportTarget
  colorLabels(): Record<HighlightColor, string>
}

export function setupNotebookHandlers(
  router: IpcRouter,
  services: () => Promise<ExportServices>,
  ports: NotebookPorts
): void {
  // Kept between pages: scrolling to the end of 10,000 items asks for 100 pages.
  const index = new NotebookIndex(readBriefingEntries)
  router.handle('notebook:list', async (request) =>
    listNotebook(await services(), request, ports.colorLabels(), index)
  )
  router.handle('notebook:export', async (request) =>
    exportNotebook(await services(), request, ports.colorLabels(), ports.target)
  )
}
