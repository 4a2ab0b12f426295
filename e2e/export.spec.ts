// The analyst exports what they highlighted and wrote (issue #4): Markdown of one briefing, read
// back and checked; W3C Web Annotation JSON, imported into a fresh profile where the highlight
// appears; every briefing into a folder, one file each; a cancelled save writes nothing, and a
// refused export says why in the dialog.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { useAppSession } from './fixtures/app-session'
import { BAY_OF_BENGAL, writeTwoBriefings } from './fixtures/small-dataset'
import type { OpenedApp } from './harness'
import { ExportDialogPage } from './pages/export.page'
import { LibraryPage } from './pages/library.page'
import { NoteEditorPart, NotesPage } from './pages/notes.page'
import { ReaderPage } from './pages/reader.page'

const TITLE = 'PM Modi in Tokyo: QUAD Leaders Summit and the India–Japan bilateral'
const PHRASE = 'Special Strategic and Global Partnership'
const NOTE = 'Compare with the 2021 joint statement'
const SECOND = BAY_OF_BENGAL.title
const SECOND_PHRASE = BAY_OF_BENGAL.phrase

const session = useAppSession('briefing-export')
const start = session.start

/** Highlights PHRASE as a key point in the QUAD briefing's overview, with NOTE as its note. */
async function highlightWithNote(app: OpenedApp): Promise<void> {
  await new LibraryPage(app.page).open(/QUAD/)
  const reader = new ReaderPage(app.page)
  await reader.highlightText(PHRASE, 'Key point')
  await expect(reader.highlightPieces).toHaveText([PHRASE])
  await reader.openHighlight((await reader.highlightIds())[0]!)
  await new NoteEditorPart(reader.editor).write(NOTE)
  await expect(reader.editor.getByText('Saved', { exact: true })).toBeVisible()
  await reader.editor.press('Escape')
}

test('Markdown of this briefing holds the title, section, quote, colour label and note', async () => {
  const savePath = join(session.dir(), 'quad-notes.md')
  const app = await start({ dialogs: { savePath } })
  await highlightWithNote(app)

  const dialog = new ExportDialogPage(app.page)
  await dialog.openFromNotes()
  await expect(dialog.option('This briefing')).toBeChecked()
  await expect(dialog.option('Markdown')).toBeChecked()
  await dialog.export({ groupBy: 'By section' })
  await expect(app.page.getByTestId('export-open')).toBeFocused()
  await expect(dialog.result).toContainText('Exported 1 highlight')
  await expect(dialog.result).toContainText('to quad-notes.md')
  expect(app.dialogCalls).toHaveLength(1)
  expect(app.dialogCalls[0]).toMatch(/^save .+\.md$/)

  const markdown = readFileSync(savePath, 'utf8')
  const lines = markdown.split('\n')
  expect(lines).toContain(`# ${TITLE}`)
  expect(lines).toContain('## Overview')
  expect(lines.some((line) => line.startsWith('> ') && line.includes(PHRASE))).toBe(true)
  expect(markdown).toContain('Key point')
  expect(markdown).toContain(NOTE)

  // The choices are remembered for the session.
  await dialog.result.getByRole('button', { name: 'Dismiss' }).click()
  await dialog.openFromNotes()
  await expect(dialog.option('By section')).toBeChecked()
  await dialog.option('By colour label').check()
  await app.page.keyboard.press('Escape')
  // The menu opens the dialog only when it is not already open: wait for it to close.
  await expect(dialog.dialog).toBeHidden()
  await app.menu('export-notes')
  await expect(dialog.dialog).toBeVisible()
  await expect(dialog.option('By colour label')).toBeChecked()
})

test('W3C JSON is an AnnotationCollection that brings the highlight into a fresh profile', async () => {
  const backup = join(session.dir(), 'backup.json')
  const first = await start({ dialogs: { savePath: backup } })
  await highlightWithNote(first)
  const dialog = new ExportDialogPage(first.page)
  await dialog.openFromNotes()
  await dialog.export({ format: 'W3C Web Annotation JSON' })
  await expect(dialog.result).toContainText('to backup.json')
  const collection = JSON.parse(readFileSync(backup, 'utf8')) as { type: string | string[] }
  expect([collection.type].flat()).toContain('AnnotationCollection')
  expect(JSON.stringify(collection)).toContain(PHRASE)
  expect(JSON.stringify(collection)).toContain(NOTE)

  const profile = join(session.dir(), 'laptop-2')
  mkdirSync(profile)
  const second = await start({ userDataDir: profile, dialogs: { openPath: backup } })
  await new LibraryPage(second.page).open(/QUAD/)
  const reader = new ReaderPage(second.page)
  await expect(reader.highlightPieces).toHaveCount(0)
  const importer = new ExportDialogPage(second.page)
  await importer.openFromNotes()
  await importer.importButton.click()
  await expect(importer.dialog).toBeHidden()
  await expect(importer.importResult).toContainText('Imported backup.json: 1 added')
  await expect(reader.highlightPieces).toHaveText([PHRASE])
  await expect(new NotesPage(second.page).highlightItems).toContainText(NOTE)
  expect(second.dialogCalls).toEqual([expect.stringMatching(/^open/)])

  // Importing the same file again adds nothing.
  await importer.openFromNotes()
  await importer.importButton.click()
  await expect(importer.importResult).toContainText('1 already here')
  await expect(reader.highlightPieces).toHaveCount(1)
})

test('all briefings export into a folder, one Markdown file each', async () => {
  const folder = join(session.dir(), 'notes')
  mkdirSync(folder)
  const app = await start({
    datasetDir: writeTwoBriefings(session.dir()),
    dialogs: { folderPath: folder }
  })
  await highlightWithNote(app)
  await app.page.getByTestId('back-to-library').click()
  await new LibraryPage(app.page).open(SECOND)
  await new ReaderPage(app.page).highlightText(SECOND_PHRASE, 'Evidence')
  await app.page.getByTestId('back-to-library').click()

  const dialog = new ExportDialogPage(app.page)
  await dialog.openFromLibrary()
  await expect(dialog.option('All briefings')).toBeChecked()
  await expect(dialog.option('This briefing')).toBeDisabled()
  await dialog.export({ files: 'One file per briefing, into a folder' })
  await expect(dialog.result).toContainText('Exported 2 highlights and 0 notes to 2 files')
  await expect(dialog.resultFiles).toHaveCount(2)
  expect(app.dialogCalls).toEqual(['folder'])

  const files = readdirSync(folder).sort()
  expect(files).toHaveLength(2)
  expect(files.every((name) => name.endsWith('.md'))).toBe(true)
  const texts = files.map((name) => readFileSync(join(folder, name), 'utf8'))
  expect(texts.filter((text) => text.includes(PHRASE))).toHaveLength(1)
  expect(texts.filter((text) => text.includes(SECOND_PHRASE))).toHaveLength(1)
  expect((await dialog.resultFiles.allTextContents()).sort()).toEqual(files)
})

test('a refused export explains itself; a cancelled save writes nothing', async () => {
  const app = await start()
  const dialog = new ExportDialogPage(app.page)
  await dialog.openFromLibrary()
  await dialog.submit.click()
  await expect(dialog.error).toContainText('no highlights or notes to export')
  await expect(dialog.dialog).toBeVisible()
  await dialog.dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog.dialog).toBeHidden()

  await highlightWithNote(app)
  await dialog.openFromNotes()
  await dialog.export()
  expect(app.dialogCalls).toEqual([expect.stringMatching(/^save /)])
  await expect(dialog.result).toBeHidden()
  expect(readdirSync(session.dir())).toEqual([])
})
