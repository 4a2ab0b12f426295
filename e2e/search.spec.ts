// The analyst searches: results as they type, opening a hit marks the terms in the section.
import { expect, test } from '@playwright/test'

import { openApp } from './harness'
import type { OpenedApp } from './harness'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

let app: OpenedApp
test.beforeEach(async () => {
  app = await openApp()
})
test.afterEach(async () => {
  await app.close()
})

test('"/" focuses search; "Kishida" lists hits and opens the right section with the term marked', async () => {
  const search = new SearchPage(app.page)
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
  const search = new SearchPage(app.page)
  await search.search('meeting')
  const hit = search.hits.first()
  await expect(hit).toBeVisible()
  await expect(hit.locator('mark').first()).toHaveText(/^meet/i)
  await hit.click()
  const reader = new ReaderPage(app.page)
  await expect(reader.searchMarks.first()).toHaveText(/^meet/i)
})

test('a malformed query shows a clear message instead of results', async () => {
  const search = new SearchPage(app.page)
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
