// Page object: the briefing reader (outline, section text, entity marks and panel).
import type { Locator, Page } from '@playwright/test'

export class ReaderPage {
  readonly outlineItems: Locator
  readonly currentOutlineItem: Locator
  readonly heading: Locator
  readonly text: Locator
  readonly entityMarks: Locator
  readonly selectedEntityMarks: Locator
  readonly searchMarks: Locator
  readonly entityToggle: Locator
  readonly entityPanel: Locator

  constructor(readonly page: Page) {
    this.outlineItems = page.getByTestId('outline-item')
    this.currentOutlineItem = page.locator('[data-testid="outline-item"][aria-current="true"]')
    this.heading = page.getByTestId('section-heading')
    this.text = page.getByTestId('section-text')
    this.entityMarks = this.text.locator('.entity')
    this.selectedEntityMarks = this.text.locator('.entity-selected')
    this.searchMarks = this.text.locator('mark.search-match')
    this.entityToggle = page.getByTestId('entity-toggle')
    this.entityPanel = page.getByTestId('entity-panel')
  }

  entityItem(entityId: string): Locator {
    return this.entityPanel.locator(`[data-testid="entity-item"][data-entity-id="${entityId}"]`)
  }

  mentionsOf(entityId: string): Locator {
    return this.text.locator(`[data-entity-id="${entityId}"]`)
  }

  async goToSection(heading: string): Promise<void> {
    await this.outlineItems.filter({ hasText: heading }).click()
    await this.heading.filter({ hasText: heading }).waitFor()
  }

  /** Presses a key with focus on the page body (not in an input). */
  async pressKey(key: string): Promise<void> {
    await this.page.locator('body').press(key)
  }
}
