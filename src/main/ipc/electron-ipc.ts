// Binds the transport-free router to Electron's ipcMain: one ipcMain.handle per registered
// channel, with the sender described from the frame that actually sent the message.

import { ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'

import type { IpcRouter, SenderInfo } from './router'

export function bindRouterToIpcMain(router: IpcRouter): void {
  for (const channel of router.channels()) {
    ipcMain.handle(channel, (event, request: unknown) =>
      router.dispatch(senderOf(event), channel, request)
    )
  }
}

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame
  return {
    url: frame?.url ?? '',
    isMainFrame: frame !== null && frame === event.sender.mainFrame
  }
}
