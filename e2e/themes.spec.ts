// Light and dark themes follow the OS, and every main view fits 1024x640 and 1280x800 with no
// horizontal scrolling; the selection toolbar sits over the selected words. Screenshots land in
// test-results/screens/ for a person to look at.
import { expect, test } from '@playwright/test'

import { openApp } from './harness'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 }
]

for (const colorScheme of ['light', 'dark'] as const) {
  for (const viewport of SIZES) {
    test(`${colorScheme} ${viewport.width}x${viewport.height}: library, reader and search fit`, async () => {
      const app = await openApp({ colorScheme, viewport })
      const { page } = app
      const shot = (name: string) =>
        page.screenshot({
          path: `test-results/screens/${name}-${viewport.width}-${colorScheme}.png`
        })
      const noHorizontalScroll = () =>
        page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
      try {
        const background = await page.evaluate(
          () => getComputedStyle(document.body).backgroundColor
        )
        const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number)
        const lightness = ((r ?? 0) + (g ?? 0) + (b ?? 0)) / 3
        expect(colorScheme === 'dark' ? lightness < 80 : lightness > 180).toBe(true)
        expect(await noHorizontalScroll()).toBe(true)
        await shot('library')
        await new LibraryPage(page).open(/QUAD/)
        const reader = new ReaderPage(page)
        await expect(reader.heading).toBeVisible()
        await expect(reader.text).toBeInViewport()
        expect(await noHorizontalScroll()).toBe(true)
        await shot('reader')
        // The selection toolbar sits over the selected words, inside the reading pane.
        await reader.selectText('bilateral meeting')
        await expect(reader.toolbar).toBeVisible()
        await expect(reader.toolbar).toBeInViewport({ ratio: 1 })
        const selected = await page.evaluate(() => {
          const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect()
          return { left: r.left, right: r.right, top: r.top }
        })
        const bar = (await reader.toolbar.boundingBox())!
        expect(bar.y + bar.height).toBeLessThanOrEqual(selected.top + 1)
        expect(bar.x).toBeLessThan(selected.right)
        expect(bar.x + bar.width).toBeGreaterThan(selected.left)
        await shot('reader-toolbar')
        await reader.pressKey('Escape')
        const search = new SearchPage(page)
        await search.search('Kishida')
        await expect(search.hits.first()).toBeVisible()
        expect(await noHorizontalScroll()).toBe(true)
        await shot('search')
      } finally {
        await app.close()
      }
    })
  }
}
