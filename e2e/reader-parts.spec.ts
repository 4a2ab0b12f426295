// A big briefing opens in parts (briefing:get-part, annotations:load-part): a highlight far down
// a 2,000-section briefing, in the last parts of both, is there when the analyst scrolls to it;
// the notes panel lists every highlight; a new highlight there joins the ones loaded in parts.
// Its start shows from the first part while the others are on their way.
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

import { useAppSession } from './fixtures/app-session'
import { LONG, seedHighlights, sectionText, writeLongDataset } from './fixtures/long-briefing'
import { NotesPage } from './pages/notes.page'
import { ReaderPage } from './pages/reader.page'

const SECTIONS = 2000
const HIGHLIGHTS = 4000

const session = useAppSession('briefing-parts')

test('a highlight far down a 2,000-section briefing shows when scrolled to; the notes panel lists all', async () => {
  test.setTimeout(180_000)
  const dataset = writeLongDataset(SECTIONS, join(session.dir(), 'dataset'))
  const profile = join(session.dir(), 'profile')
  await seedHighlights(profile, SECTIONS, HIGHLIGHTS)
  const app = await session.start({ datasetDir: dataset, userDataDir: profile })
  await app.page.getByTestId('briefing-card').filter({ hasText: LONG.title }).click()
  const reader = new ReaderPage(app.page)
  const notes = new NotesPage(app.page)
  await expect(reader.highlight('hl-0')).toHaveText(LONG.quote(0, 0), { timeout: 60_000 })
  await expect(notes.tabCount).toHaveText(String(HIGHLIGHTS))

  // Scrolled (not jumped) to the very end: the last section and both its highlights are there.
  const last = reader.section(LONG.heading(SECTIONS - 1))
  await expect(async () => {
    await reader.pane.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await expect(last).toBeInViewport({ timeout: 1000 })
  }).toPass({ timeout: 60_000 })
  await expect(reader.currentOutlineItem).toContainText(LONG.heading(SECTIONS - 1))
  const far = last.locator('[data-highlight-ids~="hl-3999"]')
  await expect(far).toHaveText(LONG.quote(SECTIONS - 1, 1))
  await expect(last.locator('[data-highlight-ids~="hl-1999"]')).toHaveText(
    LONG.quote(SECTIONS - 1, 0)
  )

  // The notes panel lists every highlight, the last of the last part too.
  await notes.open()
  await expect(notes.highlightItems).toHaveCount(HIGHLIGHTS, { timeout: 60_000 })
  await expect(notes.highlightItem('hl-3999')).toContainText(LONG.quote(SECTIONS - 1, 1))

  // A new highlight in that section joins the ones loaded in parts.
  const text = sectionText(SECTIONS - 1)
  const phrase = text.slice(text.indexOf('Cargo'), text.indexOf('Cargo') + 'Cargo moved'.length)
  await reader.selectText(phrase)
  await expect(reader.toolbar).toBeVisible()
  await reader.pressKey('h')
  await expect(notes.tabCount).toHaveText(String(HIGHLIGHTS + 1))
  await expect(notes.highlightItems).toHaveCount(HIGHLIGHTS + 1)
  await expect(last.locator('[data-highlight-ids]').filter({ hasText: phrase })).toHaveCount(1)
})

test('a big briefing shows its start from the first part while the rest is on its way', async () => {
  test.setTimeout(120_000)
  const dataset = writeLongDataset(SECTIONS, join(session.dir(), 'dataset'))
  const profile = join(session.dir(), 'profile')
  // The briefing's later parts are held back until the start has been seen.
  let release = (): void => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  const app = await session.start({
    datasetDir: dataset,
    userDataDir: profile,
    holdRequest: (channel, request) =>
      channel === 'briefing:get-part' && (request as { start: number }).start > 0 ? held : undefined
  })
  await app.page.getByTestId('briefing-card').filter({ hasText: LONG.title }).click()
  const reader = new ReaderPage(app.page)
  await expect(reader.heading).toHaveText(LONG.heading(0))
  await expect(reader.sections.first()).toContainText(LONG.quote(0, 0))
  await expect(reader.pane).toHaveAttribute('aria-busy', 'true')
  expect(await reader.outlineItems.count()).toBeLessThan(SECTIONS)

  release()
  await expect(reader.pane).not.toHaveAttribute('aria-busy', 'true')
  await expect(reader.outlineItems).toHaveCount(SECTIONS, { timeout: 60_000 })
  await expect(reader.heading).toHaveText(LONG.heading(0))
  await reader.outlineItems.last().click()
  await expect(reader.currentOutlineItem).toContainText(LONG.heading(SECTIONS - 1))
  await expect(reader.section(LONG.heading(SECTIONS - 1))).toBeInViewport()
})
