// The disk fills up while the analyst highlights: the highlights stay on screen, a persistent
// "Not saved" banner names the error and the number of changes kept in memory, and once the disk
// has room again the renderer's polling writes them and says so; a fresh start finds them.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { FaultyFs } from '../src/test-support/annotation-store'
import { openApp } from './harness'
import type { OpenedApp } from './harness'
import { LibraryPage } from './pages/library.page'
import { ReaderPage } from './pages/reader.page'

const PHRASE = 'Special Strategic and Global Partnership'
const SECOND = 'bilateral meeting'
/** Longer than the renderer's save polling (SAVE_POLL_MS, 3 s) plus a write. */
const POLL_TIMEOUT = 10_000

let profile: string
const opened: OpenedApp[] = []

test.beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'briefing-save-'))
})
test.afterEach(async () => {
  for (const app of opened.splice(0)) {
    expect(app.cspViolations).toEqual([])
    expect(app.dialogs).toEqual([])
    await app.close()
  }
  rmSync(profile, { recursive: true, force: true })
})

async function openQuad(fs?: FaultyFs): Promise<{ app: OpenedApp; reader: ReaderPage }> {
  const app = await openApp({ userDataDir: profile, ...(fs ? { annotationFs: fs } : {}) })
  opened.push(app)
  await new LibraryPage(app.page).open(/QUAD/)
  return { app, reader: new ReaderPage(app.page) }
}

test('a full disk keeps highlights in memory, says so, and saves them once there is room', async () => {
  // node:fs underneath; every write (journal append, snapshot) fails with ENOSPC while set, after
  // writing half its data, as a full disk does.
  const fs = new FaultyFs()
  const { app, reader } = await openQuad(fs)
  const banner = app.page.getByTestId('save-banner')
  const recovered = app.page.getByTestId('save-recovered')

  fs.failWith('ENOSPC', ['write'])
  await reader.highlightText(PHRASE, 'Key point')
  await expect(banner).toBeVisible()
  await expect(banner).toHaveRole('alert')
  await expect(banner).toContainText('Not saved')
  await expect(banner).toContainText('1 change is kept in memory')
  await expect(banner).toContainText('ENOSPC')
  await expect(reader.highlightsOfColor('yellow')).toHaveText([PHRASE])

  await reader.highlightText(SECOND, 'Evidence')
  await expect(banner).toContainText('2 changes are kept in memory')
  await expect(reader.highlightsOfColor('green')).toHaveText([SECOND])

  // The renderer keeps retrying; the banner stays while the disk is still full.
  const failures = fs.failures
  await expect.poll(() => fs.failures, { timeout: POLL_TIMEOUT }).toBeGreaterThan(failures)
  await expect(banner).toContainText('2 changes are kept in memory')
  await expect(recovered).toHaveCount(0)

  fs.heal()
  await expect(recovered).toHaveText('All changes saved', { timeout: POLL_TIMEOUT })
  await expect(recovered).toHaveRole('status')
  await expect(banner).toHaveCount(0)
  await expect(reader.highlightPieces).toHaveCount(2)
  await app.close()
  opened.splice(opened.indexOf(app), 1)

  // A fresh start on plain node:fs: both highlights, and the half-written lines left no trace.
  const again = await openQuad()
  await expect(again.reader.highlightsOfColor('yellow')).toHaveText([PHRASE])
  await expect(again.reader.highlightsOfColor('green')).toHaveText([SECOND])
  await expect(again.app.page.getByTestId('load-warnings')).toHaveCount(0)
  await expect(again.app.page.getByTestId('save-banner')).toHaveCount(0)
})
