// Preload for the sandboxed app window: exposes `window.briefing`, one named method per contract
// channel plus the menu-command listener, and nothing of Electron itself (no ipcRenderer, no
// generic invoke or send).

import { contextBridge, ipcRenderer } from 'electron'

import { createBriefingApi } from '../shared/briefing-api'

contextBridge.exposeInMainWorld(
  'briefing',
  createBriefingApi(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (event, listener) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload)
      ipcRenderer.on(event, handler)
      return () => ipcRenderer.removeListener(event, handler)
    }
  )
)
