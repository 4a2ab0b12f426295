// Page object: the library view (list of briefings).
import type { Locator, Page } from '@playwright/test'

export class LibraryPage {
  readonly list: Locator
  readonly cards: Locator

  constructor(readonly page: Page) {
    this.list = page.getByTestId('library')
    this.cards = page.getByTestId('briefing-card')
  }

  card(title: string | RegExp): Locator {
    return this.cards.filter({ hasText: title })
  }

  async open(title: string | RegExp): Promise<void> {
    await this.card(title).click()
    await this.page.getByTestId('outline').waitFor()
  }
}
