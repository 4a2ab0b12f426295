// Reading resumes where the analyst stopped: the section and how far down it are saved as they
// read, and survive a restart on the same profile; the library card shows how far the briefing
// was read and "Continue reading" opens it there. The reading pane names the briefing.
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

const SECTION = 'India-Japan 2+2 Ministerial Dialogue & More'

/** How far down the reading pane is scrolled, 0..1. */
function scrolled(page: Page): Promise<number> {
  return page
    .locator('.scroller')
    .last()
    .evaluate((el) => {
      const room = el.scrollHeight - el.clientHeight
      return room > 0 ? el.scrollTop / room : 0
    })
}

function savedOffset(profile: string): number | undefined {
  try {
    const file = JSON.parse(readFileSync(join(profile, 'reading-positions.json'), 'utf8')) as {
      positions: { offset: number }[]
    }
    return file.positions[0]?.offset
  } catch {
    return undefined
  }
}

let app: OpenedApp | undefined
test.afterEach(async () => {
  await app?.close()
  app = undefined
})

test('the reading position survives a restart; the card and "Continue reading" show it', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'briefing-resume-'))
  try {
    app = await openApp({ userDataDir: profile })
    await app.page.setViewportSize({ width: 1024, height: 480 })
    await new LibraryPage(app.page).open(/QUAD/)
    const reader = new ReaderPage(app.page)
    await expect(app.page.getByTestId('briefing-title')).toHaveText(/PM Modi in Tokyo/)
    await expect(reader.heading).toHaveText('Overview')
    await expect(reader.heading).not.toBeInViewport()
    await reader.goToSection(SECTION)
    const pane = app.page.locator('.scroller').last()
    expect(await pane.evaluate((el) => el.scrollHeight > el.clientHeight + 100)).toBe(true)
    await pane.evaluate((el) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) / 2
    })
    await expect.poll(() => savedOffset(profile)).toBeGreaterThan(4000)

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
    await expect.poll(() => scrolled(app!.page)).toBeGreaterThan(0.4)
    expect(await scrolled(app.page)).toBeLessThan(0.6)
  } finally {
    await app?.close()
    app = undefined
    rmSync(profile, { recursive: true, force: true })
  }
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
