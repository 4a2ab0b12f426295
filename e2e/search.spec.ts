// The analyst searches: results as they type (the last query wins), opening a hit marks the terms
// in the section, phrases match exactly, facets narrow the results and a long list pages and
// scrolls with only the rows in view on the page.
import { rmSync } from 'node:fs'

import { expect, test } from '@playwright/test'

import { openApp } from './harness'
import type { OpenAppOptions, OpenedApp } from './harness'
import {
  countSections,
  mentionsPort,
  SURVEY,
  sectionTag,
  writeSearchDataset
} from './fixtures/search-dataset'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

let app: OpenedApp
let cleanup: (() => void) | undefined
async function start(options: OpenAppOptions = {}): Promise<SearchPage> {
  app = await openApp(options)
  return new SearchPage(app.page)
}
/** The app on the bundled briefing plus 40 generated "harbour survey" briefings. */
async function startWithSurveys(): Promise<SearchPage> {
  const datasetDir = writeSearchDataset()
  cleanup = () => rmSync(datasetDir, { recursive: true, force: true })
  return start({ datasetDir })
}
test.afterEach(async () => {
  expect(app.cspViolations).toEqual([])
  await app.close()
  cleanup?.()
  cleanup = undefined
})

test('"/" focuses search; "Kishida" lists hits and opens the right section with the term marked', async () => {
  const search = await start()
  await app.page.locator('body').press('/')
  await expect(search.input).toBeFocused()
  await app.page.keyboard.type('Kishida')
  await expect(search.hits.first()).toBeVisible()
  const hit = search.hit(/Overview|lead/i).first()
  await expect(hit.locator('mark')).toHaveText(['Kishida'])
  await hit.click()
  const reader = new ReaderPage(app.page)
  await expect(reader.text).toContainText('Fumio Kishida')
  await expect(reader.searchMarks).toHaveText(['Kishida'])
  await expect(reader.searchMarks.first()).toBeInViewport()
})

test('stemmed matches are marked too', async () => {
  const search = await start()
  await search.search('meeting')
  const hit = search.hits.first()
  await expect(hit).toBeVisible()
  await expect(hit.locator('mark').first()).toHaveText(/^meet/i)
  await hit.click()
  const reader = new ReaderPage(app.page)
  await expect(reader.searchMarks.first()).toHaveText(/^meet/i)
})

test('a malformed query shows a clear message instead of results', async () => {
  const search = await start()
  for (const [query, says] of [
    ['title:', /title/],
    ['foo~~', /foo~~/],
    ['+', /\+/],
    ['*foo', /\*/]
  ] as const) {
    await search.search(query)
    // The message names this query, so a message left over from the previous one cannot pass.
    await expect(search.error).toContainText(says)
    await expect(search.hits).toHaveCount(0)
  }
  await search.search('Tokyo')
  await expect(search.error).toHaveCount(0)
  await expect(search.hits.first()).toBeVisible()
})

test('typing fast shows the results of the last query, never an earlier one', async () => {
  const search = await start()
  await search.input.focus()
  // Each key is a new query; some are sent (the debounce passes between words), most are not.
  for (const query of ['Kishida', 'Ukraine', 'Tokyo']) {
    await search.input.pressSequentially(query)
    await search.input.press('Control+A')
  }
  await search.input.pressSequentially('Mitsubishi')
  // Once the latest query has answered and nothing is pending, no earlier answer can replace it.
  await expect(search.results).toHaveAttribute('data-answered', 'Mitsubishi')
  await expect(search.results).toHaveAttribute('aria-busy', 'false')
  await expect(search.hits).toHaveCount(1)
  expect(await search.headings()).toEqual(['India-Japan 2+2 Ministerial Dialogue & More'])
  const marks = await search.hits.locator('mark').allTextContents()
  expect(marks.length).toBeGreaterThan(0)
  expect(new Set(marks)).toEqual(new Set(['Mitsubishi']))
})

test('a quoted phrase finds only the sections with those words side by side', async () => {
  const search = await start()
  // Unquoted, the words match wherever either appears ("Economic Cooperation", "Cyber Security").
  await search.search('security cooperation')
  await expect(search.results).toHaveAttribute('data-answered', 'security cooperation')
  await expect.poll(() => search.hits.count()).toBeGreaterThan(1)
  await search.search('"Security Cooperation"')
  await expect(search.results).toHaveAttribute('data-answered', '"Security Cooperation"')
  await expect(search.hits).toHaveCount(1)
  expect(await search.headings()).toEqual(['India-Japan 2+2 Ministerial Dialogue & More'])
  await expect(search.hits.first()).toContainText('Defence and Security Cooperation')
  await search.search('"South China Sea"')
  await expect(search.results).toHaveAttribute('data-answered', '"South China Sea"')
  expect(await search.headings()).toEqual(['Military Cooperation'])
})

test('facets narrow the results; their chips stay while the query changes and remove them', async () => {
  const search = await startWithSurveys()
  await search.search('harbour')
  await search.expectTotal(SURVEY.hits)
  await expect(search.groups.first()).toContainText(/Harbour survey \d+/)

  // An entity: only the sections mentioning Port Alder are left.
  const portAlder = countSections(mentionsPort)
  await expect(search.facet('entity', SURVEY.entityId)).toContainText(`${portAlder}`)
  await search.facet('entity', SURVEY.entityId).click()
  await search.expectTotal(portAlder)
  await expect(search.chip('entity')).toContainText(SURVEY.entityName)
  await expect(search.facet('entity', SURVEY.entityId)).toHaveAttribute('aria-pressed', 'true')

  // The filter stays while the query is edited.
  await search.search('tag:dredging')
  await search.expectTotal(
    countSections((b, s) => mentionsPort(b, s) && sectionTag(s) === 'dredging')
  )
  await expect(search.chip('entity')).toBeVisible()

  await search.chip('entity').click()
  await expect(search.chips).toHaveCount(0)
  await search.expectTotal(countSections((_, s) => sectionTag(s) === 'dredging'))

  // A briefing: one group, its sections only.
  await search.search('harbour')
  await search.expectTotal(SURVEY.hits)
  const briefing = search.facets
    .locator('[data-facet="briefing"][data-testid="search-facet"]')
    .first()
  const briefingId = await briefing.getAttribute('data-value')
  await briefing.click()
  await search.expectTotal(SURVEY.sections)
  await expect(search.groups).toHaveCount(1)
  await expect(search.groups.first()).toContainText(`${SURVEY.sections}`)
  const ids = await search.hits.evaluateAll((hits) => hits.map((h) => h.dataset['briefingId']))
  expect(new Set(ids)).toEqual(new Set([briefingId]))
  await expect(search.chip('briefing')).toBeVisible()

  // Escape clears the search, filters included.
  await search.input.press('Escape')
  await search.search('harbour')
  await search.expectTotal(SURVEY.hits)
  await expect(search.chips).toHaveCount(0)
})

test('hundreds of hits: "Load more" pages, only rows in view are on the page, arrows scroll', async () => {
  const search = await startWithSurveys()
  await search.search('harbour')
  await expect(search.total).toHaveText(`Showing 50 of ${SURVEY.hits} matches`)
  // Virtualised: far fewer rows in the DOM than hits loaded.
  expect(await search.hits.count()).toBeLessThan(30)

  await search.loadMore.click()
  await expect(search.total).toHaveText(`Showing 100 of ${SURVEY.hits} matches`)
  expect(await search.hits.count()).toBeLessThan(30)

  // Up from the first hit wraps to the last loaded one, which is scrolled into view.
  await search.input.press('ArrowUp')
  await expect(search.input).toHaveAttribute('aria-activedescendant', 'search-hit-99')
  await expect(app.page.locator('#search-hit-99')).toBeInViewport()
  await expect(app.page.locator('#search-hit-0')).toHaveCount(0)
  await search.input.press('ArrowDown')
  await expect(app.page.locator('#search-hit-0')).toBeInViewport()

  // Scrolling by hand renders the rows that come into view.
  await search.scrollList(3000)
  await expect(search.hits.first()).not.toHaveAttribute('id', 'search-hit-0')
  await expect.poll(() => search.optionAtMiddle()).toMatch(/^search-hit-(3\d|4\d)$/)

  // Enter opens the active hit.
  await search.input.press('ArrowDown')
  const active = await search.input.getAttribute('aria-activedescendant')
  const section = await app.page.locator(`#${active}`).getAttribute('data-section-id')
  await search.input.press('Enter')
  await expect(search.results).toBeHidden()
  await expect(new ReaderPage(app.page).text).toContainText(`Survey `)
  expect(section).toMatch(/^s\d$/)
})
