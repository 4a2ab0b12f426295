// The analyst highlights text with the mouse, recolours, writes Markdown notes (shown safely),
// tags, deletes and restores, undoes and redoes, filters the notes panel, finds annotations by
// search, and finds everything again after reopening the app on the same profile. Colour names
// and the last colour are preferences: they survive a restart, and a damaged preferences file is
// set aside and reported at start-up.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { BUNDLED_DATASET_DIR, openApp } from './harness'
import type { OpenedApp } from './harness'
import { LibraryPage } from './pages/library.page'
import { NoteEditorPart, NotesPage } from './pages/notes.page'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

const PHRASE = 'Special Strategic and Global Partnership'
const OVERLAP = 'strengthening of India-Japan Special'

const NORTHEAST = 'invited to invest in various projects'

/**
 * A copy of the bundled dataset whose "Investments in Northeast" section was rewritten: the text
 * under NORTHEAST is gone; mention offsets are recomputed.
 */
function rewrittenDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-dataset-'))
  const file = 'india-japan-quad.json'
  const data = JSON.parse(readFileSync(join(BUNDLED_DATASET_DIR, file), 'utf8')) as {
    briefings: {
      sections: {
        id: string
        text: string
        mentions: { start: number; end: number; text: string }[]
      }[]
    }[]
  }
  const section = data.briefings[0]!.sections.find((s) => s.id === 'northeast-investments')!
  section.text = 'Japan is the only country asked to fund roads and power lines in the Northeast.'
  for (const mention of section.mentions) {
    mention.start = section.text.indexOf(mention.text)
    mention.end = mention.start + mention.text.length
  }
  section.mentions = section.mentions.filter((m) => m.start >= 0)
  writeFileSync(join(dir, file), JSON.stringify(data))
  return dir
}

let app: OpenedApp
let reader: ReaderPage
let notes: NotesPage

async function start(options: Parameters<typeof openApp>[0] = {}): Promise<void> {
  app = await openApp(options)
  await new LibraryPage(app.page).open(/QUAD/)
  reader = new ReaderPage(app.page)
  notes = new NotesPage(app.page)
}

/**
 * Folders a test made, removed once its app is closed. Removed inside the test, while the app it
 * opened last still wrote into its profile, one failed with ENOTEMPTY (a clean-clone CI run).
 */
const madeFolders: string[] = []
function removeAfterClose(folder: string): void {
  madeFolders.push(folder)
}

test.afterEach(async () => {
  try {
    expect(app.cspViolations).toEqual([])
    expect(app.dialogs).toEqual([])
  } finally {
    await app.close()
    for (const folder of madeFolders.splice(0)) rmSync(folder, { recursive: true, force: true })
  }
})

test('selecting text offers the colours; overlapping highlights stay distinct and cycle', async () => {
  await start()
  // A click (empty selection) and a lone space (whitespace only) offer nothing.
  await reader.text.getByText('Prime Minister', { exact: false }).first().click()
  await expect(reader.toolbar).toBeHidden()
  await reader.selectText(' ')
  await expect(reader.toolbar).toBeHidden()

  await reader.selectText(PHRASE)
  await expect(reader.toolbar).toBeVisible()
  for (const label of ['Key point', 'Evidence', 'Question', 'Disagree', 'Follow-up']) {
    await expect(reader.toolbar.getByRole('button', { name: label, exact: true })).toBeVisible()
  }
  await reader.toolbar.getByRole('button', { name: 'Evidence', exact: true }).click()
  await expect(reader.toolbar).toBeHidden()
  await expect(reader.highlightsOfColor('green')).toHaveText([PHRASE])
  const outer = (await reader.highlightIds())[0]!

  // "h" highlights the selection with the last colour used (Evidence).
  await reader.selectText(OVERLAP)
  await expect(reader.toolbar).toBeVisible()
  await reader.pressKey('h')
  await expect.poll(() => reader.highlightIds()).toHaveLength(2)
  const inner = (await reader.highlightIds()).find((id) => id !== outer)!
  const both = reader.text.locator('.hl-stacked')
  await expect(both).toHaveText('Special')
  await expect(both).toHaveAttribute('data-highlight-ids', `${inner} ${outer}`)

  // Clicking the overlap selects the shorter highlight first, then the other.
  await both.click()
  await expect(reader.editor).toHaveAttribute('data-highlight-id', inner)
  await expect(reader.highlight(inner).first()).toHaveClass(/hl-selected/)
  await both.click()
  await expect(reader.editor).toHaveAttribute('data-highlight-id', outer)

  // Recolour the outer one: its own pieces turn blue, the overlap keeps the inner colour.
  await reader.editorColor('Question').click()
  await expect(reader.editor.getByTestId('editor-color-label')).toHaveText('Question')
  await expect(reader.highlightsOfColor('blue')).toHaveText([' Strategic and Global Partnership'])
  await expect(both).toHaveClass(/hl-under-blue/)
})

test('notes are Markdown shown safely; tags; delete and restore; undo and redo', async () => {
  await start()
  await reader.selectText(PHRASE)
  // "n" highlights with the last colour and opens the editor with the caret in the note.
  await reader.pressKey('n')
  await expect(reader.editor).toBeVisible()
  const editor = new NoteEditorPart(reader.editor)
  await expect(editor.input).toBeFocused()
  await editor.write(
    '**Bold** claim, see [the source](https://example.org/quad "Source") and ' +
      '[this](javascript:alert(1)) <script>alert("x")</script> <img src=x onerror=alert(1)>'
  )
  const preview = editor.preview
  await expect(preview.locator('strong')).toHaveText('Bold')
  await expect(preview.getByTestId('note-link')).toHaveText('the source')
  await expect(preview.getByTestId('note-link-inert')).toHaveText('this')
  await expect(preview).toContainText('<script>alert("x")</script>')
  await expect(preview.locator('script, img, a')).toHaveCount(0)
  await preview.getByTestId('note-link-inert').click()
  await preview.getByTestId('note-link').click()
  await expect.poll(() => app.openedLinks).toEqual(['https://example.org/quad'])
  await expect(reader.editor.getByText('Saved', { exact: true })).toBeVisible()

  // Tags: Enter adds a chip.
  const tagInput = reader.editor.getByTestId('tag-input').locator('input')
  await tagInput.fill('urgent')
  await tagInput.press('Enter')
  await expect(reader.editor.getByTestId('tag-chip')).toHaveText(['urgent'])

  await notes.open()
  const [id] = await reader.highlightIds()
  const item = notes.highlightItem(id!)
  await expect(item).toContainText(PHRASE)
  await expect(item).toContainText('#urgent')
  await expect(item.locator('strong')).toHaveText('Bold')

  // Undo (not while typing: the focus leaves the editor first) removes the tag; redo restores.
  await reader.editor.press('Escape')
  await expect(reader.editor).toBeHidden()
  await reader.pressKey('Control+z')
  await expect(item).not.toContainText('#urgent')
  await reader.pressKey('Control+Shift+z')
  await expect(item).toContainText('#urgent')
  await reader.pressKey('Control+z')
  await reader.pressKey('Control+y')
  await expect(item).toContainText('#urgent')

  // Delete goes to the trash; Restore brings it back with its note and tags.
  await reader.openHighlight(id!)
  await reader.editor.getByTestId('editor-delete').click()
  await expect(reader.highlightPieces).toHaveCount(0)
  await expect(notes.highlightItems).toHaveCount(0)
  await notes.openTrash()
  await expect(notes.trashItems).toHaveCount(1)
  await expect(notes.trashItems).toContainText(PHRASE)
  await notes.trashItems.getByTestId('trash-restore').click()
  await expect(notes.trashItems).toHaveCount(0)
  await expect(reader.highlight(id!)).toHaveText([PHRASE])
  await expect(item).toContainText('#urgent')
  // And undo of the restore deletes it again.
  await reader.undoButton.click()
  await expect(reader.highlightPieces).toHaveCount(0)
  await reader.redoButton.click()
  await expect(reader.highlight(id!)).toHaveText([PHRASE])
})

test('the notes panel lists in reading order, filters by colour and tag, and reveals', async () => {
  await start()
  await reader.highlightText('bilateral meeting', 'Key point')
  await reader.goToSection('Military Cooperation')
  await reader.highlightText('MILAN 22 exercise', 'Question')
  await notes.open()
  await notes.addNote('section', 'Check the *MILAN* dates')
  await notes.addNote('briefing', 'Overall: **cautious** tone')
  await expect(notes.tabCount).toHaveText('4')
  await expect(notes.panel.locator('[data-annotation-id]')).toHaveText([
    /Overall: cautious tone/,
    /bilateral meeting/,
    /Check the MILAN dates/,
    /MILAN 22 exercise/
  ])

  await notes.toggleColorFilter('Question')
  await expect(notes.highlightItems).toHaveText([/MILAN 22 exercise/])
  await expect(notes.noteItems).toHaveCount(0)
  await notes.toggleColorFilter('Key point')
  await expect(notes.highlightItems).toHaveCount(2)
  await notes.panel.getByRole('button', { name: 'Show all' }).click()
  await expect(notes.panel.locator('[data-annotation-id]')).toHaveCount(4)

  // Tag the section note, filter by the tag.
  await notes.noteItems.filter({ hasText: 'MILAN' }).getByTestId('note-edit').click()
  const tagInput = notes.noteItems.getByTestId('tag-input').locator('input')
  await tagInput.fill('exercises')
  await tagInput.press('Enter')
  await notes.noteItems.filter({ hasText: 'MILAN' }).getByRole('button', { name: 'Cancel' }).click()
  await notes.toggleTagFilter('exercises')
  await expect(notes.panel.locator('[data-annotation-id]')).toHaveText([/Check the MILAN dates/])
  await notes.toggleTagFilter('exercises')

  // Renamed colours show in the panel and the toolbar.
  await notes.renameColor('blue', 'Ask the desk')
  await expect(notes.highlightItems.filter({ hasText: 'MILAN' })).toContainText('Ask the desk')

  // Clicking an item in another section goes there and flashes the highlight.
  const first = notes.highlightItems.filter({ hasText: 'bilateral meeting' })
  await first.getByTestId('notes-highlight-open').click()
  await expect(reader.heading).toHaveText('Overview')
  await expect(reader.text.locator('.hl-flash')).toHaveText(['bilateral meeting'])
  await reader.selectText('Narendra Modi')
  await expect(reader.toolbar.getByRole('button', { name: 'Ask the desk' })).toBeVisible()
})

test('annotations are found by search and opened from the result', async () => {
  await start()
  await reader.selectText(PHRASE)
  await reader.pressKey('n')
  await new NoteEditorPart(reader.editor).write('Compare with the zeppelin memo')
  await reader.editor.press('Escape')
  const search = new SearchPage(app.page)
  await search.search('zeppelin')
  const hit = search.hits.first()
  await expect(hit.getByTestId('search-hit-kind')).toHaveText('Highlight')
  await reader.goToSection('Bilateral Talks')
  await search.search('zeppelin')
  await search.hits.first().click()
  await expect(reader.heading).toHaveText('Overview')
  await expect(reader.text.locator('.hl-flash')).toHaveText([PHRASE])
  await expect(reader.text.locator('.hl-selected')).toHaveText([PHRASE])
})

test('highlights, notes and tags are all there after reopening the app', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'briefing-notes-'))
  try {
    await start({ userDataDir: profile })
    await reader.highlightText(PHRASE, 'Disagree')
    await expect(reader.highlightsOfColor('pink')).toHaveText([PHRASE])
    await reader.openHighlight((await reader.highlightIds())[0]!)
    await new NoteEditorPart(reader.editor).write('Not *really* strategic')
    await expect(reader.editor.getByText('Saved', { exact: true })).toBeVisible()
    await notes.open()
    await notes.addNote('briefing', 'Read again on Friday')
    await expect(notes.tabCount).toHaveText('2')
    await app.close()

    await start({ userDataDir: profile })
    await expect(reader.highlightsOfColor('pink')).toHaveText([PHRASE])
    await expect(reader.text.locator('.hl-noted')).toHaveCount(1)
    await notes.open()
    await expect(notes.tabCount).toHaveText('2')
    await expect(notes.highlightItems).toContainText('Not really strategic')
    await expect(notes.noteItems).toContainText('Read again on Friday')
  } finally {
    removeAfterClose(profile)
  }
})

test('a highlight whose text changed is listed as orphaned and can be re-attached', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'briefing-notes-'))
  const dataset = rewrittenDataset()
  try {
    await start({ userDataDir: profile })
    await reader.goToSection('Investments in Northeast')
    await reader.selectText(NORTHEAST)
    await reader.pressKey('n')
    await new NoteEditorPart(reader.editor).write('Which projects?')
    await expect(reader.editor.getByText('Saved', { exact: true })).toBeVisible()
    await app.close()

    await start({ userDataDir: profile, datasetDir: dataset })
    await reader.goToSection('Investments in Northeast')
    await expect(reader.highlightPieces).toHaveCount(0)
    await notes.open()
    await expect(notes.orphanItems).toHaveCount(1)
    await expect(notes.orphanItems).toContainText(NORTHEAST)
    await expect(notes.orphanItems).toContainText('Which projects?')
    const reattach = notes.orphanItems.getByTestId('orphan-reattach')
    await expect(reattach).toBeDisabled()
    await reader.selectText('roads and power lines')
    await expect(reattach).toBeEnabled()
    await reattach.click()
    await expect(notes.orphanItems).toHaveCount(0)
    await expect(reader.highlightPieces).toHaveText(['roads and power lines'])
    await expect(notes.highlightItems).toContainText('Which projects?')
  } finally {
    removeAfterClose(profile)
    removeAfterClose(dataset)
  }
})

/** A profile whose journal for the bundled briefing holds `content`. */
function profileWithJournal(content: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'briefing-notes-'))
  const dir = join(profile, 'annotations', 'india-japan-quad-2022')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'journal.jsonl'), content)
  return profile
}

test('annotations written by a newer app open read-only, with the reason shown', async () => {
  const record = { v: 99, seq: 1, at: '2030-01-01T00:00:00.000Z', op: 'future.thing' }
  const profile = profileWithJournal(`${JSON.stringify(record)}\n`)
  try {
    await start({ userDataDir: profile })
    await expect(app.page.getByTestId('read-only-banner')).toContainText('newer version')
    await reader.selectText(PHRASE)
    expect(await reader.selectedText()).toBe(PHRASE)
    await expect(reader.toolbar).toBeHidden()
    await reader.pressKey('h')
    await expect(reader.highlightPieces).toHaveCount(0)
    await expect(reader.undoButton).toBeDisabled()
    await notes.open()
    await expect(notes.panel.getByTestId('add-briefing-note')).toBeDisabled()
  } finally {
    removeAfterClose(profile)
  }
})

test('notes on disk that nest 33,000 deep or stall the parser show as plain text', async () => {
  const note = (seq: number, id: string, body: string) => ({
    v: 1,
    seq,
    at: '2024-01-01T00:00:00.000Z',
    op: 'note.put',
    note: {
      id,
      briefingId: 'india-japan-quad-2022',
      target: { kind: 'briefing' },
      body,
      tags: [],
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z'
    }
  })
  const deep = '> '.repeat(33_000)
  const links = '[x]('.repeat(25_000)
  const lines = [note(1, 'deep-quote', deep), note(2, 'link-openers', links)]
  const profile = profileWithJournal(lines.map((l) => `${JSON.stringify(l)}\n`).join(''))
  try {
    await start({ userDataDir: profile })
    await notes.open()
    await expect(notes.noteItems).toHaveCount(2)
    const plain = notes.panel.getByTestId('note-plain')
    await expect(plain).toHaveCount(2)
    const texts = await plain.allTextContents()
    expect(texts.map((t) => t.length).sort((a, b) => a - b)).toEqual([deep.length, links.length])
    await expect(plain.first()).toHaveAttribute('title', /levels deep/)
  } finally {
    removeAfterClose(profile)
  }
})

test('a note nesting deeper than 32 levels is refused with the reason', async () => {
  await start()
  await notes.open()
  await notes.panel.getByTestId('add-briefing-note').click()
  await new NoteEditorPart(notes.draft).write(`${'>'.repeat(40)} too deep`)
  await expect(app.page.getByTestId('annotation-problem')).toContainText(
    'the note nests quotes and lists 40 levels deep; at most 32 levels are allowed'
  )
  await expect(notes.noteItems).toHaveCount(0)
})

test('problems found while loading are shown and can be dismissed', async () => {
  const profile = profileWithJournal('{"v":1,"seq":1,"at":"2024-01-0')
  try {
    await start({ userDataDir: profile })
    const warnings = app.page.getByTestId('load-warnings')
    await expect(warnings).toContainText('incomplete last line')
    await expect(app.page.getByTestId('read-only-banner')).toHaveCount(0)
    await warnings.getByRole('button', { name: 'Dismiss' }).click()
    await expect(warnings).toHaveCount(0)
    // Still writable.
    await reader.highlightText(PHRASE, 'Key point')
    await expect(reader.highlightsOfColor('yellow')).toHaveText([PHRASE])
  } finally {
    removeAfterClose(profile)
  }
})

/** The preferences file of `profile` as conf wrote it. */
function preferencesOn(profile: string): {
  colorLabels?: Record<string, string>
  lastColor?: string
} {
  return JSON.parse(readFileSync(join(profile, 'preferences.json'), 'utf8'))
}

test('renamed colours and the last colour used are there after reopening the app', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'briefing-prefs-'))
  try {
    await start({ userDataDir: profile })
    await notes.open()
    await notes.renameColor('blue', 'Ask the desk')
    await notes.renameColor('pink', 'Contested')
    await reader.highlightText(PHRASE, 'Contested')
    await expect(reader.highlightsOfColor('pink')).toHaveText([PHRASE])
    await expect.poll(() => preferencesOn(profile).lastColor).toBe('pink')
    expect(preferencesOn(profile).colorLabels).toMatchObject({
      blue: 'Ask the desk',
      pink: 'Contested'
    })
    await app.close()

    await start({ userDataDir: profile })
    await notes.open()
    await expect(notes.highlightItems).toContainText('Contested')
    await reader.selectText('bilateral meeting')
    for (const label of ['Key point', 'Evidence', 'Ask the desk', 'Contested', 'Follow-up']) {
      await expect(reader.toolbar.getByRole('button', { name: label, exact: true })).toBeVisible()
    }
    await expect(reader.toolbar.getByRole('button', { name: 'Question' })).toHaveCount(0)
    // "h" uses the last colour, remembered from the previous session.
    await reader.pressKey('h')
    await expect(reader.highlightsOfColor('pink')).toHaveText(['bilateral meeting', PHRASE])
  } finally {
    removeAfterClose(profile)
  }
})

test('a damaged preferences file is set aside and reported; the app still works', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'briefing-prefs-'))
  const damaged = '{ "colorLabels": '
  writeFileSync(join(profile, 'preferences.json'), damaged)
  try {
    app = await openApp({ userDataDir: profile })
    const aside = readdirSync(profile).filter((f) => f.startsWith('preferences.json.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(profile, aside[0]!), 'utf8')).toBe(damaged)

    // Shown over the library...
    const notices = app.page.getByTestId('startup-notices')
    await expect(notices).toHaveRole('status')
    await expect(notices.getByTestId('startup-notice').first()).toContainText(
      `preferences.json is not valid JSON; it was renamed to ${aside[0]}`
    )
    await expect(notices).toContainText('reset to their defaults')
    // ...and over the reader, until dismissed.
    await new LibraryPage(app.page).open(/QUAD/)
    reader = new ReaderPage(app.page)
    notes = new NotesPage(app.page)
    await expect(notices).toBeVisible()
    await notices.getByRole('button', { name: 'Dismiss' }).click()
    await expect(notices).toHaveCount(0)
    await app.page.getByTestId('back-to-library').click()
    await expect(new LibraryPage(app.page).cards).toHaveCount(1)
    await expect(notices).toHaveCount(0)

    // Defaults apply, highlighting works, and preferences are saved to a fresh file.
    await new LibraryPage(app.page).open(/QUAD/)
    await reader.highlightText(PHRASE, 'Question')
    await expect(reader.highlightsOfColor('blue')).toHaveText([PHRASE])
    await notes.open()
    await notes.renameColor('blue', 'Ask the desk')
    await expect(notes.highlightItems).toContainText('Ask the desk')
    await expect.poll(() => preferencesOn(profile).colorLabels?.['blue']).toBe('Ask the desk')
    expect(preferencesOn(profile).lastColor).toBe('blue')
  } finally {
    removeAfterClose(profile)
  }
})
