// Page object: briefing versions — the import report's new-version rows (replace, import apart,
// skip), the "Versions…" dialog of an imported briefing (kept versions, Restore) and the
// re-anchoring report in it (counts per status, one row per highlight).
import type { Locator, Page } from '@playwright/test'

export type ReanchorStatus = 'unchanged' | 'moved' | 'edited' | 'orphaned'

export class VersionsPage {
  readonly offers: Locator
  readonly openButton: Locator
  readonly dialog: Locator
  readonly report: Locator
  readonly reportRows: Locator
  readonly reportNotes: Locator
  readonly versionRows: Locator
  readonly closeButton: Locator

  constructor(readonly page: Page) {
    this.offers = page.getByTestId('import-version')
    this.openButton = page.getByTestId('versions-open')
    this.dialog = page.getByTestId('versions-dialog')
    this.report = this.dialog.getByTestId('version-report')
    this.reportRows = this.report.getByTestId('report-highlight')
    this.reportNotes = this.report.getByTestId('report-note')
    this.versionRows = this.dialog.getByTestId('version-row')
    this.closeButton = this.dialog.getByTestId('versions-close')
  }

  /** The report's count of highlights with `status`. */
  count(status: ReanchorStatus): Locator {
    return this.report.getByTestId(`report-count-${status}`)
  }

  /** The report rows of highlights with `status`. */
  rows(status: ReanchorStatus): Locator {
    return this.report.locator(`[data-testid="report-highlight"][data-status="${status}"]`)
  }

  /** Chooses "Replace with new version" on the offer for `file`. */
  async replace(file: string): Promise<void> {
    await this.offers.filter({ hasText: file }).getByTestId('version-replace').click()
  }

  /** Opens "Versions…" from the reader and restores kept version `n`. */
  async restore(n: number): Promise<void> {
    await this.openButton.click()
    await this.dialog.locator(`[data-version="${n}"]`).getByTestId('version-restore').click()
  }
}
