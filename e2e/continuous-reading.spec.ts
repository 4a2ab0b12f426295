// Continuous reading: the briefing reads as one document (title, source and date, every section
// heading in order, no made-up lead heading), the outline follows the scroll and jumps, j/k and
// Space move, and a briefing of 5,000 sections with 10,000 highlights opens and jumps to its end
// (the heading jumped to taking the focus).
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

import { useAppSession } from './fixtures/app-session'
import { QUAD_HEADINGS as HEADINGS } from './fixtures/bundled-briefing'
import { LONG, seedHighlights, writeLongDataset } from './fixtures/long-briefing'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'

const session = useAppSession('briefing-long')

test('the briefing reads as one document: its title, source and date, then every heading in order', async () => {
  const app = await session.start()
  await new LibraryPage(app.page).open(/QUAD/)
  const reader = new ReaderPage(app.page)
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(/PM Modi in Tokyo/)
  await expect(app.page.getByTestId('briefing-meta')).toContainText(
    'Financial Express Online · 23 May 2022'
  )
  await expect(reader.outlineItems.first()).toContainText('Overview')
  await expect(reader.currentOutlineItem).toContainText('Overview')
  // Every section is in the one text; the lead has no "Overview" heading of its own.
  // The window fills in a few sections per frame: whatever is rendered so far reads in order.
  await expect
    .poll(async () => {
      const shown = (await reader.headings.allTextContents()).map((t) => t.trim())
      return shown.length > 0 && shown.every((text, i) => text === HEADINGS[i])
    })
    .toBe(true)
  await expect(reader.pane.getByText('Overview', { exact: true })).toHaveCount(0)
  await reader.pane.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await expect(reader.headings.last()).toHaveText(HEADINGS[HEADINGS.length - 1]!)
})

test('the outline follows the scroll and jumps on click; j/k and Space move through the text', async () => {
  const app = await session.start({ viewport: { width: 1280, height: 800 } })
  await new LibraryPage(app.page).open(/QUAD/)
  const reader = new ReaderPage(app.page)
  await reader.outlineItems.filter({ hasText: HEADINGS[2]! }).click()
  await expect(reader.currentOutlineItem).toContainText(HEADINGS[2]!)
  await expect.poll(() => reader.topInPane(reader.section(HEADINGS[2]!))).toBeLessThan(2)
  expect(await reader.topInPane(reader.section(HEADINGS[2]!))).toBeGreaterThan(-2)

  // Scrolling down past the next heading makes it the current section.
  const next = reader.section(HEADINGS[3]!)
  await reader.scrollBy((await reader.topInPane(next)) + 20)
  await expect(reader.currentOutlineItem).toContainText(HEADINGS[3]!)

  await reader.pressKey('j')
  await expect(reader.currentOutlineItem).toContainText(HEADINGS[4]!)
  await expect.poll(() => reader.topInPane(reader.section(HEADINGS[4]!))).toBeLessThan(2)
  await reader.pressKey('k')
  await expect(reader.currentOutlineItem).toContainText(HEADINGS[3]!)

  // Space pages the text when nothing else has the focus (a focused button keeps its own Space).
  await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  const before = await reader.pane.evaluate((el) => el.scrollTop)
  await reader.pressKey(' ')
  await expect.poll(() => reader.pane.evaluate((el) => el.scrollTop)).toBeGreaterThan(before + 200)
  await reader.pressKey('Shift+ ')
  await expect.poll(() => reader.pane.evaluate((el) => el.scrollTop)).toBeLessThan(before + 20)
})

test('a briefing of 5,000 sections with 10,000 highlights opens, renders only what is near, and jumps to its end', async () => {
  // Loading 5,000 sections and 10,000 highlights through the harness's page binding takes far
  // longer than Electron's IPC: the limit is for that transport, not for the reader.
  test.setTimeout(180_000)
  const dataset = writeLongDataset(5000, join(session.dir(), 'dataset'))
  const profile = join(session.dir(), 'profile')
  await seedHighlights(profile, 5000, 10_000)
  const app = await session.start({ datasetDir: dataset, userDataDir: profile })
  await app.page.getByTestId('briefing-card').filter({ hasText: LONG.title }).click()
  const reader = new ReaderPage(app.page)
  await expect(reader.outlineItems).toHaveCount(5000, { timeout: 60_000 })
  await expect(reader.heading).toHaveText(LONG.heading(0))
  await expect(reader.highlight('hl-0')).toHaveText(LONG.quote(0, 0), { timeout: 60_000 })
  expect(await reader.sections.count()).toBeLessThan(60)

  await reader.outlineItems.last().click()
  await expect(reader.currentOutlineItem).toContainText(LONG.heading(4999))
  const last = reader.section(LONG.heading(4999))
  await expect(last).toBeInViewport()
  // Its heading takes the focus once rendered, a few frames after the jump.
  await expect(reader.openedSection).toBeFocused()
  await expect(reader.highlight('hl-4999')).toHaveText(LONG.quote(4999, 0))
  await expect(reader.highlight('hl-9999')).toHaveText(LONG.quote(4999, 1))
  expect(await reader.sections.count()).toBeLessThan(60)

  // And back to the middle, exactly at its heading.
  await reader.outlineItems.nth(2500).click()
  await expect(reader.currentOutlineItem).toContainText(LONG.heading(2500))
  await expect(reader.openedSection).toBeFocused()
  await expect.poll(() => reader.topInPane(reader.section(LONG.heading(2500)))).toBeLessThan(2)
  expect(await reader.topInPane(reader.section(LONG.heading(2500)))).toBeGreaterThan(-2)
})
