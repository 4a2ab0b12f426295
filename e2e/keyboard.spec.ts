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
import { SearchPage } from './pages/search.page'

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
  await expect(reader.openedSection).toBeFocused()
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
  // Escape closes the editor and keeps what was typed (no Save pressed).
  await keys.press('Escape')
  await expect(reader.editor).toBeHidden()
  await expect(reader.text.locator('.hl-noted')).toHaveCount(1)
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
  // The focused highlight's colour meaning shows above it (as hovering shows it in the title).
  const label = app.page.getByTestId('highlight-focus-label')
  await expect(label).toHaveText((await stops.nth(1).getAttribute('data-label'))!)
  const labelBox = (await label.boundingBox())!
  const stopBox = (await stops.nth(1).boundingBox())!
  expect(labelBox.y + labelBox.height).toBeLessThanOrEqual(stopBox.y)
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

/** Opens the QUAD briefing through the palette, typing only. */
async function openBriefing(): Promise<void> {
  await keys.press('Control+K')
  await app.page.keyboard.type('quad summ')
  await expect(palette.activeItem).toHaveAttribute('data-kind', 'briefing')
  await keys.press('Enter')
  await expect(reader.outlineItems).toHaveCount(7)
}

test('focus goes to the opened briefing, section and search hit; Skip to text is the first stop', async () => {
  await openBriefing()
  const title = app.page.getByTestId('briefing-title')
  await expect(title).toBeFocused()
  await expect(title).toHaveAttribute('tabindex', '-1')

  // A section from the outline (reached with Tab, pressed with Enter).
  await keys.tabTo(reader.outlineItems.nth(3), { back: true })
  await keys.press('Enter')
  await expect(reader.heading).toHaveText('Military Cooperation')
  await expect(reader.openedSection).toBeFocused()

  // A search hit: "/" then arrows and Enter.
  const search = new SearchPage(app.page)
  await keys.press('/')
  await expect(search.input).toBeFocused()
  await app.page.keyboard.type('Kishida')
  await expect(search.hits.first()).toBeVisible()
  const heading = await search.hits.first().getByTestId('search-hit-heading').textContent()
  await keys.press('ArrowDown', 'Enter')
  await expect(reader.searchMarks.first()).toBeVisible()
  await expect(reader.openedSection).toBeFocused()
  await expect(reader.heading).toHaveText(heading ?? '')

  // The skip link comes before every other tab stop, shows when focused and leads to the text.
  const first = await app.page.evaluate(() => {
    const stops = [...document.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex]')]
    return stops.find((el) => el.tabIndex >= 0 && !el.matches(':disabled'))?.dataset['testid']
  })
  expect(first).toBe('skip-to-text')
  await keys.tabTo(keys.skipLink, { back: true })
  await expect(keys.skipLink).toBeInViewport()
  await keys.press('Enter')
  await expect(reader.text).toBeFocused()
  await expect(keys.cursorStatus).toHaveText(/^Sentence 1 of/)
})

test('the entity list and each facet list are one tab stop; arrows, Home and End move inside', async () => {
  await openBriefing()
  const items = reader.entityPanel.getByTestId('entity-item')
  const count = await items.count()
  expect(count).toBeGreaterThan(5)
  await keys.tabTo(items.first())
  // One Tab leaves the list, Shift+Tab comes back to the same item.
  await keys.press('Tab')
  await expect(reader.entityPanel.locator(':focus')).toHaveCount(0)
  await keys.press('Shift+Tab')
  await expect(items.first()).toBeFocused()
  await keys.press('ArrowDown', 'ArrowDown')
  await expect(items.nth(2)).toBeFocused()
  await keys.press('End')
  await expect(items.nth(count - 1)).toBeFocused()
  await keys.press('Home')
  await expect(items.first()).toBeFocused()
  await keys.press('ArrowDown', 'Enter')
  await expect(items.nth(1)).toHaveAttribute('aria-pressed', 'true')
  await expect(items.nth(1)).toHaveAttribute('tabindex', '0')
  await expect(reader.entityPanel.locator('[data-testid="entity-item"][tabindex="0"]')).toHaveCount(
    1
  )

  const search = new SearchPage(app.page)
  await keys.press('/')
  await app.page.keyboard.type('Japan')
  const entities = search.facets.locator('[data-facet="entity"] ul button')
  await expect(entities.nth(2)).toBeVisible()
  await keys.tabTo(entities.first())
  await keys.press('ArrowDown')
  await expect(entities.nth(1)).toBeFocused()
  await keys.press('Tab')
  await expect(search.facets.locator('[data-facet="entity"] :focus')).toHaveCount(0)
})

test('dialogs keep Tab inside and give the focus back when they close', async () => {
  await openDialogueSection()
  await keys.press('Tab')
  await expect(reader.text).toBeFocused()

  // The shortcut sheet lists the reading cursor's keys.
  await keys.press('?')
  await expect(palette.sheet).toBeVisible()
  await expect(palette.sheetRow('cursor-next-sentence')).toContainText('↓')
  await expect(palette.sheetRow('extend-word-forward')).toContainText('Shift+→')
  await expect(palette.sheetRow('highlight-color')).toContainText('3')
  await expect(palette.sheetRow('next-highlight')).toContainText(']')
  for (let i = 0; i < 6; i++) {
    await keys.press(i % 2 === 0 ? 'Tab' : 'Shift+Tab', 'Tab')
    await expect(palette.sheet.locator(':focus')).toHaveCount(1)
  }
  await keys.press('Escape')
  await expect(palette.sheet).toBeHidden()
  await expect(reader.text).toBeFocused()

  // The export dialog (from the palette), with more controls: Tab goes round inside it.
  const exportDialog = app.page.getByTestId('export-dialog')
  await keys.press('Control+K')
  await app.page.keyboard.type('export notes')
  await expect(palette.activeItem).toContainText('Export Notes')
  await keys.press('Enter')
  await expect(exportDialog).toBeVisible()
  for (let i = 0; i < 25; i++) {
    await keys.press('Tab')
    await expect(exportDialog.locator(':focus')).toHaveCount(1)
  }
  await keys.press('Escape')
  await expect(exportDialog).toBeHidden()
  await expect(reader.text).toBeFocused()

  // The palette closed with Escape hands the focus back too.
  await keys.press('Control+K')
  await expect(palette.input).toBeFocused()
  await keys.press('Escape')
  await expect(reader.text).toBeFocused()
})
