// `annotations:*` handlers: load, change, undo and redo a briefing's highlights and notes, report
// whether everything acknowledged is on disk, and import a W3C file main's own dialog picked.

import { annotationsPart } from '../../shared/briefing-parts'
import type { IpcRouter } from '../ipc/router'
import type { ImportAnnotationsResult } from '../../shared/annotation-requests'
import { importAnnotationsFile } from './import-annotations'
import { waitingBriefings } from './waiting-annotations'
import type { AnnotationImportServices } from './import-annotations'

export interface AnnotationPorts {
  /** Main's open dialog for an annotation file; undefined when cancelled. */
  chooseFile(): Promise<string | undefined>
  /**
   * Imports the chosen file: a W3C file, or a library backup (briefings too, which this layer
   * cannot import: the wiring gives it). importAnnotationsFile when not given.
   */
  importFile?(file: string): Promise<ImportAnnotationsResult>
}

export function setupAnnotationHandlers(
  router: IpcRouter,
  services: () => Promise<AnnotationImportServices>,
  ports: AnnotationPorts
): void {
  const annotations = async () => (await services()).annotations
  router.handle('annotations:load', async ({ briefingId }) =>
    (await annotations()).load(briefingId)
  )
  // Parts of what `annotations:load` answers (the service keeps the briefing loaded between them).
  router.handle('annotations:load-part', async ({ briefingId, start }) =>
    annotationsPart(await (await annotations()).load(briefingId), start)
  )
  router.handle('annotations:change', async ({ briefingId, change }) =>
    (await annotations()).change(briefingId, change)
  )
  router.handle('annotations:undo', async ({ briefingId }) =>
    (await annotations()).undo(briefingId)
  )
  router.handle('annotations:redo', async ({ briefingId }) =>
    (await annotations()).redo(briefingId)
  )
  router.handle('annotations:status', async () => (await annotations()).saveStatus())
  router.handle('annotations:import', async () => {
    const file = await ports.chooseFile()
    if (!file) return { status: 'cancelled' as const }
    return ports.importFile ? ports.importFile(file) : importAnnotationsFile(await services(), file)
  })
  router.handle('annotations:waiting', async () => waitingBriefings(await services()))
}
