// `app:*` handlers: readiness. The renderer's whenReady() resolves when the core has loaded.

import { AppError } from './errors'
import type { IpcRouter } from './ipc/router'
import type { AppCore } from './app-core'

export function setupAppHandlers(router: IpcRouter, core: AppCore): void {
  router.handle('app:ready', async () => (await servicesOf(core)).info)
}

/** The loaded services, or a `not-ready` error carrying why loading failed. */
export async function servicesOf(core: AppCore) {
  try {
    return await core.ready
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError('not-ready', `The library could not be loaded.\n${reason}`)
  }
}
