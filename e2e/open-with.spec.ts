// "Open with Briefing Reader" (issue #12): a .briefing file the system opens with the app — on its
// command line at start, or handed to the running app by a second start or the Finder — goes
// through the normal import, with its report; a bad one is refused with a message naming it.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { useAppSession } from './fixtures/app-session'
import { oneBriefingDataset } from './fixtures/small-dataset'
import { ImportPage } from './pages/import.page'
import { LibraryPage } from './pages/library.page'

const session = useAppSession('briefing-open-with')

/** A dataset file under the app's own extension, with one briefing of its own. */
function briefingFile(name: string, title: string): string {
  const text = `${title} was the subject of a short memo.\n\nThe memo names no one.`
  const path = join(session.dir(), name)
  writeFileSync(
    path,
    JSON.stringify(
      oneBriefingDataset({
        id: title.toLowerCase().replaceAll(' ', '-'),
        title,
        source: 'Field office',
        published: '2024-05-02',
        sections: [{ id: 'lead', heading: 'Memo', text }]
      })
    )
  )
  return path
}

test('a .briefing file the app was started with is imported and reported', async () => {
  const app = await session.start({
    openedFiles: [briefingFile('pier.briefing', 'Pier repairs')]
  })
  const importer = new ImportPage(app.page)
  const library = new LibraryPage(app.page)
  // The first import starts main's import process: allow it the time an import is given.
  await expect(importer.report).toContainText('Imported 1 briefing.', { timeout: 25_000 })
  await expect(importer.imported).toContainText('pier.briefing')
  await expect(library.cards).toHaveCount(2)
  await expect(library.cards.filter({ hasText: 'Pier repairs' })).toHaveCount(1)
})

test('files opened with the running app are imported; a bad one is named and changes nothing', async () => {
  const app = await session.start()
  const importer = new ImportPage(app.page)
  const library = new LibraryPage(app.page)
  await expect(library.cards).toHaveCount(1)

  const bad = join(session.dir(), 'broken.briefing')
  writeFileSync(bad, '{"format": "briefing-reader/dataset", "version": 1, "briefings": [')
  await importer.afterImport(() => app.openFiles([bad]))
  await expect(importer.failed).toContainText('broken.briefing')
  await expect(library.cards).toHaveCount(1)

  await importer.afterImport(() =>
    app.openFiles([briefingFile('canal.briefing', 'Canal dredging')])
  )
  await expect(importer.report).toContainText('Imported 1 briefing.')
  await expect(library.cards).toHaveCount(2)
})
