// Runs in the page before the app (as Playwright's init script): installs `window.briefing` with
// the same factory the preload uses, over a Playwright binding instead of ipcRenderer, then
// removes the binding from the page so nothing but the named API is visible.

import { createBriefingApi } from '../../src/shared/briefing-api'

type Binding = (channel: string, request: unknown) => Promise<unknown>

const host = window as unknown as Record<string, unknown>
const send = host['__briefingIpc'] as Binding
delete host['__briefingIpc']

// Main's events (menu commands): the harness calls the hidden emitter to stand in for a menu click.
const listeners = new Set<(payload: unknown) => void>()
Object.defineProperty(window, '__briefingEmit', {
  value: (payload: unknown) => listeners.forEach((listener) => listener(payload)),
  enumerable: false
})

Object.defineProperty(window, 'briefing', {
  value: createBriefingApi(
    (channel, request) => send(channel, request),
    (_event, listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  ),
  enumerable: true,
  writable: false,
  configurable: false
})
