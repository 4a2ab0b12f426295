// Page object: the entity review of an imported briefing — opened from the import report's
// "Review entities (N)" or the reader's "Entities to review (N)" — with one row per proposed
// entity (Later / Accept / Merge / Reject, name, kind, merge target, mentions in context), the
// "Accept all …" and "Reject the rest" buttons, and Save decisions.
import type { Locator, Page } from '@playwright/test'

export class EntityReviewPage {
  readonly dialog: Locator
  readonly rows: Locator
  readonly save: Locator
  readonly saved: Locator
  readonly error: Locator
  readonly reportButton: Locator
  readonly readerButton: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('entity-review')
    this.rows = this.dialog.getByTestId('entity-proposal')
    this.save = this.dialog.getByTestId('entity-review-save')
    this.saved = this.dialog.getByTestId('entity-review-saved')
    this.error = this.dialog.getByTestId('entity-review-error')
    this.reportButton = page.getByTestId('import-review-entities')
    this.readerButton = page.getByTestId('entity-review-open')
  }

  /** The row of the proposal named `name`. */
  row(name: string): Locator {
    return this.rows.and(this.page.locator(`[data-name="${name}"]`))
  }

  /** Chooses Later, Accept, Merge or Reject for a proposal. */
  async decide(name: string, action: 'Later' | 'Accept' | 'Merge' | 'Reject'): Promise<void> {
    await this.row(name).getByLabel(action, { exact: true }).check()
  }

  /** Accepts a proposal, under another name when given. */
  async accept(name: string, as?: string): Promise<void> {
    await this.decide(name, 'Accept')
    if (as !== undefined) await this.row(name).getByLabel('Name').fill(as)
  }

  /** Merges a proposal into the library entity shown as `target`. */
  async merge(name: string, target: string): Promise<void> {
    await this.decide(name, 'Merge')
    await this.row(name).getByLabel('Merge with').selectOption({ label: target })
  }

  /** "Accept all people / places / organisations" in the dialog. */
  acceptAll(kind: 'person' | 'place' | 'organisation'): Locator {
    return this.dialog.getByTestId(`entity-accept-all-${kind}`)
  }

  /** "Reject the rest" in the dialog. */
  get rejectRest(): Locator {
    return this.dialog.getByTestId('entity-reject-rest')
  }

  /** The mentions in context shown for the proposal named `name`. */
  mentions(name: string): Locator {
    return this.row(name).getByTestId('entity-proposal-mention')
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
  }
}
