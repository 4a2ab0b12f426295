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

/** Main's own dialogs for exports and imports: the renderer never names a path. */
export function fileDialogs(parent: () => BrowserWindow | null) {
  const withParent = <T>(show: (win: BrowserWindow) => Promise<T>, alone: () => Promise<T>) => {
    const win = parent()
    return win ? show(win) : alone()
  }
  return {
    async chooseFile(suggestedName: string, extension: 'md' | 'json'): Promise<string | null> {
      const options = {
        title: 'Export notes',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [
          extension === 'md'
            ? { name: 'Markdown', extensions: ['md'] }
            : { name: 'W3C Web Annotation JSON', extensions: ['json', 'jsonld'] }
        ],
        // Linux (GTK) asks before replacing a file only when told to; macOS and Windows always ask.
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const]
      }
      const result = await withParent(
        (win) => dialog.showSaveDialog(win, options),
        () => dialog.showSaveDialog(options)
      )
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseFolder(): Promise<string | null> {
      const options = {
        title: 'Export notes: one file per briefing into this folder',
        defaultPath: app.getPath('documents'),
        properties: ['openDirectory' as const, 'createDirectory' as const]
      }
      const result = await withParent(
        (win) => dialog.showOpenDialog(win, options),
        () => dialog.showOpenDialog(options)
      )
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async confirmOverwrite(fileNames: string[]): Promise<boolean> {
      const options = {
        type: 'warning' as const,
        buttons: ['Replace', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: `Replace ${fileNames.length} existing file${fileNames.length === 1 ? '' : 's'}?`,
        detail: fileNames.join('\n')
      }
      const { response } = await withParent(
        (win) => dialog.showMessageBox(win, options),
        () => dialog.showMessageBox(options)
      )
      return response === 0
    },
    async chooseImportFiles(kind: 'annotations' | 'briefings'): Promise<string[]> {
      const options =
        kind === 'annotations'
          ? {
              title: 'Import annotations (W3C Web Annotation JSON)',
              filters: [{ name: 'W3C Web Annotation JSON', extensions: ['json', 'jsonld'] }],
              properties: ['openFile' as const]
            }
          : {
              title: 'Import briefings',
              filters: [
                {
                  name: 'Briefings',
                  extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'pdf', 'docx', 'eml', 'json']
                }
              ],
              properties: ['openFile' as const, 'multiSelections' as const]
            }
      const result = await withParent(
        (win) => dialog.showOpenDialog(win, options),
        () => dialog.showOpenDialog(options)
      )
      return result.canceled ? [] : result.filePaths
    }
  }
}

/** Asked on quit while annotation changes are not on disk: true means quit anyway. */
export async function confirmQuitUnsaved(
  parent: BrowserWindow | null,
  pending: number,
  error: string | undefined
): Promise<boolean> {
  const options = {
    type: 'warning' as const,
    buttons: ['Keep Briefing Reader open', 'Quit and lose them'],
    defaultId: 0,
    cancelId: 0,
    message: `${pending} annotation change${pending === 1 ? ' is' : 's are'} not saved yet`,
    detail: `The disk refused the write (${error ?? 'unknown error'}). Keep the app open and free some space; it keeps retrying.`
  }
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options)
  return response === 1
}
