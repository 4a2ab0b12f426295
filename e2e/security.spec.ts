// Dataset text is untrusted: markup in it is shown as text and never runs or loads anything;
// the page sees only the named briefing API, nothing of Node or Electron.
import { rmSync } from 'node:fs'

import { expect, test } from '@playwright/test'

import { API_METHODS } from '../src/shared/api-methods'
import { HOSTILE, writeHostileDataset } from './fixtures/hostile-dataset'
import { openApp } from './harness'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

test('markup in a dataset renders as inert text: no dialog, no CSP violation, no request', async () => {
  const datasetDir = writeHostileDataset()
  const app = await openApp({ datasetDir })
  try {
    const { page } = app
    const library = new LibraryPage(page)
    await expect(library.cards.first()).toContainText(`Hostile ${HOSTILE.script} briefing`)
    await library.open(/Hostile/)
    const reader = new ReaderPage(page)
    await expect(reader.heading).toContainText(HOSTILE.img)
    await expect(reader.text).toContainText(HOSTILE.img)
    await expect(reader.text).toContainText(HOSTILE.script)
    await expect(reader.text).toContainText(HOSTILE.link)
    await expect(reader.mentionsOf('mallory')).toHaveText('Mallory <b onmouseover="alert(3)">')
    await reader.entityItem('mallory').click()
    const search = new SearchPage(page)
    await search.search('report')
    await search.hits.first().click()
    // The hostile text is shown again with the search term marked inside it.
    await expect(reader.searchMarks.first()).toHaveText('Report')
    await expect(reader.text).toContainText(HOSTILE.img)
    // Nothing the dataset "contains" became an element: only the app's own bundle is a script.
    const elements = await page.evaluate(() => ({
      injected: document.querySelectorAll(
        'img, iframe, a[href^="javascript"], [onerror], [onload], [onmouseover]'
      ).length,
      scripts: [...document.scripts].map((s) => s.src.replace(location.origin, ''))
    }))
    expect(elements.injected).toBe(0)
    expect(elements.scripts).toEqual([expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/)])
    expect(app.dialogs).toEqual([])
    expect(app.cspViolations).toEqual([])
    expect(app.externalRequests).toEqual([])
  } finally {
    await app.close()
    rmSync(datasetDir, { recursive: true, force: true })
  }
})

test('the page has no require, process or ipcRenderer; window.briefing is only the named API', async () => {
  const app = await openApp()
  try {
    const globals = await app.page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>
      const briefing = w['briefing'] as Record<string, unknown>
      return {
        require: typeof w['require'],
        process: typeof w['process'],
        ipcRenderer: typeof w['ipcRenderer'],
        electron: typeof w['electron'],
        module: typeof w['module'],
        ipcBinding: typeof w['__briefingIpc'],
        api: Object.keys(briefing).sort(),
        frozen: Object.isFrozen(briefing),
        apiTypes: Object.values(briefing).map((v) => typeof v)
      }
    })
    expect(globals).toMatchObject({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      module: 'undefined',
      ipcBinding: 'undefined',
      api: [...Object.keys(API_METHODS), 'onMenuCommand'].sort(),
      frozen: true
    })
    expect(new Set(globals.apiTypes)).toEqual(new Set(['function']))
    expect(app.externalRequests).toEqual([])
    expect(app.cspViolations).toEqual([])
  } finally {
    await app.close()
  }
})

test('main refuses IPC with a bad argument, with a clear error the page can read', async () => {
  const app = await openApp()
  try {
    const result = await app.page.evaluate(() =>
      (
        window as unknown as { briefing: { getBriefing(r: unknown): Promise<unknown> } }
      ).briefing.getBriefing({
        id: '../../etc/passwd', // check-standalone: not a path
        path: '/etc/passwd'
      })
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
  } finally {
    await app.close()
  }
})
