// The analyst opens the bundled briefing, reads it section by section and sees tagged entities.
import { expect, test } from '@playwright/test'

import { QUAD_HEADINGS as HEADINGS } from './fixtures/bundled-briefing'
import { openApp } from './harness'
import type { OpenedApp } from './harness'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'

let app: OpenedApp
test.beforeEach(async () => {
  app = await openApp()
})
test.afterEach(async () => {
  await app.close()
})

test('the library lists the bundled briefing with its source, date and tags', async () => {
  const library = new LibraryPage(app.page)
  await expect(library.cards).toHaveCount(1)
  const card = library.card(/QUAD/)
  await expect(card).toContainText('Financial Express Online')
  await expect(card).toContainText('2022')
  await expect(card).toContainText(/diplomacy|defence/i)
})

test('the outline shows the lead and the six headed sections, j/k move between them', async () => {
  await new LibraryPage(app.page).open(/QUAD/)
  const reader = new ReaderPage(app.page)
  await expect(reader.outlineItems).toHaveCount(7)
  for (const [i, heading] of HEADINGS.entries()) {
    await expect(reader.outlineItems.nth(i + 1)).toContainText(heading)
  }
  await expect(reader.currentOutlineItem).toHaveCount(1)
  await expect(reader.text).toContainText('Special Strategic and Global Partnership')
  await reader.pressKey('j')
  await expect(reader.heading).toHaveText(HEADINGS[0]!)
  await expect(reader.currentOutlineItem).toContainText(HEADINGS[0]!)
  await reader.pressKey('j')
  await expect(reader.heading).toHaveText(HEADINGS[1]!)
  await reader.pressKey('k')
  await expect(reader.heading).toHaveText(HEADINGS[0]!)
  await reader.goToSection('Military Cooperation')
  await expect(reader.text).toContainText('MILAN 22')
})

test('entity mentions are marked by kind and can be toggled off and on', async () => {
  await new LibraryPage(app.page).open(/QUAD/)
  const reader = new ReaderPage(app.page)
  await expect(reader.mentionsOf('narendra-modi').first()).toHaveClass(/entity-person/)
  await expect(reader.mentionsOf('fumio-kishida').first()).toHaveText(/Kishida/)
  await expect(reader.text.locator('.entity-place').first()).toBeVisible()
  const marked = await reader.entityMarks.count()
  expect(marked).toBeGreaterThan(5)
  await reader.entityToggle.click()
  await expect(reader.entityMarks).toHaveCount(0)
  await expect(reader.text).toContainText('Fumio Kishida')
  await reader.entityToggle.click()
  await expect(reader.entityMarks).toHaveCount(marked)
})

test('the entity panel counts mentions and clicking one marks its mentions', async () => {
  await new LibraryPage(app.page).open(/QUAD/)
  const reader = new ReaderPage(app.page)
  const modi = reader.entityItem('narendra-modi')
  await expect(modi).toContainText('Narendra Modi')
  await expect(modi).toContainText('4')
  await expect(reader.selectedEntityMarks).toHaveCount(0)
  await modi.click()
  await expect(reader.selectedEntityMarks).toHaveCount(
    await reader.mentionsOf('narendra-modi').count()
  )
  await expect(reader.selectedEntityMarks.first()).toBeVisible()
  await modi.click()
  await expect(reader.selectedEntityMarks).toHaveCount(0)
})
