// Versions of an imported briefing (issue #6): a file with the same title and source as an
// imported briefing is offered as a new version; replacing it keeps the briefing (and its
// highlights) and shows how each highlight re-anchored — unchanged, text edited, orphaned — with
// a click opening one in the reader; "Versions…" restores the previous text.
import { expect, test } from '@playwright/test'

import { useAppSession } from './fixtures/app-session'
import { HARBOUR_TITLE, HARBOUR_V1 as V1, HARBOUR_V2 as V2 } from './fixtures/harbour-versions'
import { ImportPage } from './pages/import.page'
import { ReaderPage } from './pages/reader.page'
import { VersionsPage } from './pages/versions.page'

const session = useAppSession('briefing-versions')

test('replacing an imported briefing with a new version reports each highlight, then restores', async () => {
  const app = await session.start()
  const importer = new ImportPage(app.page)
  const reader = new ReaderPage(app.page)
  const versions = new VersionsPage(app.page)

  await importer.drop([{ name: 'harbour.md', text: V1 }])
  await expect(importer.imported).toHaveCount(1)
  await importer.imported.getByTestId('import-open').click()
  await reader.highlightText('arrived at the eastern harbour', 'Key point')
  await reader.goToSection('Dredging')
  await reader.highlightText('deepened the main channel to fourteen metres', 'Evidence')
  await reader.goToSection('Security')
  await reader.highlightText('checked every lorry', 'Question')
  await expect(reader.highlightPieces).toHaveCount(1)
  await importer.dismiss()

  await importer.drop([{ name: 'harbour-v2.md', text: V2 }])
  await expect(importer.report).toContainText('1 file is a new version of a briefing')
  await expect(versions.offers).toContainText(
    `harbour-v2.md is a new version of “${HARBOUR_TITLE}”`
  )
  await expect(importer.imported).toHaveCount(0)
  await versions.replace('harbour-v2.md')

  await expect(versions.report).toHaveAttribute('data-action', 'replaced')
  await expect(versions.count('unchanged')).toContainText('1')
  await expect(versions.count('edited')).toContainText('1')
  await expect(versions.count('orphaned')).toContainText('1')
  await expect(versions.count('moved')).toContainText('0')
  await expect(versions.reportRows).toHaveCount(3)
  const edited = versions.rows('edited')
  await expect(edited.getByTestId('report-old-quote')).toHaveText(
    'deepened the main channel to fourteen metres'
  )
  await expect(edited.getByTestId('report-new-quote')).toHaveText(
    'deepened the main channel to sixteen metres'
  )
  await expect(versions.rows('orphaned')).toContainText('checked every lorry')
  await expect(versions.offers.getByTestId('import-version-outcome')).toHaveText(
    'Replaced with the new version.'
  )

  // The edited highlight opens in the reader, on the new text.
  await edited.click()
  await expect(versions.dialog).toBeHidden()
  await expect(reader.heading).toHaveText('Dredging')
  await expect(reader.text).toContainText('sixteen metres')
  await expect(reader.highlightPieces).toHaveText(['deepened the main channel to sixteen metres'])
  await expect(reader.outlineItems).toHaveCount(2)

  await versions.restore(1)
  await expect(versions.report).toHaveAttribute('data-action', 'restored')
  await expect(versions.report).toContainText('kept as version 2')
  await expect(versions.count('orphaned')).toContainText('0')
  await expect(versions.rows('unchanged')).toHaveCount(2)
  await expect(versions.rows('edited')).toContainText('fourteen metres')
  await versions.closeButton.click()
  await expect(versions.dialog).toBeHidden()
  await expect(reader.outlineItems).toHaveCount(3)
  await reader.goToSection('Security')
  await expect(reader.highlightPieces).toHaveText(['checked every lorry'])
})
