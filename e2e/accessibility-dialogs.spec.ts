// Every dialog clean under axe (issue #15), with the OS in light and in dark: export, details,
// entity review, versions (with its re-anchoring report), the shortcut sheet and the command
// palette; no violation of impact serious or critical (WCAG 2.0/2.1/2.2 A and AA, best practice).
import { expect, test } from '@playwright/test'

import { expectAxeClean } from './axe'
import { useAppSession } from './fixtures/app-session'
import { HARBOUR_V1 as V1, HARBOUR_V2 as V2 } from './fixtures/harbour-versions'
import { EntityReviewPage } from './pages/entity-review.page'
import { ExportDialogPage } from './pages/export.page'
import { ImportPage } from './pages/import.page'
import { PalettePage } from './pages/palette.page'
import { ReaderPage } from './pages/reader.page'
import { VersionsPage } from './pages/versions.page'

// A text file gives no source or date (the details form opens) and names people and places
// (entities to review).
const TALKS = `Harbour talks

Washington welcomed the step.

Port call

The frigate docked at Yokosuka on Monday. Admiral Hiroshi Tanaka welcomed the crew.
`
const session = useAppSession('axe-dialogs')

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: details, entity review, export and versions dialogs`, async () => {
    test.setTimeout(180_000)
    const app = await session.start({ colorScheme })
    const { page } = app
    const importer = new ImportPage(page)
    const review = new EntityReviewPage(page)
    const reader = new ReaderPage(page)

    await importer.drop([{ name: 'harbour-talks.txt', text: TALKS }])
    await expect(importer.detailsForm).toBeVisible()
    await expectAxeClean(page, 'details dialog')
    await importer.cancelDetails()

    await review.reportButton.click()
    await expect(review.rows.first()).toBeVisible()
    await expectAxeClean(page, 'entity review dialog')
    await review.close()
    await expect(review.dialog).toBeHidden()
    await importer.dismiss()

    await importer.drop([{ name: 'harbour.md', text: V1 }])
    await importer.imported.getByTestId('import-open').click()
    await reader.highlightText('arrived at the eastern harbour', 'Key point')
    await expect(reader.highlightPieces).toHaveCount(1)
    const exporter = new ExportDialogPage(page)
    await exporter.openFromNotes()
    await expectAxeClean(page, 'export dialog')
    await page.keyboard.press('Escape')
    await expect(exporter.dialog).toBeHidden()
    await importer.dismiss()

    const versions = new VersionsPage(page)
    await importer.drop([{ name: 'harbour-v2.md', text: V2 }])
    await versions.replace('harbour-v2.md')
    await expect(versions.report).toHaveAttribute('data-action', 'replaced')
    await expectAxeClean(page, 'versions dialog, report')
    await versions.closeButton.click()
    await versions.openButton.click()
    await expect(versions.versionRows.first()).toBeVisible()
    await expectAxeClean(page, 'versions dialog')
  })

  test(`${colorScheme}: shortcut sheet and command palette`, async () => {
    // axe takes seconds a screen, more on a loaded machine.
    test.setTimeout(120_000)
    const app = await session.start({ colorScheme })
    const { page } = app
    const palette = new PalettePage(page)
    await page.locator('body').press('?')
    await expect(palette.sheet).toBeVisible()
    await expectAxeClean(page, 'shortcut sheet')
    await page.keyboard.press('Escape')
    await expect(palette.sheet).toBeHidden()
    await palette.find('export')
    await expect(palette.activeItem).toBeVisible()
    await expectAxeClean(page, 'command palette')
  })
}
