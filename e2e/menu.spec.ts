// Commands chosen in the application menu: Find focuses the search box; Undo and Redo act on the
// annotations in the reader, but on the typed text while a text field has focus; Export Notes…
// opens the export dialog, and nothing behind it reacts to the menu or the keys meanwhile; chosen
// right after Escape, it opens the dialog again for good.
import { expect, test } from '@playwright/test'

import { openApp } from './harness'
import type { OpenedApp } from './harness'
import { ExportDialogPage } from './pages/export.page'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

const PHRASE = 'Special Strategic and Global Partnership'

let app: OpenedApp
let reader: ReaderPage

async function start(): Promise<void> {
  app = await openApp()
  await new LibraryPage(app.page).open(/QUAD/)
  reader = new ReaderPage(app.page)
}

test.afterEach(async () => {
  expect(app.cspViolations).toEqual([])
  expect(app.dialogs).toEqual([])
  await app.close()
})

test('Find focuses the search box in the library and in the reader', async () => {
  app = await openApp()
  const search = new SearchPage(app.page)
  await app.menu('find')
  await expect(search.input).toBeFocused()

  await search.search('Tokyo')
  // Wait for the results, then close them: an open results list covers the library cards.
  await expect(search.hits.first()).toBeVisible()
  await search.input.press('Escape')
  await expect(search.results).toBeHidden()
  await new LibraryPage(app.page).open(/QUAD/)
  reader = new ReaderPage(app.page)
  await expect(search.input).not.toBeFocused()
  await app.menu('find')
  await expect(search.input).toBeFocused()
  // Like "/", it selects what is there so typing replaces the query.
  await app.page.keyboard.type('Osaka')
  await expect(search.input).toHaveValue('Osaka')
})

test('Undo removes the last highlight and Redo brings it back', async () => {
  await start()
  await reader.highlightText(PHRASE, 'Key point')
  await expect(reader.highlightPieces).toHaveText([PHRASE])
  const [id] = await reader.highlightIds()

  await app.menu('undo')
  await expect(reader.highlightPieces).toHaveCount(0)
  await expect(reader.redoButton).toBeEnabled()
  await app.menu('redo')
  await expect(reader.highlight(id!)).toHaveText([PHRASE])
  await expect(reader.redoButton).toBeDisabled()
})

test('Undo while typing a note undoes the typing, not the highlight', async () => {
  await start()
  await reader.selectText(PHRASE)
  await reader.pressKey('n')
  const note = reader.editor.getByTestId('note-input')
  await expect(note).toBeFocused()
  await app.page.keyboard.type('First thoughts')
  await expect(note).toHaveValue('First thoughts')

  await app.menu('undo')
  await expect(note).toHaveValue('')
  await app.menu('redo')
  await expect(note).toHaveValue('First thoughts')
  // An annotation undo would have answered by now; the highlight and its editor are still there.
  await app.page.waitForTimeout(300)
  await expect(reader.highlightPieces).toHaveText([PHRASE])
  await expect(note).toBeFocused()
})

test('Export Notes… opens the dialog; behind it, menu commands and keys do nothing', async () => {
  await start()
  await reader.highlightText(PHRASE, 'Key point')
  const dialog = new ExportDialogPage(app.page)
  await app.menu('export-notes')
  await expect(dialog.dialog).toBeVisible()
  await expect(dialog.option('This briefing')).toBeChecked()

  await app.menu('undo')
  await app.menu('find')
  await app.page.keyboard.press('j')
  await app.page.keyboard.press('Control+z')
  await expect(new SearchPage(app.page).input).not.toBeFocused()
  await app.page.waitForTimeout(300)
  await expect(reader.heading).toHaveText('Overview')
  await expect(reader.highlightPieces).toHaveText([PHRASE])

  // Tab and Shift+Tab go round inside the dialog.
  const inDialog = (): Promise<boolean> =>
    app.page.evaluate(() => document.activeElement?.closest('dialog') !== null)
  for (const key of [...Array<string>(12).fill('Tab'), ...Array<string>(12).fill('Shift+Tab')]) {
    await app.page.keyboard.press(key)
    expect(await inDialog()).toBe(true)
  }

  // Escape closes it and gives the page back.
  await app.page.keyboard.press('Escape')
  await expect(dialog.dialog).toBeHidden()
  await app.menu('undo')
  await expect(reader.highlightPieces).toHaveCount(0)
})

test('Export Notes… right after Escape opens the dialog again, and it stays open', async () => {
  await start()
  const dialog = new ExportDialogPage(app.page)
  await app.menu('export-notes')
  await expect(dialog.dialog).toBeVisible()
  // Escape closes through the state at once; the browser's `close` event comes a task later, by
  // when the menu has opened the dialog again: that late event must not close it.
  const openAfterLateClose = await app.page.evaluate(async () => {
    const element = document.querySelector<HTMLDialogElement>('[data-testid="export-dialog"]')!
    const lateClose = new Promise<void>((resolve) =>
      element.addEventListener('close', () => resolve(), { once: true })
    )
    element.dispatchEvent(new Event('cancel', { cancelable: true }))
    await Promise.resolve()
    const emit = (window as unknown as { __briefingEmit(command: string): void }).__briefingEmit
    emit('export-notes')
    await lateClose
    await Promise.resolve()
    return element.open
  })
  expect(openAfterLateClose).toBe(true)
  await expect(dialog.dialog).toBeVisible()
  await expect(dialog.option('This briefing')).toBeChecked()
})
