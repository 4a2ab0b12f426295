// The analyst brings their own briefings (issue #6): a Markdown file dropped on the window is
// reported, joins the library with an "Imported" badge, opens, reads and is found by search; the
// same file again is reported as already in the library; an empty or oversized file fails with a
// message naming it and leaves the library as it was; File → Import reads a text file; an imported
// briefing's title, source and date can be edited (from the report or its card) and are kept.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { useAppSession } from './fixtures/app-session'
import { ImportPage } from './pages/import.page'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

const VISIT = `---
title: Site visit to the Chennai desalination plant
source: Field notes
date: 2024-05-02
---

The delegation toured the plant on a humid morning.

## Arrival

Officials met the delegation at the gate and explained the intake works.

## Findings

The reverse-osmosis membranes are imported and replaced every three years.
`

const TITLE = 'Site visit to the Chennai desalination plant'

const MEMO = `Coastal shipping memo

The ministry circulated a short memo on coastal shipping routes.

Ports

Three minor ports will be upgraded to take container feeders by next year.
`

const session = useAppSession('briefing-import')
const start = session.start

test('a dropped Markdown file joins the library, opens, reads and is found by search', async () => {
  const app = await start()
  const importer = new ImportPage(app.page)
  const library = new LibraryPage(app.page)
  const before = await library.cards.count()

  await importer.dragOver([{ name: 'visit.md', text: VISIT, type: 'text/markdown' }])
  await expect(importer.overlay).toBeVisible()
  await expect(importer.overlay).toContainText('Drop to import briefings')
  await importer.drop([{ name: 'visit.md', text: VISIT, type: 'text/markdown' }])
  await expect(importer.overlay).toHaveCount(0)

  await expect(importer.report).toContainText('Imported 1 briefing.')
  await expect(importer.imported).toHaveCount(1)
  await expect(importer.imported).toContainText(TITLE)
  await expect(importer.imported).toContainText('visit.md')
  await expect(library.cards).toHaveCount(before + 1)
  await expect(library.card(TITLE).getByTestId('imported-badge')).toHaveText('Imported')
  await expect(library.cards.getByTestId('imported-badge')).toHaveCount(1)

  await importer.imported.getByTestId('import-open').click()
  const reader = new ReaderPage(app.page)
  await expect(reader.outlineItems.filter({ hasText: 'Findings' })).toHaveCount(1)
  await reader.outlineItems.filter({ hasText: 'Findings' }).click()
  await expect(reader.heading).toHaveText('Findings')
  await expect(reader.text).toContainText('reverse-osmosis membranes')

  const search = new SearchPage(app.page)
  await search.search('membranes')
  const hit = search.hit(TITLE).first()
  await expect(hit).toBeVisible()
  await expect(hit.locator('mark').first()).toHaveText(/membranes/i)
})

test('the same file again is already in the library; empty and oversized files fail by name', async () => {
  const app = await start()
  const importer = new ImportPage(app.page)
  const library = new LibraryPage(app.page)

  await importer.drop([{ name: 'visit.md', text: VISIT }])
  await expect(importer.imported).toHaveCount(1)
  const after = await library.cards.count()
  await importer.dismiss()
  await expect(importer.report).toHaveCount(0)

  await importer.drop([{ name: 'visit-copy.md', text: VISIT }])
  await expect(importer.report).toContainText('No briefing was imported.')
  await expect(importer.duplicates).toHaveCount(1)
  await expect(importer.duplicates).toContainText(
    `visit-copy.md is already in the library as “${TITLE}”.`
  )
  await expect(importer.imported).toHaveCount(0)
  await expect(library.cards).toHaveCount(after)

  await importer.drop([{ name: 'blank.txt', text: '' }])
  await expect(importer.failed).toHaveCount(1)
  await expect(importer.failed).toContainText('blank.txt')
  await expect(importer.duplicates).toHaveCount(0)
  await expect(library.cards).toHaveCount(after)

  // Refused in the page, before anything is sent to main.
  await importer.drop([{ name: 'huge.txt', size: 21 * 1024 * 1024 }])
  await expect(importer.failed).toHaveText([
    '"huge.txt" is 21.0 MB; files up to 20 MB can be imported.'
  ])
  await expect(library.cards).toHaveCount(after)
})

test('File → Import reads the text file chosen in main’s dialog; the button does too', async () => {
  const path = join(session.dir(), 'coastal-memo.txt')
  writeFileSync(path, MEMO)
  const app = await start({ dialogs: { openPaths: [path] } })
  const importer = new ImportPage(app.page)
  const library = new LibraryPage(app.page)
  const before = await library.cards.count()

  await importer.afterImport(() => app.menu('import-briefings'))
  await expect(importer.imported).toHaveCount(1)
  await expect(importer.imported).toContainText('coastal-memo.txt')
  // The memo names no source or date: the details form asks (e2e/entity-review.spec.ts).
  await importer.cancelDetails()
  await expect(library.cards).toHaveCount(before + 1)
  await expect(library.cards.getByTestId('imported-badge')).toHaveCount(1)
  expect(app.dialogCalls).toEqual(['open briefings'])

  await importer.afterImport(() => importer.button.click())
  await expect(importer.duplicates).toContainText('coastal-memo.txt is already in the library')
  await expect(library.cards).toHaveCount(before + 1)
  expect(app.dialogCalls).toEqual(['open briefings', 'open briefings'])
})

test('an imported briefing’s title, source and date are edited, shown and kept', async () => {
  const path = join(session.dir(), 'coastal-memo.txt')
  writeFileSync(path, MEMO)
  const userDataDir = join(session.dir(), 'profile')
  const app = await start({ userDataDir, dialogs: { openPaths: [path] } })
  const importer = new ImportPage(app.page)
  const library = new LibraryPage(app.page)

  await importer.afterImport(() => app.menu('import-briefings'))
  await expect(importer.imported).toHaveCount(1)
  await importer.cancelDetails()
  const imported = library.cards.filter({ has: app.page.getByTestId('imported-badge') })
  const bundled = library.cards.filter({ hasNot: app.page.getByTestId('imported-badge') })
  await expect(imported).toHaveCount(1)
  expect(await bundled.count()).toBeGreaterThan(0)
  await expect(importer.cardDetailsButton(imported)).toHaveCount(1)
  await expect(library.list.getByTestId('briefing-details-open')).toHaveCount(1)

  // From the report, with the briefing open: its header follows the new title.
  await importer.imported.getByTestId('import-open').click()
  const reader = new ReaderPage(app.page)
  await expect(reader.heading).toBeVisible()
  await importer.imported.getByTestId('import-details').click()
  await expect(importer.detailsForm).toBeVisible()
  await expect(importer.detailsSource).toHaveValue('Unknown source')
  await expect(importer.detailsSource).toBeFocused()
  await importer.saveDetails({ title: 'Port call', source: 'Naval attaché', date: '2024-02-29' })
  await expect(importer.detailsForm).toBeHidden()
  await expect(app.page.locator('.crumb-title')).toHaveText('Port call')
  await expect(app.page.locator('.crumb-meta')).toContainText('Naval attaché')

  await app.page.getByTestId('back-to-library').click()
  const card = library.card('Port call')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('Naval attaché')
  await expect(card.locator('time')).toHaveAttribute('datetime', '2024-02-29')

  // From the card: prefilled with what was saved; Cancel changes nothing.
  await importer.cardDetailsButton(card).click()
  await expect(importer.detailsTitle).toHaveValue('Port call')
  await expect(importer.detailsSource).toHaveValue('Naval attaché')
  await expect(importer.detailsDate).toHaveValue('2024-02-29')
  await importer.detailsForm.getByRole('button', { name: 'Cancel' }).click()
  await expect(importer.detailsForm).toBeHidden()

  await session.close(app)
  const again = await start({ userDataDir })
  const reopened = new LibraryPage(again.page)
  const kept = reopened.card('Port call')
  await expect(kept).toHaveCount(1)
  await expect(kept).toContainText('Naval attaché')
  await expect(kept.locator('time')).toHaveAttribute('datetime', '2024-02-29')
  await expect(kept.getByTestId('imported-badge')).toHaveCount(1)
  await expect(reopened.list.getByTestId('briefing-details-open')).toHaveCount(1)
})
