// The analyst annotates and gets around with the keyboard alone (no mouse event at all): a
// reading cursor moves by sentence and paragraph, Shift+arrows select, h / 1–5 / n highlight,
// highlights are reached in reading order and opened with Enter; focus follows what is opened,
// a skip link leads to the text, long lists are one tab stop, dialogs keep and return the focus.
import { expect, test } from '@playwright/test'

import { openApp } from './harness'
import type { OpenedApp } from './harness'
import { KeyboardPart } from './pages/keyboard.page'
import { NoteEditorPart } from './pages/notes.page'
import { PalettePage } from './pages/palette.page'
import { ReaderPage } from './pages/reader.page'

const FIRST = 'The two countries are in the process of finalizing the dates'
const SECOND = 'This time the dialogue will take place in Japan'
const THIRD = 'Though the timelines are still in the process'

let app: OpenedApp
let keys: KeyboardPart
let reader: ReaderPage
let palette: PalettePage

test.beforeEach(async () => {
  app = await openApp()
  keys = new KeyboardPart(app.page)
  reader = new ReaderPage(app.page)
  palette = new PalettePage(app.page)
})
test.afterEach(async () => {
  expect(app.cspViolations).toEqual([])
  expect(app.dialogs).toEqual([])
  await app.close()
})

/** Opens the QUAD briefing's "2+2" section through the palette, typing only. */
async function openDialogueSection(): Promise<void> {
  await keys.press('Control+K')
  await app.page.keyboard.type('quad summ')
  await expect(palette.activeItem).toHaveAttribute('data-kind', 'briefing')
  await keys.press('Enter')
  await expect(reader.outlineItems).toHaveCount(7)
  await keys.press('Control+K')
  await app.page.keyboard.type('2+2 minis')
  await expect(palette.activeItem).toHaveAttribute('data-kind', 'section')
  await keys.press('Enter')
  await expect(reader.heading).toHaveText('India-Japan 2+2 Ministerial Dialogue & More')
  await expect(reader.heading).toBeFocused()
}

test('the reading cursor moves by sentence and paragraph; Shift+arrows select; h and 3 highlight', async () => {
  await openDialogueSection()
  await keys.press('Tab')
  await expect(reader.text).toBeFocused()
  await keys.expectCursorOn(new RegExp(`^${FIRST}`))
  await expect(keys.cursorStatus).toHaveText(/^Sentence 1 of 9: The two countries/)

  await keys.press('ArrowDown')
  await keys.expectCursorOn(new RegExp(`^${SECOND}`))
  await expect(keys.cursorStatus).toHaveText(/^Sentence 2 of 9/)
  await keys.press('Control+ArrowDown')
  await keys.expectCursorOn(new RegExp(`^${THIRD}`))
  await keys.press('Alt+ArrowUp')
  await keys.expectCursorOn(new RegExp(`^${FIRST}`))

  // Shift+Down takes the cursor's sentence, then the next; Shift+Up gives one back.
  await keys.press('Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowUp')
  expect(await keys.selectedText()).toMatch(new RegExp(`^${FIRST}.*this year\\.$`))
  await expect(reader.toolbar).toBeVisible()
  await keys.press('h')
  const yellow = reader.highlightsOfColor('yellow')
  await expect
    .poll(async () => (await yellow.allTextContents()).join(''))
    .toMatch(new RegExp(`^${FIRST}.*this year\\.$`))
  await expect(reader.toolbar).toBeHidden()

  // Words: the next sentence's first three, then one less; 3 is the third colour.
  await keys.press('ArrowDown')
  await keys.expectCursorOn(new RegExp(`^${SECOND}`))
  await keys.press('Shift+ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowLeft')
  expect(await keys.selectedText()).toBe('This time')
  await keys.press('3')
  await expect(reader.highlightsOfColor('blue')).toHaveText(['This time'])
  await expect(reader.text).toBeFocused()
})

test('n highlights and opens the note; Escape saves it and returns focus; ] [ Tab and Enter reach highlights', async () => {
  await openDialogueSection()
  await keys.press('Tab', 'ArrowDown', 'ArrowDown')
  await keys.expectCursorOn(new RegExp(`^${THIRD}`))
  // With nothing selected, n takes the cursor's sentence.
  await keys.press('n')
  const note = new NoteEditorPart(reader.editor)
  await expect(note.input).toBeFocused()
  await app.page.keyboard.type('Check the *dates*')
  await expect(note.preview.locator('em')).toHaveText('dates')
  await keys.press('Control+Enter')
  await expect(reader.text.locator('.hl-noted')).toHaveCount(1)
  await keys.press('Escape')
  await expect(reader.editor).toBeHidden()
  const noted = reader.text.locator('[data-highlight-stop]')
  await expect(noted).toHaveCount(1)
  await expect(noted).toBeFocused()
  await expect(noted).toHaveText(new RegExp(`^${THIRD}`))

  // Enter opens the focused highlight's editor with the saved note; Escape comes back.
  await keys.press('Enter')
  await expect(reader.editor).toBeVisible()
  await expect(note.input).toHaveValue('Check the *dates*')
  await keys.press('Escape')
  await expect(reader.editor).toBeHidden()
  await expect(noted).toBeFocused()

  // A second highlight before it: [ and ] move in reading order, and so does Tab.
  await keys.press('ArrowUp', 'ArrowUp')
  await keys.expectCursorOn(new RegExp(`^${FIRST}`))
  await keys.press('2')
  const stops = reader.text.locator('[data-highlight-stop]')
  await expect(stops).toHaveCount(2)
  await keys.press(']')
  await expect(stops.nth(0)).toBeFocused()
  await keys.press(']')
  await expect(stops.nth(1)).toBeFocused()
  await keys.press('[')
  await expect(stops.nth(0)).toBeFocused()
  await keys.press('Tab')
  await expect(stops.nth(1)).toBeFocused()
  await keys.press('Shift+Tab', 'Shift+Tab')
  await expect(reader.text).toBeFocused()
  await keys.press('Tab', 'Enter')
  await expect(reader.editor).toHaveAttribute('data-color', 'green')
  await expect(reader.editor).toBeFocused()
})
