// Binds the transport-free router to Electron's ipcMain: one ipcMain.handle per registered
// channel, with the sender described from the frame that actually sent the message.

import { ipcMain } from 'electron'
import type { IpcMainInvokeEvent, WebContents } from 'electron'

import type { IpcRouter, SenderInfo } from './router'

export function bindRouterToIpcMain(
  router: IpcRouter,
  isAppWebContents: (contents: WebContents) => boolean
): void {
  for (const channel of router.channels()) {
    ipcMain.handle(channel, (event, request: unknown) =>
      router.dispatch(senderOf(event, isAppWebContents), channel, request)
    )
  }
}

/** Only the top frame of a window the app created counts as the app's main frame. */
function senderOf(
  event: IpcMainInvokeEvent,
  isAppWebContents: (contents: WebContents) => boolean
): SenderInfo {
  const frame = event.senderFrame
  return {
    url: frame?.url ?? '',
    isMainFrame:
      frame !== null && frame === event.sender.mainFrame && isAppWebContents(event.sender)
  }
}
