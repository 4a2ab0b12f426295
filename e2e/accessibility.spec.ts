// Screens clean under axe (issue #15): no serious or critical violation of WCAG 2.0/2.1/2.2 A and
// AA or best practice on the library, the reader (entities on and off, a selection, the highlight
// editor), the notes panel, search (hits, none, a query error) and every reading theme, with the
// OS in light and in dark; one h1 per screen (the library's title, the briefing's title); and
// highlights and search matches told apart by more than colour.
import { expect, test } from '@playwright/test'

import { expectAxeClean, headingOnes } from './axe'
import { useAppSession } from './fixtures/app-session'
import { LibraryPage } from './pages/library.page'
import { NotesPage } from './pages/notes.page'
import { ReaderPage } from './pages/reader.page'
import { ReadingSettingsPage } from './pages/reading-settings.page'
import { SearchPage } from './pages/search.page'

const TITLE = 'PM Modi in Tokyo: QUAD Leaders Summit and the India–Japan bilateral'
/** One phrase of the Overview section per colour label. */
const HIGHLIGHTS: [string, string][] = [
  ['bilateral meeting', 'Key point'],
  ['further strengthening', 'Evidence'],
  ['Special Strategic and Global Partnership', 'Question'],
  ['attend the QUAD Leaders Summit', 'Disagree'],
  ['new Australian Prime Minister', 'Follow-up']
]

const session = useAppSession('axe')

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: library, reader, notes and search have no serious violation`, async () => {
    test.setTimeout(180_000)
    const app = await session.start({ colorScheme })
    const { page } = app
    const reader = new ReaderPage(page)

    await expectAxeClean(page, 'library')
    expect(await headingOnes(page)).toEqual(['Library'])

    await new LibraryPage(page).open(/QUAD/)
    await expect(reader.entityMarks.first()).toBeVisible()
    await expectAxeClean(page, 'reader, entities on')
    expect(await headingOnes(page)).toEqual([TITLE])
    await reader.entityToggle.uncheck()
    await expect(reader.entityMarks).toHaveCount(0)
    await expectAxeClean(page, 'reader, entities off')

    await reader.selectText('bilateral meeting')
    await expect(reader.toolbar).toBeVisible()
    await expectAxeClean(page, 'reader, text selected')
    await reader.toolbar.getByRole('button', { name: 'Key point', exact: true }).click()
    await expect(reader.highlightPieces).toHaveCount(1)
    await reader.openHighlight((await reader.highlightIds())[0]!)
    await expect(reader.editor).toBeVisible()
    await expectAxeClean(page, 'reader, highlight editor')
    await reader.pressKey('Escape')
    await expect(reader.editor).toBeHidden()

    const notes = new NotesPage(page)
    await notes.open()
    await notes.addNote('section', 'Check the **joint statement**.')
    await expect(notes.highlightItems).toHaveCount(1)
    await expectAxeClean(page, 'notes panel')

    const search = new SearchPage(page)
    await search.search('Kishida')
    await expect(search.hits.first()).toBeVisible()
    await expectAxeClean(page, 'search, hits')
    await search.search('zqxwv')
    await expect(search.empty).toBeVisible()
    await expectAxeClean(page, 'search, no matches')
    await search.search('title:(')
    await expect(search.error).toBeVisible()
    await expectAxeClean(page, 'search, query error')
  })

  test(`${colorScheme}: every reading theme, with highlights and search marks`, async () => {
    test.setTimeout(180_000)
    const app = await session.start({ colorScheme })
    const { page } = app
    const reader = new ReaderPage(page)
    await new LibraryPage(page).open(/QUAD/)
    for (const [phrase, label] of HIGHLIGHTS) await reader.highlightText(phrase, label)
    await expect(reader.highlightPieces.first()).toBeVisible()
    const search = new SearchPage(page)
    await search.search('Tokyo')
    await search.hits.filter({ hasText: 'Overview' }).first().click()
    await expect(reader.searchMarks.first()).toBeVisible()
    await expect(reader.highlightIds()).resolves.toHaveLength(HIGHLIGHTS.length)
    // Colour is never the only sign: each highlight names its meaning (to a screen reader and
    // on hover), and a search match is ringed, not filled like a highlight.
    for (const [phrase, label] of HIGHLIGHTS) {
      const piece = reader.highlightPieces.filter({ hasText: phrase.split(' ')[0] }).first()
      await expect(piece).toHaveAttribute('aria-description', `${label} highlight`)
      await expect(piece).toHaveAttribute('title', new RegExp(`^${label} — `))
      await expect(piece).toHaveAttribute('role', 'mark')
    }
    const match = reader.searchMarks.and(page.locator(':not(.hl)')).first()
    await expect(match).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
    await expect(match).toHaveCSS('box-shadow', /2px/)

    const settings = new ReadingSettingsPage(page)
    for (const theme of ['System', 'Light', 'Sepia', 'Dark']) {
      await settings.choose('theme', theme)
      await expectAxeClean(page, `reading settings, ${theme} theme`)
      await settings.toggle.click()
      await expect(settings.popover).toBeHidden()
      await expectAxeClean(page, `reader, ${theme} theme`)
    }
  })
}
