// Reading settings: each choice changes the reading text at once, survives reopening the app on
// the same profile, and Ctrl+= / - / 0 size the text only (not the rest of the window).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { openApp } from './harness'
import type { OpenedApp } from './harness'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'
import { ReadingSettingsPage } from './pages/reading-settings.page'

let app: OpenedApp | undefined
let profile: string
test.beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'briefing-reading-'))
})
test.afterEach(async () => {
  await app?.close()
  app = undefined
  rmSync(profile, { recursive: true, force: true })
})

async function openReader(options: { colorScheme?: 'light' | 'dark' } = {}) {
  app = await openApp({ userDataDir: profile, viewport: { width: 1280, height: 800 }, ...options })
  await new LibraryPage(app.page).open(/QUAD/)
  const reader = new ReaderPage(app.page)
  await expect(reader.text).toBeVisible()
  return { page: app.page, reader, settings: new ReadingSettingsPage(app.page) }
}

/** What the preferences file holds for the reading settings (written by main). */
function savedReading(): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(join(profile, 'preferences.json'), 'utf8')).reading
  } catch {
    return undefined
  }
}

test('each setting changes the reading text and is there after reopening the app', async () => {
  const { settings } = await openReader()
  const before = await settings.styles()
  expect(before.theme).toBe('light')

  await settings.choose('font', 'Serif')
  await expect.poll(async () => (await settings.styles()).fontFamily).toContain('Reader Serif')
  // The bundled font file itself is loaded (from the app, under the CSP), not a system fallback.
  const serifLoaded = () =>
    settings.page.evaluate(() =>
      [...document.fonts].some((f) => f.family.includes('Reader Serif') && f.status === 'loaded')
    )
  await expect.poll(serifLoaded).toBe(true)
  await settings.larger()
  await expect.poll(async () => (await settings.styles()).fontSize).toBe('18px')
  await settings.choose('spacing', 'Relaxed')
  await expect.poll(async () => (await settings.styles()).lineHeight).toBe('36px')
  await settings.choose('width', 'Narrow')
  await expect
    .poll(async () => (await settings.styles()).columnWidth)
    .toBeLessThan(before.columnWidth)
  await settings.choose('theme', 'Sepia')
  await expect.poll(async () => (await settings.styles()).theme).toBe('sepia')
  const changed = await settings.styles()
  expect(changed.background).not.toBe(before.background)
  await expect
    .poll(savedReading)
    .toEqual({ font: 'serif', size: 18, spacing: 'relaxed', width: 'narrow', theme: 'sepia' })
  await app?.close()

  const again = await openReader()
  await expect.poll(async () => (await again.settings.styles()).theme).toBe('sepia')
  expect(await again.settings.styles()).toEqual(changed)
  await again.settings.open()
  await expect(again.settings.size).toHaveText('18 px')
})

test('a manual theme overrides the OS; System follows it', async () => {
  const { settings } = await openReader({ colorScheme: 'dark' })
  expect((await settings.styles()).theme).toBe('dark')
  await settings.choose('theme', 'Light')
  await expect.poll(async () => (await settings.styles()).theme).toBe('light')
  await settings.choose('theme', 'System')
  await expect.poll(async () => (await settings.styles()).theme).toBe('dark')
  await settings.choose('theme', 'Sepia')
  await expect.poll(async () => (await settings.styles()).theme).toBe('sepia')
})

test('Ctrl+= / - / 0 change the size of the reading text only', async () => {
  const { page, reader, settings } = await openReader()
  const before = await settings.styles()
  expect(before.fontSize).toBe('17px')
  await reader.text.click()
  await page.keyboard.press('Control+Equal')
  await expect.poll(async () => (await settings.styles()).fontSize).toBe('18px')
  await page.keyboard.press('Control+Equal')
  await expect.poll(async () => (await settings.styles()).fontSize).toBe('20px')
  const after = await settings.styles()
  // The rest of the window keeps its size: no zoom of the whole page.
  expect(after.bodyFontSize).toBe(before.bodyFontSize)
  expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1)
  await page.keyboard.press('Control+Minus')
  await expect.poll(async () => (await settings.styles()).fontSize).toBe('18px')
  await page.keyboard.press('Control+Digit0')
  await expect.poll(async () => (await settings.styles()).fontSize).toBe('17px')
})

test('View ▸ Reading Settings… opens the popover, Escape closes it', async () => {
  const { settings } = await openReader()
  await app?.menu('reading-settings')
  await expect(settings.popover).toBeVisible()
  await settings.popover.press('Escape')
  await expect(settings.popover).toBeHidden()
  await app?.menu('text-bigger')
  await expect.poll(async () => (await settings.styles()).fontSize).toBe('18px')
})
