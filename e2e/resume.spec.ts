// Reading resumes where the analyst stopped: the section and the first character in view are
// saved as they read, and survive a restart on the same profile and a new version of the
// briefing; the library card shows how far the briefing was read and "Continue reading" opens
// it there. The reading pane names the briefing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { openApp } from './harness'
import type { OpenedApp } from './harness'
import { ImportPage } from './pages/import.page'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'
import { VersionsPage } from './pages/versions.page'

const SECTION = 'India-Japan 2+2 Ministerial Dialogue & More'

interface SavedEntry {
  sectionId: string
  offset: number
  textOffset?: number
  quote?: string
}

function savedPosition(profile: string): SavedEntry | undefined {
  try {
    const file = JSON.parse(readFileSync(join(profile, 'reading-positions.json'), 'utf8')) as {
      positions: SavedEntry[]
    }
    return file.positions[0]
  } catch {
    return undefined
  }
}

/** Scrolls the paragraph of the continuous text starting with `start` to the pane's top. */
async function scrollParagraphToTop(reader: ReaderPage, start: string): Promise<void> {
  const paragraph = reader.pane.locator('p').filter({ hasText: start })
  await paragraph.waitFor()
  await reader.scrollBy((await reader.topInPane(paragraph)) + 6)
}

/** The first paragraph of the text in view at the pane's top: its opening words and its top. */
function firstParagraphInView(page: Page): Promise<{ text: string; top: number }> {
  return page.getByTestId('reading-pane').evaluate((pane) => {
    const paneTop = pane.getBoundingClientRect().top
    const texts = pane.querySelectorAll('[data-testid="section-text"] p')
    for (const p of texts) {
      const box = p.getBoundingClientRect()
      if (box.bottom > paneTop)
        return { text: (p.textContent ?? '').slice(0, 40), top: box.top - paneTop }
    }
    return { text: '', top: 0 }
  })
}

let app: OpenedApp | undefined
test.afterEach(async () => {
  await app?.close()
  app = undefined
})

test('reading resumes at the exact paragraph after a restart; the card and "Continue reading" show it', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'briefing-resume-'))
  try {
    app = await openApp({ userDataDir: profile })
    await app.page.setViewportSize({ width: 1024, height: 480 })
    await new LibraryPage(app.page).open(/QUAD/)
    const reader = new ReaderPage(app.page)
    await expect(app.page.getByTestId('briefing-title')).toHaveText(/PM Modi in Tokyo/)
    // The lead is named only in the outline: no made-up heading in the text.
    await expect(reader.heading).toHaveText('Overview')
    await expect(reader.currentSection.getByTestId('section-heading')).toHaveCount(0)
    await reader.goToSection(SECTION)
    const paragraphs = reader.section(SECTION).locator('[data-testid="section-text"] p')
    expect(await paragraphs.count()).toBeGreaterThan(2)
    const wanted = ((await paragraphs.nth(2).textContent()) ?? '').slice(0, 40)
    await scrollParagraphToTop(reader, wanted)
    // Saved after a pause: the first character in view, the paragraph's first.
    await expect
      .poll(() => wanted.startsWith((savedPosition(profile)?.quote ?? '-').slice(0, 20)))
      .toBe(true)
    expect(savedPosition(profile)?.textOffset).toBeGreaterThan(0)

    await app.page.getByTestId('back-to-library').click()
    const card = app.page.getByTestId('briefing-card').filter({ hasText: /QUAD/ })
    await expect(card.getByTestId('card-progress')).toContainText('% read')
    await expect(app.page.getByTestId('continue-item')).toHaveCount(1)
    await app.close()

    app = await openApp({ userDataDir: profile })
    await app.page.setViewportSize({ width: 1024, height: 480 })
    await expect(app.page.getByTestId('continue-item')).toContainText(/PM Modi in Tokyo/)
    await app.page.getByTestId('continue-item').click()
    const restored = new ReaderPage(app.page)
    await expect(restored.heading).toHaveText(SECTION)
    await expect.poll(async () => (await firstParagraphInView(app!.page)).text).toBe(wanted)
    const { top } = await firstParagraphInView(app.page)
    expect(top).toBeLessThanOrEqual(0)
    expect(top).toBeGreaterThan(-40)
  } finally {
    await app?.close()
    app = undefined
    rmSync(profile, { recursive: true, force: true })
  }
})

const HEADER = `---
title: Tide tables at Kochi
source: Port notes
date: 2024-07-01
---
`
const LOG = Array.from(
  { length: 14 },
  (_, i) => `Entry ${i + 1}: the tide turned at the outer buoy and the pilots logged the swell.`
)
const V1 = `${HEADER}\n## Log\n\n${LOG.join('\n\n')}\n`
// The new version adds paragraphs above the one being read: the position follows its text.
const V2 = `${HEADER}\n## Log\n\nA foreword was added.\n\nAnd a second one.\n\n${LOG.join('\n\n')}\n`

test('the reading position follows its paragraph when the briefing is replaced by a new version', async () => {
  app = await openApp({ viewport: { width: 1024, height: 480 } })
  const importer = new ImportPage(app.page)
  const versions = new VersionsPage(app.page)
  await importer.drop([{ name: 'tides.md', text: V1 }])
  await expect(importer.imported).toHaveCount(1)
  await importer.imported.getByTestId('import-open').click()
  const reader = new ReaderPage(app.page)
  await expect(app.page.getByTestId('briefing-title')).toHaveText('Tide tables at Kochi')
  await scrollParagraphToTop(reader, 'Entry 9:')
  await expect.poll(async () => (await firstParagraphInView(app!.page)).text).toContain('Entry 9:')
  await app.page.getByTestId('back-to-library').click()

  await importer.drop([{ name: 'tides-v2.md', text: V2 }])
  await versions.replace('tides-v2.md')
  await expect(versions.report).toHaveAttribute('data-action', 'replaced')
  await versions.closeButton.click()
  await app.page.getByTestId('briefing-card').filter({ hasText: 'Tide tables at Kochi' }).click()
  await expect(app.page.getByTestId('briefing-title')).toHaveText('Tide tables at Kochi')
  await expect.poll(async () => (await firstParagraphInView(app!.page)).text).toContain('Entry 9:')
})

test('an import banner goes once its briefing was opened and the analyst is back in the library', async () => {
  app = await openApp()
  const importer = new ImportPage(app.page)
  await importer.drop([
    { name: 'pier.md', text: '# Pier works\n\nThe pier was extended by forty metres.\n' }
  ])
  await expect(importer.imported).toHaveCount(1)
  await importer.cancelDetails()
  await importer.imported.getByTestId('import-open').click()
  await expect(app.page.getByTestId('briefing-title')).toHaveText('Pier works')
  await expect(importer.report).toBeVisible()
  await app.page.getByTestId('back-to-library').click()
  await expect(importer.report).toHaveCount(0)
})
