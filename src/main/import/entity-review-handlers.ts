// `entities:*` handlers: the proposed entities of imported briefings, reviewed by the analyst.
// Arguments are validated by the router; which files are read or written is decided here.

import type { AppCore } from '../app-core'
import type { IpcRouter } from '../ipc/router'
import { servicesOf } from '../app-handlers'
import { applyEntityReview, entityReview, pendingReviews } from './entity-review-service'

export function setupEntityReviewHandlers(router: IpcRouter, core: AppCore): void {
  const userDataDir = core.options.userDataDir
  router.handle('entities:pending', async () => pendingReviews(await servicesOf(core), userDataDir))
  router.handle('entities:review', async ({ briefingId }) =>
    entityReview(await servicesOf(core), userDataDir, briefingId)
  )
  router.handle('entities:apply', async (decisions) =>
    applyEntityReview(await servicesOf(core), userDataDir, decisions)
  )
}
