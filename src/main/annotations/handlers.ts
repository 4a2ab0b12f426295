// `annotations:*` handlers: load, change, undo and redo a briefing's highlights and notes, and
// report whether everything acknowledged is on disk.

import type { AppCore } from '../app-core'
import type { IpcRouter } from '../ipc/router'
import { servicesOf } from '../app-handlers'

export function setupAnnotationHandlers(router: IpcRouter, core: AppCore): void {
  const annotations = async () => (await servicesOf(core)).annotations
  router.handle('annotations:load', async ({ briefingId }) =>
    (await annotations()).load(briefingId)
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
}
