// ============================================================================================
// SECURITY-SENSITIVE: the one hardened window factory and the guards applied to every
// webContents and the default session. Decisions live in security/policy.ts; this file applies
// them. Change only with Electron's security checklist at hand.
// ============================================================================================

import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import { BrowserWindow, app, dialog, nativeTheme, protocol, session, shell } from 'electron'

import {
  APP_SCHEME,
  appResponseHeaders,
  createWindowOptions,
  isNavigationAllowed,
  isPermissionGranted,
  isRequestAllowed,
  resolveAppAsset
} from './security/policy'

/** Must run before `app` is ready: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Serves the built renderer from app://, confined to its folder; installs session guards. */
export function hardenSession(rendererDir: string, devServerUrl: string | undefined): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rendererDir, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, { headers: appResponseHeaders(file) })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(isPermissionGranted(permission))
  )
  ses.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission))
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isRequestAllowed(details.url, devServerUrl) })
  )
  ses.setSpellCheckerEnabled(false)
}

/** Applies navigation, new-window and webview guards to every webContents the app creates. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

export function createMainWindow(entryUrl: string, devTools: boolean): BrowserWindow {
  const options = createWindowOptions(join(__dirname, '../preload/index.cjs'), devTools)
  const win = new BrowserWindow({
    ...options,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1c1f24' : '#f7f7f5'
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(entryUrl)
  return win
}

/**
 * Checklist #15: a link from a note (already parsed as https by policy.parseExternalLink) opens
 * in the system browser only after the analyst confirms, with the full address shown.
 */
export async function confirmAndOpenExternal(
  parent: BrowserWindow | null,
  url: URL
): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link outside Briefing Reader?',
    detail: url.href
  }
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options)
  if (response !== 0) return false
  await shell.openExternal(url.href)
  return true
}
