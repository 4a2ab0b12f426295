// The notebook across briefings (issue #15 item 6): highlights of two briefings listed together,
// filtered by colour and briefing, grouped by colour, a note edited in place and saved in main,
// an item opening its passage in the reader, and the Markdown export of what the filter keeps.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { FaultyFs } from '../src/test-support/annotation-store'
import type { OpenedApp } from './harness'
import { useAppSession } from './fixtures/app-session'
import { BAY_OF_BENGAL, writeTwoBriefings } from './fixtures/small-dataset'
import { notebookHighlightId, writeNotebookLibrary } from './fixtures/notebook-library'
import { LibraryPage } from './pages/library.page'
import { NotebookPage } from './pages/notebook.page'
import { NoteEditorPart } from './pages/notes.page'
import { PalettePage } from './pages/palette.page'
import { ReaderPage } from './pages/reader.page'

const TITLE = 'PM Modi in Tokyo: QUAD Leaders Summit and the India–Japan bilateral'
const PHRASE = 'Special Strategic and Global Partnership'
const NOTE = 'Compare with the 2021 joint statement'
const SECOND = BAY_OF_BENGAL.title
const SECOND_PHRASE = BAY_OF_BENGAL.phrase

const session = useAppSession('briefing-notebook')

/** A Key point with a note in the QUAD briefing, Evidence without one in the second. */
async function highlightBoth(app: OpenedApp): Promise<void> {
  const library = new LibraryPage(app.page)
  const reader = new ReaderPage(app.page)
  await library.open(/QUAD/)
  await reader.highlightText(PHRASE, 'Key point')
  await expect(reader.highlightPieces).toHaveText([PHRASE])
  await reader.openHighlight((await reader.highlightIds())[0]!)
  await new NoteEditorPart(reader.editor).write(NOTE)
  await expect(reader.editor.getByText('Saved', { exact: true })).toBeVisible()
  await reader.editor.press('Escape')
  await app.page.getByTestId('back-to-library').click()
  await library.open(new RegExp(SECOND))
  await reader.highlightText(SECOND_PHRASE, 'Evidence')
  await expect(reader.highlightPieces).toHaveText([SECOND_PHRASE])
}

test('lists both briefings, filters, groups, edits a note in place and exports what it shows', async () => {
  // Two briefings highlighted, then the app opened twice on one profile: more than the default.
  test.slow()
  const { savePath, options } = twoBriefingProfile()
  const app = await session.start(options)
  await highlightBoth(app)

  // Briefings in library order (by file). `g` then `n` opens the notebook from anywhere outside a text field.
  await app.page.locator('body').press('g')
  await app.page.locator('body').press('n')
  let notebook = new NotebookPage(app.page)
  await notebook.ready()
  await expect(notebook.items).toHaveCount(2)
  await expect(notebook.groupHeadings).toHaveText([`${SECOND} 1`, `${TITLE} 1`])
  await expect(notebook.itemWithText(PHRASE)).toContainText(NOTE)

  // Filter by colour, then by briefing.
  await notebook.toggleColor('Key point')
  await expect(notebook.items).toHaveCount(1)
  await expect(notebook.items).toContainText(PHRASE)
  await notebook.toggleColor('Key point')
  await expect(notebook.items).toHaveCount(2)
  await notebook.groupBy('Colour')
  await expect(notebook.groupHeadings).toHaveText(['Key point 1', 'Evidence 1'])

  // A note written in place is saved: the app opened again on the profile lists it.
  const second = notebook.itemWithText(SECOND_PHRASE)
  await notebook.editNote(second, 'Check the **loan** terms')
  await expect(second.getByTestId('notebook-note')).toHaveText('Check the loan terms')
  await session.close(app)
  const again = await session.start(options)
  await again.menu('notebook')
  notebook = new NotebookPage(again.page)
  await notebook.ready()
  await expect(notebook.itemWithText(SECOND_PHRASE).getByTestId('notebook-note')).toHaveText(
    'Check the loan terms'
  )

  // Export with the filter: only the second briefing's highlight.
  await notebook.chooseBriefing('bay-of-bengal')
  await expect(notebook.items).toHaveCount(1)
  await notebook.root.getByTestId('notebook-export').click()
  await expect(notebook.exported).toContainText('Exported 1 highlight and 0 notes')
  const markdown = readFileSync(savePath, 'utf8')
  expect(markdown).toContain(SECOND_PHRASE)
  expect(markdown).toContain('Check the **loan** terms')
  expect(markdown).not.toContain(PHRASE)
})

test('a briefing whose notes cannot be read is named, and the notebook and its export say so', async () => {
  test.slow()
  const { savePath, options } = twoBriefingProfile()
  await session.close(await highlighted(options))
  // The second briefing's annotation files cannot be read (a failing disk) in the next session.
  const fs = new FaultyFs()
  fs.failWith('EIO', ['read'], 'bay-of-bengal')
  const app = await session.start({ ...options, annotationFs: fs })
  await app.menu('notebook')
  const notebook = new NotebookPage(app.page)
  await notebook.ready()
  const problems = notebook.root.getByTestId('notebook-problems')
  await expect(problems).toHaveRole('alert')
  await expect(problems).toContainText(`highlights and notes of “${SECOND}” could not be read`)
  await expect(problems).toContainText('EIO')
  await expect(notebook.items).toHaveCount(1)
  await expect(notebook.items).toContainText(PHRASE)

  await expect(problems).toContainText('Export waits until they can be read')

  // A file without that briefing's notes would pass for the whole notebook: nothing is written.
  await notebook.root.getByTestId('notebook-export').click()
  const refused = notebook.root.getByRole('alert').filter({ hasText: 'Nothing was exported' })
  await expect(refused).toContainText(`“${SECOND}”`)
  expect(existsSync(savePath)).toBe(false)
  await session.close(app)

  // Nothing was lost: once the disk answers, both briefings' highlights are listed, unflagged,
  // and exported.
  const again = await session.start(options)
  await again.menu('notebook')
  const healed = new NotebookPage(again.page)
  await healed.ready()
  await expect(healed.items).toHaveCount(2)
  await expect(healed.root.getByTestId('notebook-problems')).toHaveCount(0)
  await healed.root.getByTestId('notebook-export').click()
  await expect(healed.exported).toContainText('Exported 2 highlights and 0 notes')
  const markdown = readFileSync(savePath, 'utf8')
  expect(markdown).toContain(NOTE)
  expect(markdown).toContain(SECOND_PHRASE)
})

/** Both briefings on a profile of this test's own, kept between starts; exports go to savePath. */
function twoBriefingProfile() {
  const savePath = join(session.dir(), 'notebook.md')
  const options = {
    datasetDir: writeTwoBriefings(session.dir()),
    userDataDir: join(session.dir(), 'profile'),
    dialogs: { savePath }
  }
  return { savePath, options }
}

/** An app on `options` with both briefings highlighted. */
async function highlighted(options: Parameters<typeof session.start>[0]): Promise<OpenedApp> {
  const app = await session.start(options)
  await highlightBoth(app)
  return app
}

test('an item opens its passage in the reader, with the highlight selected', async () => {
  const app = await session.start({ datasetDir: writeTwoBriefings(session.dir()) })
  await highlightBoth(app)
  await app.menu('notebook')
  const notebook = new NotebookPage(app.page)
  await notebook.ready()
  const item = notebook.itemWithText(PHRASE)
  const id = await item.getAttribute('data-annotation-id')
  await item.getByTestId('notebook-open').click()
  const reader = new ReaderPage(app.page)
  await expect(app.page.getByTestId('briefing-title')).toHaveText(TITLE)
  await expect(reader.highlight(id!).first()).toBeInViewport()
  await expect(reader.highlight(id!).first()).toHaveClass(/hl-selected/)
})

test('the command palette opens the notebook', async () => {
  const app = await session.start({ datasetDir: writeTwoBriefings(session.dir()) })
  const palette = new PalettePage(app.page)
  await palette.find('notebook')
  await expect(palette.activeItem).toContainText('Notebook')
  await app.page.keyboard.press('Enter')
  await expect(palette.dialog).toBeHidden()
  const notebook = new NotebookPage(app.page)
  await notebook.ready()
  await expect(notebook.count).toContainText('0 highlights and notes')
})

test('3,000 highlights: only a window of items is in the page, the last one at the end', async () => {
  // Writing the profile and paging 30 times through main takes longer than the default on a
  // loaded machine.
  test.setTimeout(180_000)
  const BRIEFINGS = 30
  const library = await writeNotebookLibrary(session.dir(), BRIEFINGS)
  const app = await session.start({
    datasetDir: library.datasetDir,
    userDataDir: library.userDataDir
  })
  await app.menu('notebook')
  const notebook = new NotebookPage(app.page)
  await notebook.ready()
  await expect(notebook.count).toContainText('3,000 highlights and notes')
  const first = notebookHighlightId(0, 0, 0)
  await expect(notebook.item(first)).toBeVisible()
  await expect(notebook.groupHeadings.first()).toHaveText('Notebook briefing 00 100')
  expect(await notebook.items.count()).toBeLessThan(30)

  // An item being edited stays in the page (with what was typed) while the list scrolls on.
  await notebook.item(first).getByTestId('notebook-edit').click()
  const input = notebook.item(first).getByTestId('note-input')
  await input.fill('Still here')
  await notebook.scrollTo(6000)
  await expect(notebook.item(notebookHighlightId(0, 0, 1))).toHaveCount(0)
  await expect(input).toHaveValue('Still here')
  await expect(input).toBeFocused()
  await input.press('Escape')
  await expect(notebook.item(first)).toHaveCount(0)

  // Scrolling to the end loads the next pages from main until the last item shows.
  const last = notebookHighlightId(BRIEFINGS - 1, 1, 49)
  await expect(async () => {
    await notebook.scrollTo('end')
    await expect(notebook.item(last)).toBeInViewport({ timeout: 500 })
  }).toPass({ timeout: 120_000, intervals: [100] })
  expect(await notebook.items.count()).toBeLessThan(30)
  await expect(notebook.item(last)).toContainText(`Notebook briefing ${BRIEFINGS - 1} › Part 1`)

  // Open passage still works from a row rendered after scrolling.
  await notebook.item(last).getByTestId('notebook-open').click()
  await expect(app.page.getByTestId('briefing-title')).toHaveText(
    `Notebook briefing ${BRIEFINGS - 1}`
  )
})
