// The reader shows a version-2 dataset's blocks (issue #16 item 4): lists as nested <ol>/<ul>,
// quotes as one <blockquote>, code in <pre><code> with its whitespace kept and scrolling sideways,
// tables with header cells; highlights, mentions, the focused highlight's label and the reading
// cursor keep working across them; axe finds nothing in any theme. Screenshots in every theme
// at both sizes land in test-results/screens/.
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { expectAxeClean } from './axe'
import { BLOCKS, writeBlocksDataset } from './fixtures/blocks-dataset'
import { useAppSession } from './fixtures/app-session'
import { KeyboardPart } from './pages/keyboard.page'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'
import { ReadingSettingsPage } from './pages/reading-settings.page'
import { SearchPage } from './pages/search.page'
import type { OpenAppOptions, OpenedApp } from './harness'

const session = useAppSession('briefing-blocks')
let datasetDir = ''
test.beforeAll(() => {
  datasetDir = writeBlocksDataset()
})
test.afterAll(() => rmSync(datasetDir, { recursive: true, force: true }))

/** Opens the handbook at its first section (`at` null: wherever the profile left off). */
async function openHandbook(
  options: OpenAppOptions = {},
  at: string | null = 'Procedures'
): Promise<{ app: OpenedApp; reader: ReaderPage }> {
  const app = await session.start({ datasetDir, ...options })
  await new LibraryPage(app.page).open(BLOCKS.title)
  const reader = new ReaderPage(app.page)
  if (at !== null) await expect(reader.heading).toHaveText(at)
  return { app, reader }
}

test('lists, quotes, code and tables show as such, with their mentions', async () => {
  const { reader } = await openHandbook()
  const procedures = reader.section('Procedures')
  const list = procedures.locator('ol')
  await expect(list).toHaveCount(1)
  await expect(list.locator(':scope > li')).toHaveText([
    new RegExp(`^${BLOCKS.items[0]}$`),
    new RegExp(`^${BLOCKS.items[1]}${BLOCKS.nested.join('')}$`),
    /^Log the arrival\.$/
  ])
  await expect(list.locator(':scope > li > ul > li')).toHaveText(BLOCKS.nested)
  await expect(procedures.locator('blockquote p')).toHaveText(BLOCKS.quotes)
  await expect(procedures.locator('blockquote')).toHaveCount(1)
  await expect(list.locator('ul [data-entity-id="port-alder"]')).toHaveText('Port Alder')

  const code = reader.section('Loader script').locator('pre > code')
  await expect(code).toHaveCount(1)
  expect(await code.evaluate((el) => el.textContent)).toBe(BLOCKS.code)
  // The long line scrolls sideways instead of wrapping.
  const pre = code.locator('..')
  await expect(pre).toHaveCSS('white-space', 'pre')
  await expect(pre).toHaveCSS('overflow-x', 'auto')
  expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  // It scrolls, so the keyboard reaches it (a block that fits is no tab stop).
  await expect(pre).toHaveAttribute('tabindex', '0')
  await expect(code.locator('[data-entity-id="port-alder"]')).toHaveText('Port Alder')

  const table = reader.section('Berths').getByRole('table')
  await expect(table.getByRole('columnheader')).toHaveText(BLOCKS.header)
  await expect(table.locator('tbody tr')).toHaveCount(BLOCKS.rows.length)
  for (const [i, row] of BLOCKS.rows.entries()) {
    await expect(table.locator('tbody tr').nth(i).getByRole('cell')).toHaveText(row)
  }
  await expect(table.locator('[data-entity-id="port-alder"]')).toHaveText('Port Alder')
  // Long cells wrap at their hyphens: the table fits the column, so its frame is no tab stop.
  const frame = table.locator('..')
  expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  await expect(frame).not.toHaveAttribute('tabindex')
  await expectAxeClean(reader.page, 'reader with blocks')
})

test('a highlight across two list items or two table cells paints in each part and stays', async () => {
  const userDataDir = session.dir()
  const { app, reader } = await openHandbook({ userDataDir })
  await reader.highlightText('tables.Call the', 'Key point')
  const inList = reader.page.locator('ol [data-highlight-ids]')
  await expect(inList).toHaveText(['tables.', 'Call the'])
  await expect(inList.locator('xpath=ancestor::li[1]')).toHaveCount(2)

  await reader.goToSection('Berths')
  await reader.highlightText('Port Alder9 m', 'Question')
  const inCells = reader.page.locator('td [data-highlight-ids]')
  await expect(inCells).toHaveText(['Port Alder', '9 m'])

  // The first piece is a tab stop: focused by the keyboard, it names its colour's meaning above
  // itself.
  const stop = reader.page.locator('td [data-highlight-stop]')
  await stop.focus()
  await app.page.keyboard.press('Shift+Tab')
  await new KeyboardPart(app.page).tabTo(stop)
  const label = app.page.getByTestId('highlight-focus-label')
  await expect(label).toHaveText('Question')
  const labelBox = (await label.boundingBox())!
  const stopBox = (await stop.boundingBox())!
  expect(labelBox.y + labelBox.height).toBeLessThanOrEqual(stopBox.y)

  // Opened again, both highlights paint over the same parts.
  await session.close(app)
  const again = await openHandbook({ userDataDir }, null)
  await again.reader.goToSection('Berths')
  await expect(again.reader.page.locator('td [data-highlight-ids]')).toHaveText([
    'Port Alder',
    '9 m'
  ])
  await again.reader.goToSection('Procedures')
  await expect(again.reader.page.locator('ol [data-highlight-ids]')).toHaveText([
    'tables.',
    'Call the'
  ])
})

test('the reading cursor takes a block as a paragraph and code line by line', async () => {
  const { app, reader } = await openHandbook()
  const keys = new KeyboardPart(app.page)
  await reader.goToSection('Loader script')
  // Tab into the text places the cursor on its first sentence in view.
  await keys.tabTo(reader.text)
  await keys.expectCursorOn(/^The crane runs this loop/)
  await keys.press('ArrowDown')
  await keys.expectCursorOn(/^def load\(ship\):$/)
  await keys.press('ArrowDown')
  await keys.expectCursorOn(/^for crate in ship\.hold:$/)
  // The blank line inside the code is no paragraph break: the next paragraph is after the code.
  await keys.press('Control+ArrowDown')
  await keys.expectCursorOn(/^Nothing else touches the cranes\.$/)
  await keys.press('Control+ArrowUp')
  await keys.expectCursorOn(/^def load\(ship\):$/)

  // Shift+Down selects the cursor's line of code; h highlights exactly it.
  await keys.press('ArrowDown', 'Shift+ArrowDown')
  expect((await keys.selectedText()).trim()).toBe('for crate in ship.hold:')
  await keys.press('h')
  const inCode = reader.text.locator('pre [data-highlight-ids]')
  await expect(inCode).toHaveText(['for crate in ship.hold:'])

  // ] focuses it and its label shows; scrolling the code sideways hides the label.
  await keys.press(']')
  await expect(inCode).toBeFocused()
  const label = app.page.getByTestId('highlight-focus-label')
  await expect(label).toHaveText((await inCode.getAttribute('data-label'))!)
  await reader.text.locator('pre').evaluate((el) => el.scrollBy({ left: 120 }))
  await expect(label).toBeHidden()
})

test('search matches are marked inside code and table cells', async () => {
  const { app, reader } = await openHandbook()
  const search = new SearchPage(app.page)
  await search.search('pilots')
  await search
    .hit(/Berths/)
    .first()
    .click()
  await expect(reader.heading).toHaveText('Berths')
  await expect(reader.text.locator('td mark.search-match')).toHaveText([
    'pilots',
    'pilots',
    'pilot'
  ])
  await expect(reader.text.locator('th mark.search-match')).toHaveText(['Pilots'])
  await search.search('crate')
  await search
    .hit(/Loader script/)
    .first()
    .click()
  await expect(reader.heading).toHaveText('Loader script')
  const inCode = reader.text.locator('pre mark.search-match')
  await expect(inCode.first()).toHaveText('crate')
  await expect(inCode.first()).toBeInViewport()
})

/** The quote of the reading position saved in `profile` (its first characters in view). */
function savedQuote(profile: string): string {
  try {
    const file = JSON.parse(readFileSync(join(profile, 'reading-positions.json'), 'utf8')) as {
      positions: { quote?: string }[]
    }
    return file.positions[0]?.quote ?? ''
  } catch {
    return ''
  }
}

test('reading resumes at a nested list item after a restart', async () => {
  const userDataDir = session.dir()
  const viewport = { width: 1024, height: 480 }
  const { app, reader } = await openHandbook({ userDataDir, viewport })
  const item = reader.pane.locator('ul > li').filter({ hasText: BLOCKS.nested[1]! })
  await reader.scrollBy((await reader.topInPane(item)) + 6)
  await expect.poll(() => savedQuote(userDataDir)).toMatch(/^Berths at Port/)
  await session.close(app)

  const again = await openHandbook({ userDataDir, viewport })
  const top = await again.reader.topInPane(
    again.reader.pane.locator('ul > li').filter({ hasText: BLOCKS.nested[1]! })
  )
  expect(top).toBeLessThanOrEqual(0)
  expect(top).toBeGreaterThan(-30)
})

const THEMES = ['Light', 'Sepia', 'Dark'] as const
for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 }
]) {
  test(`${viewport.width}x${viewport.height}: blocks in every theme are axe clean (screenshots)`, async () => {
    const { app, reader } = await openHandbook({ viewport })
    await reader.highlightText('tables.Call the', 'Key point')
    await reader.goToSection('Loader script')
    await reader.highlightText('crane.lift(crate)', 'Question')
    const settings = new ReadingSettingsPage(app.page)
    for (const theme of THEMES) {
      await settings.choose('theme', theme)
      await expect.poll(async () => (await settings.styles()).theme).toBe(theme.toLowerCase())
      await app.page.keyboard.press('Escape')
      await expect(settings.popover).toBeHidden()
      const shot = (part: string) =>
        app.page.screenshot({
          path: `test-results/screens/blocks-${part}-${viewport.width}-${theme.toLowerCase()}.png`
        })
      await reader.goToSection('Procedures')
      await shot('lists')
      await expectAxeClean(app.page, `reader with blocks, ${theme}`)
      await reader.goToSection('Loader script')
      await shot('code')
    }
  })
}
