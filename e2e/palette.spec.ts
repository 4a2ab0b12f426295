// The analyst gets around by keyboard: the command palette finds commands, sections and
// briefings by a fuzzy query; `?` lists every key; Alt+Left / Alt+Right and the mouse's back and
// forward buttons move between places read, also after opening a search hit.
import { expect, test } from '@playwright/test'

import { openApp } from './harness'
import type { OpenedApp } from './harness'
import { LibraryPage } from './pages/library.page'
import { PalettePage } from './pages/palette.page'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

let app: OpenedApp
test.beforeEach(async () => {
  app = await openApp()
})
test.afterEach(async () => {
  expect(app.cspViolations).toEqual([])
  await app.close()
})

test('Ctrl+K finds a briefing, a section and a command by a fuzzy query; Enter runs it', async () => {
  const palette = new PalettePage(app.page)
  const reader = new ReaderPage(app.page)
  await palette.find('quad summ')
  await expect(palette.activeItem).toHaveAttribute('data-kind', 'briefing')
  await app.page.keyboard.press('Enter')
  await expect(palette.dialog).toBeHidden()
  await expect(reader.outlineItems).toHaveCount(7)

  await palette.find('milcoop')
  await expect(palette.activeItem).toHaveAttribute('data-kind', 'section')
  await expect(palette.activeItem).toContainText('Military Cooperation')
  await app.page.keyboard.press('Enter')
  await expect(reader.heading).toHaveText('Military Cooperation')

  // Arrows move the choice; the command shows its keys.
  await palette.find('nxt sect')
  await expect(palette.activeItem).toContainText('Next Section')
  await expect(palette.activeItem).toContainText('J')
  await app.page.keyboard.press('Enter')
  await expect(reader.heading).toHaveText('Bilateral Talks')

  await palette.find('golib')
  await expect(palette.activeItem).toContainText('Go to Library')
  await app.page.keyboard.press('Enter')
  await expect(new LibraryPage(app.page).cards).toHaveCount(1)
})

test('arrows choose among matches and Escape closes the palette without running anything', async () => {
  const palette = new PalettePage(app.page)
  await app.page.keyboard.press('Control+Shift+P')
  await expect(palette.input).toBeFocused()
  await palette.input.fill('o')
  const first = await palette.activeItem.textContent()
  await app.page.keyboard.press('ArrowDown')
  await expect(palette.items.nth(1)).toHaveAttribute('aria-selected', 'true')
  expect(await palette.activeItem.textContent()).not.toBe(first)
  await app.page.keyboard.press('ArrowUp')
  await expect(palette.items.nth(0)).toHaveAttribute('aria-selected', 'true')
  await palette.input.fill('zzqx')
  await expect(palette.page.getByTestId('palette-empty')).toBeVisible()
  await app.page.keyboard.press('Escape')
  await expect(palette.dialog).toBeHidden()
  await expect(new LibraryPage(app.page).cards).toHaveCount(1)
  // At once again: the close race of the dialog shell does not swallow a quick reopen.
  await app.page.keyboard.press('Control+K')
  await expect(palette.input).toBeFocused()
  await expect(palette.input).toHaveValue('')
})

test('? and F1 open the sheet listing every key', async () => {
  const palette = new PalettePage(app.page)
  await app.page.locator('body').press('?')
  await expect(palette.sheet).toBeVisible()
  for (const [id, keys] of [
    ['palette', /Ctrl\+K.*Ctrl\+Shift\+P/],
    ['shortcut-sheet', /\?.*F1/],
    ['back', /Alt\+←.*Mouse back button/],
    ['forward', /Alt\+→/],
    ['find', /Ctrl\+F.*\//],
    ['export-notes', /Ctrl\+E/],
    ['next-section', /J/],
    ['previous-section', /K/],
    ['highlight', /H/],
    ['note-selection', /N/],
    ['undo', /Ctrl\+Z/],
    ['redo', /Ctrl\+Shift\+Z.*Ctrl\+Y/]
  ] as const) {
    await expect(palette.sheetRow(id)).toContainText(keys)
  }
  await app.page.keyboard.press('Escape')
  await expect(palette.sheet).toBeHidden()
  await app.page.keyboard.press('F1')
  await expect(palette.sheet).toBeVisible()
})

test('Alt+Left goes back to the place read before a search hit, Alt+Right forward again', async () => {
  const reader = new ReaderPage(app.page)
  await new LibraryPage(app.page).open(/QUAD/)
  await reader.outlineItems.filter({ hasText: 'Military Cooperation' }).click()
  await expect(reader.heading).toHaveText('Military Cooperation')

  const search = new SearchPage(app.page)
  await search.search('Kishida')
  await search
    .hit(/Overview|lead/i)
    .first()
    .click()
  await expect(reader.searchMarks.first()).toBeVisible()
  await expect(reader.heading).not.toHaveText('Military Cooperation')

  await app.page.locator('body').press('Alt+ArrowLeft')
  await expect(reader.heading).toHaveText('Military Cooperation')
  await app.page.locator('body').press('Alt+ArrowRight')
  await expect(reader.text).toContainText('Fumio Kishida')
  await expect(reader.heading).not.toHaveText('Military Cooperation')

  // The mouse's back and forward buttons (3 and 4) do the same; Playwright's mouse has no such
  // buttons, so the button's release is sent as the window receives it.
  const release = (button: number): Promise<void> =>
    app.page.evaluate((b) => {
      window.dispatchEvent(new MouseEvent('mouseup', { button: b, bubbles: true }))
    }, button)
  await release(3)
  await expect(reader.heading).toHaveText('Military Cooperation')
  await release(4)
  await expect(reader.text).toContainText('Fumio Kishida')
})
