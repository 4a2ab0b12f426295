import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  APP_CSP,
  APP_ENTRY_URL,
  createTrustedSenderCheck,
  createWindowOptions,
  isNavigationAllowed,
  isPermissionGranted,
  isRequestAllowed,
  parseExternalLink,
  resolveAppAsset
} from './policy'

const ROOT = resolve(__dirname, '../../..')

function cspOf(html: string): string {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('no CSP meta tag found')
  return match[1]
}

describe('window options (Electron security checklist)', () => {
  const options = createWindowOptions('/app/out/preload/index.cjs', false)
  it('sandboxes the renderer with context isolation and no Node', () => {
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false
    })
    expect(options.webPreferences.preload).toMatch(/\.cjs$/)
  })
})

describe('content security policy', () => {
  const directives = new Map(
    APP_CSP.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values] as const
    })
  )
  it('denies by default and allows nothing remote, inline or eval', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(APP_CSP).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/)
  })
  it('is the policy the renderer page declares, in source and in the build', () => {
    expect(cspOf(readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8'))).toBe(APP_CSP)
    const built = join(ROOT, 'out/renderer/index.html')
    expect(cspOf(readFileSync(built, 'utf8')), 'run npm run build:bundles first').toBe(APP_CSP)
  })
})

describe('trusted IPC senders', () => {
  const trusted = createTrustedSenderCheck(APP_ENTRY_URL)
  it('accepts only the app page in the top frame', () => {
    expect(trusted({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true)
    expect(trusted({ url: `${APP_ENTRY_URL}#section`, isMainFrame: true })).toBe(true)
    expect(trusted({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false)
    expect(trusted({ url: 'app://briefing-reader/other.html', isMainFrame: true })).toBe(false)
    expect(trusted({ url: 'https://briefing-reader/index.html', isMainFrame: true })).toBe(false)
    expect(trusted({ url: 'file:///index.html', isMainFrame: true })).toBe(false)
    expect(trusted({ url: '', isMainFrame: true })).toBe(false)
  })
  it('works for a dev server origin too', () => {
    const dev = createTrustedSenderCheck('http://localhost:5173/')
    expect(dev({ url: 'http://localhost:5173/', isMainFrame: true })).toBe(true)
    expect(dev({ url: 'http://localhost:5174/', isMainFrame: true })).toBe(false)
  })
})

describe('navigation, permissions and requests', () => {
  it('denies all navigation and every permission', () => {
    expect(isNavigationAllowed('https://example.org/')).toBe(false)
    expect(isNavigationAllowed(APP_ENTRY_URL)).toBe(false)
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read'
    ]) {
      expect(isPermissionGranted(permission)).toBe(false)
    }
  })
  it('lets only the app origin load; the dev server only during development', () => {
    expect(isRequestAllowed('app://briefing-reader/assets/index.js')).toBe(true)
    expect(isRequestAllowed('app://elsewhere/x.js')).toBe(false)
    expect(isRequestAllowed('https://example.org/tracker.gif')).toBe(false)
    expect(isRequestAllowed('http://localhost:5173/src/main.ts')).toBe(false)
    expect(isRequestAllowed('http://localhost:5173/src/main.ts', 'http://localhost:5173/')).toBe(
      true
    )
    expect(isRequestAllowed('ws://localhost:5173/', 'http://localhost:5173/')).toBe(true)
    expect(isRequestAllowed('http://localhost:9999/', 'http://localhost:5173/')).toBe(false)
    expect(isRequestAllowed('not a url')).toBe(false)
  })
})

describe('app:// asset resolution', () => {
  const dir = '/opt/app/renderer'
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppAsset(dir, 'app://briefing-reader/')).toBe('/opt/app/renderer/index.html')
    expect(resolveAppAsset(dir, 'app://briefing-reader/assets/a.js')).toBe(
      '/opt/app/renderer/assets/a.js'
    )
  })
  it('refuses anything that escapes the folder or is not ours', () => {
    // URL parsing already folds a literal "/../" into the folder: it must still land inside.
    expect(resolveAppAsset(dir, 'app://briefing-reader/../../etc/passwd')).toBe(
      '/opt/app/renderer/etc/passwd'
    )
    for (const url of [
      'app://briefing-reader/assets/%2e%2e%2f%2e%2e%2fsecret',
      'app://briefing-reader/..%2f..%2fetc/passwd',
      'app://briefing-reader/%5c..%5csecret',
      'app://briefing-reader/a%00.js',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://briefing-reader/%E0%A4%A'
    ]) {
      expect(resolveAppAsset(dir, url), url).toBeNull()
    }
  })
})

describe('external links from notes', () => {
  it('accepts only plain https URLs', () => {
    expect(parseExternalLink('https://example.org/a?b=c#d')?.href).toBe(
      'https://example.org/a?b=c#d'
    )
    for (const raw of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'http://example.org/',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'https://user:pw@example.org/',
      'app://briefing-reader/index.html',
      'not a url',
      ''
    ]) {
      expect(parseExternalLink(raw), raw).toBeNull()
    }
  })
})
