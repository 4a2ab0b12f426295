// Moving to another laptop (issue #13): "Export library backup…" writes the imported briefings and
// the notes in one file, "Import annotations…" on a fresh profile restores both; annotations whose
// briefing is missing are listed in the library as waiting for it (light and dark screenshots).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { expect, test } from '@playwright/test'

import { useAppSession } from './fixtures/app-session'
import { BAY_OF_BENGAL, bayOfBengalDataset } from './fixtures/small-dataset'
import { ExportDialogPage } from './pages/export.page'

const IMPORTED = BAY_OF_BENGAL.title

const session = useAppSession('briefing-moving')
const start = session.start

/** A profile holding one imported briefing, as an import leaves it in `<profile>/library`. */
function profileWithImport(name: string): string {
  const profile = join(session.dir(), name)
  mkdirSync(join(profile, 'library'), { recursive: true })
  writeFileSync(
    join(profile, 'library', 'bay-of-bengal.json'),
    JSON.stringify(bayOfBengalDataset(), null, 2)
  )
  return profile
}

/** One note waiting for a briefing the profile lacks, as an annotation import leaves it. */
function waitingNote(profile: string): void {
  mkdirSync(join(profile, 'waiting-annotations'), { recursive: true })
  const file = {
    format: 'briefing-reader/waiting-annotations',
    version: 1,
    briefingId: 'gone',
    title: 'Shipyard visit in Busan',
    highlights: [],
    notes: [
      {
        id: '5f0c7a3e-2a4b-4c1d-9e8f-0123456789ab',
        annotationId: 'urn:uuid:5f0c7a3e-2a4b-4c1d-9e8f-0123456789ab',
        briefingId: 'gone',
        target: { kind: 'briefing' },
        body: 'Ask about the dock schedule',
        tags: []
      }
    ]
  }
  writeFileSync(join(profile, 'waiting-annotations', 'gone.json'), JSON.stringify(file))
}

test('a library backup restores the imported briefing and what waits on a fresh profile', async () => {
  const bundle = join(session.dir(), 'library-backup.json')
  const profile = profileWithImport('laptop-1')
  waitingNote(profile)
  const first = await start({ userDataDir: profile, dialogs: { savePath: bundle } })
  await expect(first.page.getByTestId('library-waiting')).toContainText(
    'Notes waiting for 1 briefing: Shipyard visit in Busan'
  )
  const dialog = new ExportDialogPage(first.page)
  await dialog.openFromLibrary()
  await first.page.screenshot({ path: 'test-results/screens/export-dialog-backup.png' })
  await dialog.dialog.getByTestId('export-backup').click()
  await expect(dialog.dialog).toBeHidden()
  await expect(dialog.result).toContainText('to library-backup.json')
  expect(first.dialogCalls).toEqual(['save Briefing Reader library backup.json'])
  const written = JSON.parse(readFileSync(bundle, 'utf8'))
  expect(written).toMatchObject({ format: 'briefing-reader/library-bundle', version: 1 })

  const fresh = join(session.dir(), 'laptop-2')
  mkdirSync(fresh)
  const second = await start({ userDataDir: fresh, dialogs: { openPath: bundle } })
  await expect(second.page.getByText(IMPORTED)).toHaveCount(0)
  const importer = new ExportDialogPage(second.page)
  await importer.openFromLibrary()
  await importer.importButton.click()
  await expect(importer.dialog).toBeHidden()
  await expect(importer.importResult).toContainText('Restored 1 briefing.')
  await expect(importer.importResult).toContainText('1 annotation waits for "Shipyard visit')
  await expect(second.page.getByText(IMPORTED)).toBeVisible()
  await expect(second.page.getByTestId('library-waiting')).toContainText('Shipyard visit in Busan')
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: the library lists the briefings notes wait for`, async () => {
    const profile = profileWithImport(`waiting-${colorScheme}`)
    waitingNote(profile)
    const app = await start({ userDataDir: profile, colorScheme })
    const line = app.page.getByTestId('library-waiting')
    await expect(line).toBeVisible()
    await app.page.screenshot({ path: `test-results/screens/library-waiting-${colorScheme}.png` })
  })
}
