// Page object: importing briefings — files dragged onto the window (a DataTransfer built in the
// page, dispatched as dragenter/dragover/drop), the drop overlay, the library's "Import…" button
// the report banner under the top bar, and the details form of an imported briefing (title,
// source, date) opened from the report or from the briefing's library card.
import type { JSHandle, Locator, Page } from '@playwright/test'

const IMPORT_TIMEOUT_MS = 25_000

export interface FileToDrop {
  name: string
  /** The file's text; ignored when `size` is given. */
  text?: string
  /** A file of this many zero bytes (for the size limit). */
  size?: number
  /** The file's bytes, base64-encoded (a PDF or Word file); wins over `text`. */
  base64?: string
  type?: string
}

export class ImportPage {
  readonly overlay: Locator
  readonly button: Locator
  readonly report: Locator
  readonly imported: Locator
  readonly duplicates: Locator
  readonly failed: Locator
  /** What was left out of an imported file, listed under its briefing. */
  readonly warnings: Locator
  readonly detailsForm: Locator
  readonly detailsTitle: Locator
  readonly detailsSource: Locator
  readonly detailsDate: Locator
  readonly detailsSave: Locator
  readonly detailsError: Locator

  constructor(readonly page: Page) {
    this.overlay = page.getByTestId('drop-overlay')
    this.button = page.getByTestId('import-briefings-open')
    this.report = page.getByTestId('briefing-import-report')
    this.imported = this.report.getByTestId('import-imported')
    this.duplicates = this.report.getByTestId('import-duplicate')
    this.failed = this.report.getByTestId('import-failed')
    this.warnings = this.report.getByTestId('import-warning')
    this.detailsForm = page.getByTestId('details-form')
    this.detailsTitle = this.detailsForm.getByLabel('Title')
    this.detailsSource = this.detailsForm.getByLabel('Source')
    this.detailsDate = this.detailsForm.getByLabel('Date')
    this.detailsSave = this.detailsForm.getByTestId('details-save')
    this.detailsError = this.detailsForm.getByRole('alert')
  }

  /** Drags `files` over the window (the overlay shows); returns the drag's DataTransfer. */
  async dragOver(files: FileToDrop[]): Promise<JSHandle<DataTransfer>> {
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer()
      for (const f of list) {
        const body =
          f.size !== undefined
            ? new Uint8Array(f.size)
            : f.base64 !== undefined
              ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
              : (f.text ?? '')
        dt.items.add(new File([body], f.name, { type: f.type ?? '' }))
      }
      return dt
    }, files)
    await this.page.dispatchEvent('body', 'dragenter', { dataTransfer })
    await this.page.dispatchEvent('body', 'dragover', { dataTransfer })
    return dataTransfer
  }

  /** Drags `files` over the window and drops them. */
  /** Drops the files and waits until the import has finished (whatever its outcome). */
  async drop(files: FileToDrop[]): Promise<void> {
    const dataTransfer = await this.dragOver(files)
    await this.afterImport(() => this.page.dispatchEvent('body', 'drop', { dataTransfer }))
  }

  /**
   * Runs `start` and waits for the import it starts to finish. The first import starts main's
   * import process, and tagging and indexing follow, so this allows more than a UI step.
   */
  async afterImport(start: () => Promise<unknown>): Promise<void> {
    const counter = this.page.locator('[data-imports-done]')
    const before = Number(await counter.getAttribute('data-imports-done'))
    await start()
    await this.page
      .locator(`[data-imports-done="${before + 1}"]`)
      .waitFor({ state: 'attached', timeout: IMPORT_TIMEOUT_MS })
  }

  /** Dismisses the report banner. */
  async dismiss(): Promise<void> {
    await this.report.getByRole('button', { name: 'Dismiss' }).click()
  }

  /** The "Details…" button of an imported briefing in the report. */
  reportDetailsButton(title: string | RegExp): Locator {
    return this.imported.filter({ hasText: title }).getByTestId('import-details')
  }

  /** The "Edit details" button beside a library card (imported briefings only). */
  cardDetailsButton(card: Locator): Locator {
    return card.locator('xpath=..').getByTestId('briefing-details-open')
  }

  /** Waits for the details form (it opens by itself after importing a file without a source or
   * date) and closes it with Cancel. */
  async cancelDetails(): Promise<void> {
    await this.detailsForm.getByRole('button', { name: 'Cancel' }).click()
    await this.detailsForm.waitFor({ state: 'hidden' })
  }

  /** Fills the open details form and saves it. */
  async saveDetails(details: { title: string; source: string; date: string }): Promise<void> {
    await this.detailsTitle.fill(details.title)
    await this.detailsSource.fill(details.source)
    await this.detailsDate.fill(details.date)
    await this.detailsSave.click()
  }
}
