// The Electron shell applies the security policy: checked with Electron mocked, since no
// Electron binary runs here. A window created without the hardened options, a guard left out or
// a protocol handler serving outside the renderer folder fails these tests.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useTempFolders } from '../test-support/temp-folders'

const temp = useTempFolders()

const electron = vi.hoisted(() => {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {}
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() }
  }
  return {
    handlers,
    session,
    BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: unknown) {
      this['options'] = options
      this['once'] = vi.fn()
      this['loadURL'] = vi.fn(async () => undefined)
    }),
    app: {
      on: vi.fn((event: string, fn: (...args: unknown[]) => unknown) => (handlers[event] = fn))
    },
    protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
    nativeTheme: { shouldUseDarkColors: false },
    dialog: { showMessageBox: vi.fn(async () => ({ response: 1 })) },
    shell: { openExternal: vi.fn(async () => undefined) }
  }
})

vi.mock('electron', () => ({
  BrowserWindow: electron.BrowserWindow,
  app: electron.app,
  protocol: electron.protocol,
  nativeTheme: electron.nativeTheme,
  dialog: electron.dialog,
  shell: electron.shell,
  session: { defaultSession: electron.session }
}))

const {
  confirmAndOpenExternal,
  createMainWindow,
  guardAllWebContents,
  hardenSession,
  registerAppScheme
} = await import('./window')
const { APP_CSP, createWindowOptions } = await import('./security/policy')

beforeEach(() => vi.clearAllMocks())

describe('hardened window', () => {
  it('is created with the policy window options and loads the app entry', () => {
    const win = createMainWindow('app://briefing-reader/index.html', false) as unknown as {
      options: { webPreferences: Record<string, unknown> }
      loadURL: ReturnType<typeof vi.fn>
    }
    const expected = createWindowOptions('x', false).webPreferences
    expect(win.options.webPreferences).toEqual({
      ...expected,
      preload: expect.stringMatching(/preload[\\/]index\.cjs$/)
    })
    expect(win.loadURL).toHaveBeenCalledWith('app://briefing-reader/index.html')
  })

  it('registers app:// as a secure standard scheme', () => {
    registerAppScheme()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ secure: true, standard: true })
      })
    ])
  })

  it('guards every webContents: no navigation, redirects, webviews or new windows', () => {
    guardAllWebContents()
    const listeners: Record<string, (event: { preventDefault(): void }, url?: string) => void> = {}
    const contents = {
      on: vi.fn((name: string, fn: (typeof listeners)[string]) => (listeners[name] = fn)),
      setWindowOpenHandler: vi.fn()
    }
    electron.handlers['web-contents-created']?.({}, contents)
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() }
      listeners[name]?.(event, 'https://example.org/')
      expect(event.preventDefault, name).toHaveBeenCalled()
    }
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown
    expect(openHandler()).toEqual({ action: 'deny' })
  })
})

describe('hardened session', () => {
  const dir = temp('renderer-')
  writeFileSync(join(dir, 'index.html'), '<!doctype html>')

  function setUp() {
    hardenSession(dir, undefined)
    const serve = electron.protocol.handle.mock.calls[0]?.[1] as (r: {
      url: string
    }) => Promise<Response>
    return { serve }
  }

  it('serves the renderer folder with the CSP header, and nothing outside it', async () => {
    const { serve } = setUp()
    const page = await serve({ url: 'app://briefing-reader/index.html' })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    for (const url of [
      'app://briefing-reader/..%2f..%2fetc%2fpasswd',
      'app://elsewhere/index.html',
      'app://briefing-reader/missing.js'
    ]) {
      expect((await serve({ url })).status, url).toBe(404)
    }
  })

  it('denies permissions and cancels every request that is not the app', () => {
    setUp()
    const request = electron.session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void
    ) => void
    const callback = vi.fn()
    request({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    const check = electron.session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      p: string
    ) => boolean
    expect(check({}, 'clipboard-read')).toBe(false)
    const filter = electron.session.webRequest.onBeforeRequest.mock.calls[0]?.[0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void
    ) => void
    const answers: boolean[] = []
    filter({ url: 'https://example.org/x.js' }, (r) => answers.push(r.cancel))
    filter({ url: 'app://briefing-reader/index.html' }, (r) => answers.push(r.cancel))
    expect(answers).toEqual([true, false])
    expect(electron.session.setSpellCheckerEnabled).toHaveBeenCalledWith(false)
  })
})

describe('external links', () => {
  const url = new URL('https://example.org/report')
  it('opens nothing when the analyst cancels', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 })
    expect(await confirmAndOpenExternal(null, url)).toBe(false)
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ detail: 'https://example.org/report', cancelId: 1, defaultId: 1 })
    )
  })
  it('opens the link once confirmed', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 })
    expect(await confirmAndOpenExternal(null, url)).toBe(true)
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/report')
  })
})
