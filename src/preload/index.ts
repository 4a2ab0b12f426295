// Preload for the sandboxed app window: exposes `window.briefing`, one named method per contract
// channel, and nothing of Electron itself (no ipcRenderer, no generic invoke).

import { contextBridge, ipcRenderer } from 'electron'

import { createBriefingApi } from '../shared/briefing-api'

contextBridge.exposeInMainWorld(
  'briefing',
  createBriefingApi((channel, request) => ipcRenderer.invoke(channel, request))
)
