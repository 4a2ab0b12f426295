// The app's first moments: while main still loads the library, the window shows the top bar over a
// loading screen and search already answers from the index's cache (before the index process reads
// a library file), saying the library is still opening; a hit chosen then opens once the library
// is loaded, and the library follows.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { nodeStoreFs } from '../src/main/fs/node-fs'
import { onReadLibrary } from '../src/test-support/read-library-port'
import { openApp } from './harness'
import type { OpenedApp } from './harness'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'
import { SearchPage } from './pages/search.page'

let app: OpenedApp | undefined
let profile: string
let release = () => undefined as void
test.beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'briefing-start-'))
})
test.afterEach(async () => {
  // A failed step must not leave main's start held: closing waits for it.
  release()
  expect(app?.cspViolations).toEqual([])
  await app?.close()
  rmSync(profile, { recursive: true, force: true })
})

test('search answers while the library loads, and a hit chosen then opens once it is loaded', async () => {
  // A first start leaves the index's cache in the profile, as any start before this one has.
  await (await openApp({ userDataDir: profile })).close()

  // Main's start is held where it opens the annotation store, after loading the library files,
  // and the index process is not told to read the library: only its cache can answer.
  const held = new Promise<void>((resolve) => (release = resolve))
  app = await openApp({
    userDataDir: profile,
    expectState: 'loading',
    annotationFs: { ...nodeStoreFs, mkdir: async (path) => (await held, nodeStoreFs.mkdir(path)) },
    indexPort: (port) => onReadLibrary(port, () => held)
  })
  const { page } = app
  await expect(page.getByTestId('boot-loading')).toContainText('Opening the library')
  const search = new SearchPage(page)
  await page.locator('body').press('/')
  await expect(search.input).toBeFocused()
  await page.keyboard.type('Kishida')
  const hit = search.hit(/Overview|lead/i).first()
  await expect(hit.locator('mark')).toHaveText(['Kishida'])
  await expect(search.indexing).toContainText('Opening the library')
  await expect(search.indexing).toContainText('highlights and notes are searched once it is open')
  await hit.click()
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'loading')

  release()
  const reader = new ReaderPage(page)
  await expect(reader.text).toContainText('Fumio Kishida')
  await expect(reader.searchMarks.first()).toBeInViewport()
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
  await page.getByTitle('Back to the library').click()
  await expect(new LibraryPage(page).cards).toHaveCount(1)
})
