// The library scales: hundreds of briefings sort, filter and narrow as the analyst types, and only
// the cards near the viewport are on the page.
import { rmSync } from 'node:fs'

import { expect, test } from '@playwright/test'

import { SHELF, writeLibraryDataset } from './fixtures/library-dataset'
import { openApp } from './harness'
import type { OpenedApp } from './harness'

let app: OpenedApp
let datasetDir = ''
test.beforeEach(async () => {
  datasetDir = writeLibraryDataset()
  app = await openApp({ datasetDir })
})
test.afterEach(async () => {
  expect(app.cspViolations).toEqual([])
  await app.close()
  rmSync(datasetDir, { recursive: true, force: true })
})

const cards = () => app.page.getByTestId('briefing-card')
const firstTitle = () => cards().first().locator('.title')

test('hundreds of briefings: only cards near the viewport are on the page, scrolling shows more', async () => {
  await expect(cards().first()).toBeVisible()
  expect(await cards().count()).toBeLessThan(50)
  await app.page.getByTestId('library').evaluate((list) => {
    const scroller = list.closest('.scroller')
    if (scroller) scroller.scrollTop = scroller.scrollHeight
  })
  await expect(cards().last()).toHaveAttribute('data-briefing-id', `shelf-${SHELF.briefings}`)
  expect(await cards().count()).toBeLessThan(50)
})

test('sorts by title, source and published date', async () => {
  const sort = app.page.getByTestId('library-sort')
  // No reading data yet: "Last read" is not offered.
  await expect(sort.locator('option[value="lastRead"]')).toHaveCount(0)
  // Titles with "05": items 005, 050 to 059, 105, 205, 305, 405 and 505, a day apart.
  await app.page.getByTestId('library-filter').fill('item 05')
  await expect(app.page.getByTestId('library-shown')).toHaveText('16 of 601')
  await sort.selectOption('source')
  await expect(firstTitle()).toHaveText(SHELF.title(51))
  await expect(cards().first().locator('.source')).toHaveText('Alpha Desk')
  await sort.selectOption('title')
  await expect(firstTitle()).toHaveText(SHELF.title(4))
  await sort.selectOption('source')
  await sort.selectOption('published')
  await expect(firstTitle()).toHaveText(SHELF.title(4))
  await expect(cards().nth(1).locator('.title')).toHaveText(SHELF.title(49))
})

test('the filter box and the filters narrow the list, and Clear brings it back', async () => {
  const filterBox = app.page.getByTestId('library-filter')
  await filterBox.fill('item 123')
  await expect(cards()).toHaveCount(1)
  await expect(firstTitle()).toHaveText(SHELF.title(122))
  await filterBox.fill('gamma rare')
  const gammaRare = Array.from({ length: SHELF.briefings }, (_, b) => b).filter(
    (b) => SHELF.source(b) === 'Gamma Post' && SHELF.rare(b)
  ).length
  await expect(app.page.getByTestId('library-shown')).toContainText(`${gammaRare} of `)
  await app.page.getByRole('button', { name: 'Clear', exact: true }).click()
  await expect(filterBox).toHaveValue('')

  await app.page.getByTestId('library-entity').selectOption(SHELF.entityId)
  const mentioning = Array.from({ length: SHELF.briefings }, (_, b) => b).filter(SHELF.mentions)
  await expect(app.page.getByTestId('library-shown')).toContainText(`${mentioning.length} of `)
  await app.page.getByTestId('library-source').selectOption('Beta Wire')
  await app.page.getByTestId('library-tag').selectOption('rare')
  const both = mentioning.filter((b) => SHELF.source(b) === 'Beta Wire' && SHELF.rare(b))
  await expect(app.page.getByTestId('library-shown')).toContainText(`${both.length} of `)
  await app.page.getByTestId('library-origin').selectOption('imported')
  await expect(app.page.getByTestId('library-none')).toBeVisible()
})
