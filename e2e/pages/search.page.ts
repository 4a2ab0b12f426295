// Page object: the search box and its results panel.
import type { Locator, Page } from '@playwright/test'

export class SearchPage {
  readonly input: Locator
  readonly results: Locator
  readonly hits: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.input = page.getByTestId('search-input')
    this.results = page.getByTestId('search-results')
    this.hits = page.getByTestId('search-hit')
    this.error = page.getByTestId('search-error')
  }

  async search(query: string): Promise<void> {
    await this.input.fill(query)
  }

  hit(text: string | RegExp): Locator {
    return this.hits.filter({ hasText: text })
  }
}
