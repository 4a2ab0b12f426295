// Page object: the export dialog (whose notes, format, Markdown options, Export…, Import
// annotations…) and the notices that report an export or an import under the top bar.
import type { Locator, Page } from '@playwright/test'

export interface ExportChoice {
  scope?: 'This briefing' | 'All briefings'
  format?: 'Markdown' | 'W3C Web Annotation JSON'
  groupBy?: 'By section' | 'By colour label'
  files?: 'One file' | 'One file per briefing, into a folder'
}

export class ExportDialogPage {
  readonly dialog: Locator
  readonly submit: Locator
  readonly importButton: Locator
  readonly error: Locator
  readonly result: Locator
  readonly resultFiles: Locator
  readonly importResult: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('export-dialog')
    this.submit = this.dialog.getByTestId('export-submit')
    this.importButton = this.dialog.getByTestId('import-annotations')
    this.error = this.dialog.getByTestId('export-error')
    this.result = page.getByTestId('export-result')
    this.resultFiles = this.result.getByTestId('export-file')
    this.importResult = page.getByTestId('import-result')
  }

  /** Opens the dialog with the notes panel's Export button (the reader's Notes tab). */
  async openFromNotes(): Promise<void> {
    await this.page.getByTestId('panel-tab-notes').click()
    await this.page.getByTestId('export-open').click()
    await this.dialog.waitFor()
  }

  /** Opens the dialog with the library's "Export all notes" button. */
  async openFromLibrary(): Promise<void> {
    await this.page.getByTestId('export-all-open').click()
    await this.dialog.waitFor()
  }

  /** A radio button or checkbox of the dialog, by its label. */
  option(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true })
  }

  async choose(choice: ExportChoice): Promise<void> {
    for (const label of [choice.scope, choice.format, choice.groupBy, choice.files]) {
      if (label) await this.option(label).check()
    }
  }

  /** Makes the choices and presses Export…; resolves once the dialog has closed. */
  async export(choice: ExportChoice = {}): Promise<void> {
    await this.choose(choice)
    await this.submit.click()
    await this.dialog.waitFor({ state: 'hidden' })
  }
}
