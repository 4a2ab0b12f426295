// ============================================================================================
// SECURITY POLICY — change only with Electron's security checklist at hand
// (https://www.electronjs.org/docs/latest/tutorial/security). Pure decisions, no Electron import:
// window options, CSP, which senders/navigations/requests/permissions are allowed. The Electron
// shell (window.ts) applies them; policy.test.ts pins them.
// ============================================================================================

import { isAbsolute, relative, resolve, sep } from 'node:path'

import type { SenderInfo } from '../ipc/router'

/** The custom scheme the packaged renderer is served from (checklist #18: avoid file://). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'briefing-reader'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * The renderer's Content-Security-Policy (checklist #7). Same string as the meta tag in
 * src/renderer/index.html (a test keeps them equal): nothing remote, no eval, no inline script
 * or style, no plugins, frames, workers or forms.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "media-src 'none'"
].join('; ')

/** The subset of BrowserWindow options that the checklist is about, plus the window's look. */
export interface HardenedWindowOptions {
  width: number
  height: number
  minWidth: number
  minHeight: number
  show: boolean
  title: string
  backgroundColor: string
  webPreferences: {
    preload: string
    sandbox: true
    contextIsolation: true
    nodeIntegration: false
    nodeIntegrationInWorker: false
    nodeIntegrationInSubFrames: false
    webSecurity: true
    allowRunningInsecureContent: false
    experimentalFeatures: false
    webviewTag: false
    navigateOnDragDrop: false
    spellcheck: false
    devTools: boolean
  }
}

export function createWindowOptions(preloadPath: string, devTools: boolean): HardenedWindowOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Briefing Reader',
    backgroundColor: '#1c1f24',
    webPreferences: {
      preload: preloadPath,
      sandbox: true, // checklist #4
      contextIsolation: true, // checklist #3
      nodeIntegration: false, // checklist #2
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true, // checklist #6
      allowRunningInsecureContent: false, // checklist #8
      experimentalFeatures: false, // checklist #9
      webviewTag: false, // checklist #11/#12: no <webview> at all
      navigateOnDragDrop: false, // a dropped file must never replace the app page
      spellcheck: false, // the spellchecker downloads dictionaries: no network, ever
      devTools
    }
  }
}

/**
 * Checklist #17: IPC is accepted only from the top frame of a page at the app's own address.
 * `appUrl` is the entry URL (app://briefing-reader/index.html, or the dev server's URL).
 */
export function createTrustedSenderCheck(appUrl: string): (sender: SenderInfo) => boolean {
  const app = new URL(appUrl)
  return (sender) => {
    if (!sender.isMainFrame) return false
    let url: URL
    try {
      url = new URL(sender.url)
    } catch {
      return false
    }
    return url.protocol === app.protocol && url.host === app.host && url.pathname === app.pathname
  }
}

/** Checklist #13: the window never navigates away from the app page (not even to itself). */
export function isNavigationAllowed(_targetUrl: string): boolean {
  return false
}

/** Checklist #5: every permission request and check is denied; the app needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false
}

/**
 * "The app makes no network request, ever": only the app's own origin, devtools and data: URLs
 * load; during development also the local dev server (and its HMR socket).
 */
export function isRequestAllowed(url: string, devServerUrl?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:') return true
  if (devServerUrl) {
    const dev = new URL(devServerUrl)
    const devOrigin = (protocol: string) => `${protocol}//${dev.host}`
    if (`${parsed.protocol}//${parsed.host}` === devOrigin(dev.protocol)) return true
    if (`${parsed.protocol}//${parsed.host}` === devOrigin('ws:')) return true
  }
  return false
}

/**
 * Maps an app:// request to a file inside the renderer folder, or null when the URL is not ours
 * or escapes the folder (`..`, encoded separators, absolute paths).
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  return confinedPath(rendererDir, url.pathname)
}

/**
 * The file a URL path names inside `root`, or null when it is malformed or would leave `root`
 * (decoded `..`, backslashes, NUL). "/" is index.html.
 */
export function confinedPath(root: string, urlPathname: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(urlPathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
  const base = resolve(root)
  const file = resolve(base, relativePath)
  const rel = relative(base, file)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    return null
  }
  return file
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/** Headers of every app:// response: its type, the CSP as a header too, and no sniffing. */
export function appResponseHeaders(file: string): Record<string, string> {
  const dot = file.lastIndexOf('.')
  const type = CONTENT_TYPES[dot === -1 ? '' : file.slice(dot).toLowerCase()]
  return {
    'content-type': type ?? 'application/octet-stream',
    'content-security-policy': APP_CSP,
    'x-content-type-options': 'nosniff'
  }
}

/**
 * The dev server URL to load instead of app://, only in a development build and only when it
 * is a loopback http URL: an environment variable must never point the app elsewhere.
 */
export function devServerUrlFrom(
  value: string | undefined,
  isDevBuild: boolean
): string | undefined {
  if (!isDevBuild || !value) return undefined
  try {
    const url = new URL(value)
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    return url.protocol === 'http:' && loopback ? url.href : undefined
  } catch {
    return undefined
  }
}

/**
 * Checklist #15: only a well-formed https URL from a note may be opened externally, and only
 * after the analyst confirms. Returns the normalised URL, or null for anything else
 * (javascript:, file:, data:, http:, embedded credentials, no host).
 */
export function parseExternalLink(raw: string): URL | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null
  return url
}
