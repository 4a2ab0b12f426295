// PDF and Word files as analysts receive them (issue #16): a PDF chosen with File → Import and a
// Word file dropped on the window become briefings with their headings, lists and tables, read
// and found by search; a password-protected PDF fails with a message naming it. The files are
// LibreOffice's exports in fixtures/import-formats (see its README). A PDF with a scanned page is
// imported without it, and the banner says so under its briefing (light and dark screenshots).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { expect, test } from '@playwright/test'

import { expectAxeClean } from './axe'
import { useAppSession } from './fixtures/app-session'
import { ImportPage } from './pages/import.page'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

const FIXTURES = fileURLToPath(new URL('../fixtures/import-formats/', import.meta.url))
const TITLE = 'Second Thomas Shoal: resupply under pressure'

const session = useAppSession('import-formats')
// The first import starts the import process, which loads pdf.js or mammoth: seconds more than a
// text file, many more on a loaded machine.
test.describe.configure({ timeout: 90_000 })

test('a PDF chosen in File → Import is read in order; a password-protected one is refused', async () => {
  const app = await session.start({
    dialogs: {
      openPaths: [join(FIXTURES, 'briefing.pdf'), join(FIXTURES, 'broken/password.pdf')]
    }
  })
  const importer = new ImportPage(app.page)
  await importer.afterImport(() => app.menu('import-briefings'))
  await expect(importer.imported).toHaveCount(1)
  await expect(importer.imported).toContainText(TITLE)
  await expect(importer.failed).toHaveText([
    /^"password\.pdf" is protected by a password; the app cannot open it\./
  ])

  await importer.imported.getByTestId('import-open').click()
  const reader = new ReaderPage(app.page)
  await expect(reader.outlineItems).toContainText([
    'Overview',
    'Summary',
    'Background',
    'Background › The resupply route',
    'Responses',
    'Outlook'
  ])
  await reader.goToSection('Outlook')
  // The two columns read one after the other; the hyphenated words at line ends joined.
  await expect(reader.text).toContainText('extraordinarily long consideration')
  await expect(reader.text).not.toContainText('Page 2')

  const search = new SearchPage(app.page)
  await search.search('Palawan')
  await expect(search.hit(TITLE).first()).toBeVisible()
})

test('a Word file dropped on the window keeps its headings, list items and table rows', async () => {
  const app = await session.start()
  const importer = new ImportPage(app.page)
  const base64 = readFileSync(join(FIXTURES, 'briefing.docx')).toString('base64')
  await importer.drop([{ name: 'briefing.docx', base64 }])
  await expect(importer.imported).toHaveCount(1)
  await expect(importer.imported).toContainText(TITLE)
  await expect(importer.failed).toHaveCount(0)

  await importer.imported.getByTestId('import-open').click()
  const reader = new ReaderPage(app.page)
  await reader.goToSection('Background › The resupply route')
  await expect(reader.text.getByRole('listitem')).toContainText([
    'Escort by two coast guard cutters.'
  ])
  await reader.goToSection('Responses')
  const table = reader.text.getByRole('table')
  // The Word table marks no heading row, so all four rows are body rows.
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(table.getByRole('row').first().getByRole('cell')).toHaveText([
    'Date',
    'Vessel',
    'Outcome'
  ])
  await expect(table.getByRole('row').last().getByRole('cell')).toHaveText([
    '17 June',
    'Rubber boats',
    'Boarding, supplies seized'
  ])
})

const SCANNED_WARNING = 'Page 3 had no text (images only) and was left out.'

test('a PDF with a scanned page is imported without it, and the banner says so until dismissed', async () => {
  const app = await session.start()
  const importer = new ImportPage(app.page)
  const base64 = readFileSync(join(FIXTURES, 'with-scanned-page.pdf')).toString('base64')
  await importer.drop([{ name: 'with-scanned-page.pdf', base64 }])
  await expect(importer.imported).toHaveCount(1)
  await expect(importer.imported).toContainText('from with-scanned-page.pdf')
  await expect(importer.report).toContainText('Something was left out of 1 briefing.')
  await expect(importer.imported.getByTestId('import-warning')).toHaveText([SCANNED_WARNING])
  // The merged PDF names no author: its details are asked for first.
  await importer.detailsForm.getByRole('button', { name: 'Cancel' }).click()
  await expect(importer.detailsForm).toBeHidden()
  await expectAxeClean(app.page, 'import banner with a warning')
  await importer.dismiss()
  await expect(importer.report).toBeHidden()
})

for (const colorScheme of ['light', 'dark'] as const) {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 }
  ]) {
    test(`${colorScheme} ${viewport.width}: the import banner with a warning (screenshot)`, async () => {
      const app = await session.start({ colorScheme, viewport })
      const importer = new ImportPage(app.page)
      const base64 = readFileSync(join(FIXTURES, 'with-scanned-page.pdf')).toString('base64')
      await importer.drop([{ name: 'with-scanned-page.pdf', base64 }])
      await expect(importer.warnings).toHaveText([SCANNED_WARNING])
      await importer.detailsForm.getByRole('button', { name: 'Cancel' }).click()
      await expect(importer.detailsForm).toBeHidden()
      await app.page.screenshot({
        path: `test-results/screens/import-warning-${viewport.width}-${colorScheme}.png`
      })
    })
  }
}
