// `link:open` handler: a note's link opens in the system browser, only https and only after the
// analyst confirms in main's own dialog.

import { AppError } from '../errors'
import type { IpcRouter } from '../ipc/router'
import { parseExternalLink } from '../security/policy'

export interface LinkPorts {
  /** Asks the analyst to confirm, then opens `url` outside the app; false when declined. */
  confirmAndOpenExternal(url: URL): Promise<boolean>
}

export function setupShellHandlers(router: IpcRouter, ports: LinkPorts): void {
  router.handle('link:open', async ({ url }) => {
    const link = parseExternalLink(url)
    if (!link) {
      throw new AppError('invalid-request', 'Only https:// links can be opened from a note.')
    }
    return { opened: await ports.confirmAndOpenExternal(link) }
  })
}
