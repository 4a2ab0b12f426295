// The reader's layout fits the analyst (issue #15 items 5 and 7): at 1024x640 the highlight editor
// never covers the highlighted text and its colours and Delete are on screen, even with a long
// note that stays editable; the side panel is sized by keyboard and by drag, collapses, and keeps
// its width when the app is opened again.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'
import type { Locator } from '@playwright/test'

import { useAppSession } from './fixtures/app-session'
import { LibraryPage } from './pages/library.page'
import { SidePanelPart } from './pages/notebook.page'
import { NoteEditorPart } from './pages/notes.page'
import { ReaderPage } from './pages/reader.page'

const session = useAppSession('briefing-layout')
const PHRASE = 'Fumio Kishida'
const LONG_NOTE = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of a long note.`).join('\n\n')

type Box = { x: number; y: number; width: number; height: number }

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return box
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function inside(box: Box, viewport: { width: number; height: number }): boolean {
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width &&
    box.y + box.height <= viewport.height
  )
}

test('at 1024x640 the highlight editor leaves its text visible and every control on screen', async () => {
  const viewport = { width: 1024, height: 640 }
  const app = await session.start({ viewport })
  await new LibraryPage(app.page).open(/QUAD/)
  const reader = new ReaderPage(app.page)
  await reader.highlightText(PHRASE, 'Key point')
  await expect(reader.highlightPieces).toHaveText([PHRASE])
  const id = (await reader.highlightIds())[0]!

  for (const round of ['new', 'with a long note']) {
    await reader.openHighlight(id)
    await expect(reader.editor).toBeVisible()
    if (round === 'new') {
      await new NoteEditorPart(reader.editor).write(LONG_NOTE)
      await expect(reader.editor.getByText('Saved', { exact: true })).toBeVisible()
    }
    // The card settles once it has measured the pane (a frame after it opens).
    await expect(reader.editor).toHaveCSS('max-height', /px$/)
    const editor = await boxOf(reader.editor)
    for (const piece of await reader.highlight(id).all()) {
      const box = await boxOf(piece)
      expect(overlaps(editor, box), `${round}: the editor covers the highlight`).toBe(false)
      expect(inside(box, viewport), `${round}: the highlight is off screen`).toBe(true)
    }
    for (const control of [
      ...(await reader.editor.getByTestId('editor-color').all()),
      reader.editor.getByTestId('editor-delete'),
      reader.editor.getByTestId('editor-close')
    ]) {
      expect(inside(await boxOf(control), viewport), `${round}: a control is off screen`).toBe(true)
    }
    // The long note stays editable: its field is on screen and takes more text.
    const input = reader.editor.getByTestId('note-input')
    await input.scrollIntoViewIfNeeded()
    await expect(input).toBeInViewport()
    await expect(input).toBeEditable()
    await reader.editor.press('Escape')
    await expect(reader.editor).toHaveCount(0)
  }
})

test('the side panel is sized by keys and by drag, collapses, and keeps its width', async () => {
  const userDataDir = join(session.dir(), 'profile')
  const app = await session.start({ userDataDir })
  await new LibraryPage(app.page).open(/QUAD/)
  const panel = new SidePanelPart(app.page)
  await expect(panel.separator).toHaveAttribute('role', 'separator')
  await expect(panel.separator).toHaveAttribute('aria-valuenow', '300')
  expect(Math.round(await panel.width())).toBe(300)

  // Keys: Left widens (the panel is on the right), Shift takes five steps, Right narrows.
  await panel.separator.focus()
  await panel.separator.press('ArrowLeft')
  await panel.separator.press('ArrowLeft')
  await expect(panel.separator).toHaveAttribute('aria-valuenow', '332')
  await panel.separator.press('Shift+ArrowLeft')
  await panel.separator.press('ArrowRight')
  await expect(panel.separator).toHaveAttribute('aria-valuenow', '396')
  expect(Math.round(await panel.width())).toBe(396)

  // Drag 100 pixels to the left: 100 wider.
  await panel.drag(-100)
  await expect(panel.separator).toHaveAttribute('aria-valuenow', '496')
  expect(Math.round(await panel.width())).toBe(496)

  // Collapse with the button, show again with the key.
  await panel.toggle.click()
  await expect(panel.panel).toBeHidden()
  await app.page.locator('body').press('Control+b')
  await expect(panel.panel).toBeVisible()

  // Remembered: main's preferences hold it, and the app opened again shows it.
  const file = join(userDataDir, 'preferences.json')
  await expect
    .poll(() => JSON.parse(readFileSync(file, 'utf8')).panel)
    .toEqual({ width: 496, collapsed: false })
  await session.close(app)
  const again = await session.start({ userDataDir })
  await new LibraryPage(again.page).open(/QUAD/)
  const reopened = new SidePanelPart(again.page)
  await expect(reopened.separator).toHaveAttribute('aria-valuenow', '496')
  expect(Math.round(await reopened.width())).toBe(496)
})
