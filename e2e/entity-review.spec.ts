// After importing text files (issue #6): the details form opens by itself for what a file did not
// give, one briefing after another; proposed entities are reviewed — one accepted, one merged into
// a library entity — and the accepted one is in the entity panel and found by a fielded search.
import { expect, test } from '@playwright/test'

import { useAppSession } from './fixtures/app-session'
import { EntityReviewPage } from './pages/entity-review.page'
import { ImportPage } from './pages/import.page'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

const HARBOUR = `Harbour talks

Washington welcomed the step.

Port call

The frigate docked at Yokosuka on Monday. Admiral Hiroshi Tanaka welcomed the crew, and Tanaka said the visit mattered to Japan.

Industry

Officials from Mitsubishi Heavy Industries met Maria Gonzalez in Osaka. Gonzalez praised the Osaka shipyards.
`

const NOTE = `the ministry says coastal shipping will grow by a third over the next decade.

Three minor ports will be upgraded to take container feeders by next year.
`

const session = useAppSession('entity-review')

test('the details form opens after importing files without title, source or date', async () => {
  const app = await session.start()
  const importer = new ImportPage(app.page)
  const library = new LibraryPage(app.page)

  await importer.drop([
    { name: 'harbour.txt', text: HARBOUR },
    { name: 'coastal-note.txt', text: NOTE }
  ])
  await expect(importer.imported).toHaveCount(2)
  await expect(importer.detailsForm).toBeVisible()
  await expect(importer.detailsForm).toContainText('1 of 2')
  const guessed = importer.detailsForm.getByTestId('details-guessed')
  await expect(guessed).toContainText('Imported as “Harbour talks”.')
  await expect(guessed).toContainText('The file gave no source and date (today’s)')
  await expect(importer.detailsTitle).toHaveValue('Harbour talks')
  await expect(importer.detailsSource).toHaveValue('Unknown source')
  await expect(importer.detailsSource).toBeFocused()

  // Cancel keeps the guesses and moves on to the next file's form.
  await importer.detailsForm.getByRole('button', { name: 'Cancel' }).click()
  await expect(importer.detailsForm).toContainText('2 of 2')
  await expect(guessed).toContainText('The file gave no title (taken from its first heading or')
  await expect(importer.detailsTitle).toHaveValue('coastal-note')
  await expect(importer.detailsTitle).toBeFocused()
  await importer.saveDetails({ title: 'Coastal shipping', source: 'Ministry', date: '2024-03-01' })
  await expect(importer.detailsForm).toBeHidden()

  const card = library.card('Coastal shipping')
  await expect(card).toContainText('Ministry')
  await expect(card.locator('time')).toHaveAttribute('datetime', '2024-03-01')
  await expect(library.card('Harbour talks')).toContainText('Unknown source')
})

test('proposed entities: one accepted, one merged, then in the panel and found by search', async () => {
  const app = await session.start()
  const importer = new ImportPage(app.page)
  const review = new EntityReviewPage(app.page)

  await importer.drop([{ name: 'harbour.txt', text: HARBOUR }])
  await expect(importer.detailsForm).toBeVisible()
  await importer.detailsForm.getByRole('button', { name: 'Cancel' }).click()
  await expect(importer.detailsForm).toBeHidden()

  await expect(review.reportButton).toHaveText(/^Review entities \(\d+\)$/)
  await review.reportButton.click()
  await expect(review.dialog).toBeVisible()
  await expect(review.dialog).toContainText('Harbour talks')
  await expect(review.row('Maria Gonzalez')).toContainText('Person')
  await expect(review.row('Washington')).toContainText('Washington welcomed the step.')
  const before = await review.rows.count()

  await review.accept('Maria Gonzalez')
  await review.merge('Washington', 'United States')
  await expect(review.dialog).toContainText('2 decisions')
  await review.save.click()
  await expect(review.saved).toContainText('Saved: 1 accepted, 1 merged;')
  await expect(review.rows).toHaveCount(before - 2)
  await expect(review.row('Maria Gonzalez')).toHaveCount(0)
  await review.close()
  await expect(review.dialog).toBeHidden()
  await expect(review.reportButton).toHaveText(`Review entities (${before - 2})`)

  await importer.imported.getByTestId('import-open').click()
  const reader = new ReaderPage(app.page)
  await expect(reader.entityItem('maria-gonzalez')).toContainText('Maria Gonzalez')
  await expect(reader.entityItem('united-states')).toBeVisible()
  await expect(review.readerButton).toHaveText(`Entities to review (${before - 2})`)
  await reader.outlineItems.filter({ hasText: 'Industry' }).click()
  await expect(reader.mentionsOf('maria-gonzalez').first()).toHaveText('Maria Gonzalez')

  const search = new SearchPage(app.page)
  await search.search('person:gonzalez')
  await expect(search.hits).toHaveCount(1)
  await expect(search.hit('Harbour talks')).toBeVisible()
  await expect(search.hits.first()).toContainText('Industry')
})

test('mentions in context, accept all people, reject the rest; the card counts what is left', async () => {
  const app = await session.start()
  const importer = new ImportPage(app.page)
  const review = new EntityReviewPage(app.page)
  const library = new LibraryPage(app.page)

  await importer.drop([{ name: 'harbour.txt', text: HARBOUR }])
  await importer.detailsForm.getByRole('button', { name: 'Cancel' }).click()
  await expect(importer.detailsForm).toBeHidden()
  const pending = Number((await review.reportButton.textContent())?.match(/\d+/)?.[0])
  const count = library.card('Harbour talks').getByTestId('card-entities')
  // The known names (Japan, Mitsubishi) are tagged; the proposals are counted beside them.
  await expect(count).toHaveText(new RegExp(`^\\d+ entit(y|ies) \\(\\+${pending} to review\\)$`))
  const tagged = Number((await count.textContent())?.match(/\d+/)?.[0])

  await review.reportButton.click()
  await expect(review.mentions('Osaka')).toHaveCount(2)
  await expect(review.mentions('Osaka').first()).toContainText('met Maria Gonzalez in Osaka.')
  await expect(review.row('Osaka')).toContainText('2 mentions')
  await review.acceptAll('person').click()
  const people = await review.dialog
    .locator('[data-testid="entity-proposal"]:has(input[value="accept"]:checked)')
    .count()
  expect(people).toBeGreaterThan(0)
  await expect(review.row('Maria Gonzalez').getByLabel('Accept', { exact: true })).toBeChecked()
  await expect(review.acceptAll('person')).toBeDisabled()
  await review.rejectRest.click()
  await expect(review.row('Osaka').getByLabel('Reject', { exact: true })).toBeChecked()
  await expect(review.dialog).toContainText(`${pending} decisions`)
  await review.save.click()
  await expect(review.dialog).toBeHidden()
  await expect(review.reportButton).toBeHidden()
  await expect(count).toHaveText(`${tagged + people} entities`)
})

for (const colorScheme of ['light', 'dark'] as const) {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 }
  ]) {
    test(`${colorScheme} ${viewport.width}: the review dialog and the card's count (screenshots)`, async () => {
      const app = await session.start({ colorScheme, viewport })
      const importer = new ImportPage(app.page)
      const review = new EntityReviewPage(app.page)
      const shot = (name: string) =>
        app.page.screenshot({
          path: `test-results/screens/${name}-${viewport.width}-${colorScheme}.png`
        })
      await importer.drop([{ name: 'harbour.txt', text: HARBOUR }])
      await importer.detailsForm.getByRole('button', { name: 'Cancel' }).click()
      await expect(importer.detailsForm).toBeHidden()
      await expect(new LibraryPage(app.page).card('Harbour talks')).toContainText('to review')
      await shot('library-entities-to-review')
      await review.reportButton.click()
      await expect(review.mentions('Osaka')).toHaveCount(2)
      await shot('entity-review')
    })
  }
}
