// Specs against the real Electron app (Playwright's _electron): launch, the preload API and the
// single-instance lock. They need an Electron binary; where none is installed they are skipped
// with the reason printed, and must never be reported as passing.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { _electron as electron, expect, test } from '@playwright/test'

import { API_METHODS } from '../../src/shared/api-methods'
import type { BriefingApi } from '../../src/shared/briefing-api'
import { ROOT, SKIP_REASON, electronBinary } from './electron-binary'

const binary = electronBinary()
if (!binary) console.log(`[e2e/electron] skipped: ${SKIP_REASON}`)

test.describe('Electron app', () => {
  test.skip(!binary, SKIP_REASON)

  function launch(userDataDir: string) {
    return electron.launch({
      executablePath: binary,
      args: [join(ROOT, 'out/main/index.js'), `--user-data-dir=${userDataDir}`],
      cwd: ROOT
    })
  }

  test('launches a sandboxed window that reaches ready with the bundled briefing', async () => {
    const app = await launch(mkdtempSync(join(tmpdir(), 'briefing-electron-')))
    try {
      const page = await app.firstWindow()
      await page.waitForFunction(() => document.documentElement.dataset['appState'] === 'ready')
      await expect(page.getByTestId('briefing-card')).toHaveCount(1)
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const wc = BrowserWindow.getAllWindows()[0]!.webContents
        return (
          wc as unknown as { getLastWebPreferences(): Record<string, unknown> }
        ).getLastWebPreferences()
      })
      expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    } finally {
      await app.close()
    }
  })

  test('the preload exposes only window.briefing, and it answers', async () => {
    const app = await launch(mkdtempSync(join(tmpdir(), 'briefing-electron-')))
    try {
      const page = await app.firstWindow()
      await page.waitForFunction(() => document.documentElement.dataset['appState'] === 'ready')
      const seen = await page.evaluate(async () => {
        const w = window as unknown as Record<string, unknown>
        const api = w['briefing'] as { listBriefings(): Promise<{ ok: boolean; value: unknown[] }> }
        const list = await api.listBriefings()
        return {
          require: typeof w['require'],
          process: typeof w['process'],
          ipcRenderer: typeof w['ipcRenderer'],
          electron: typeof w['electron'],
          keys: Object.keys(api).sort(),
          ok: list.ok,
          n: list.value.length
        }
      })
      expect(seen).toEqual({
        require: 'undefined',
        process: 'undefined',
        ipcRenderer: 'undefined',
        electron: 'undefined',
        keys: [...Object.keys(API_METHODS), 'onMenuCommand'].sort(),
        ok: true,
        n: 1
      })
    } finally {
      await app.close()
    }
  })

  // pdf.js takes a utility process (process.type "utility") for a web page unless pdf.ts hides
  // the type while it loads; the harness only imitates that process.
  test('imports a PDF in its utility process', async () => {
    const app = await launch(mkdtempSync(join(tmpdir(), 'briefing-electron-')))
    try {
      const page = await app.firstWindow()
      await page.waitForFunction(() => document.documentElement.dataset['appState'] === 'ready')
      const base64 = readFileSync(join(ROOT, 'fixtures/import-formats/briefing.pdf')).toString(
        'base64'
      )
      const report = await page.evaluate(
        (file) =>
          (window as unknown as { briefing: BriefingApi }).briefing.importFiles({ files: [file] }),
        { name: 'briefing.pdf', base64 }
      )
      if (!report.ok) throw new Error(`the import failed: ${report.error.message}`)
      expect(report.value.failed).toEqual([])
      expect(report.value.imported.map((i) => i.title)).toEqual([
        'Second Thomas Shoal: resupply under pressure'
      ])
    } finally {
      await app.close()
    }
  })

  test('a second start focuses the first window and exits', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'briefing-electron-'))
    const app = await launch(userDataDir)
    try {
      await app.firstWindow()
      await app.evaluate(({ app: electronApp }) => {
        electronApp.once('second-instance', () => {
          ;(globalThis as Record<string, unknown>)['secondInstanceSeen'] = true
        })
      })
      const second = spawn(
        binary!,
        [join(ROOT, 'out/main/index.js'), `--user-data-dir=${userDataDir}`],
        { cwd: ROOT }
      )
      const code = await new Promise<number | null>((done) => second.on('exit', done))
      expect(code).toBe(0)
      expect(app.windows()).toHaveLength(1)
      await expect
        .poll(() =>
          app.evaluate(() => (globalThis as Record<string, unknown>)['secondInstanceSeen'])
        )
        .toBe(true)
      await expect
        .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getFocusedWindow() !== null))
        .toBe(true)
    } finally {
      await app.close()
    }
  })
})
