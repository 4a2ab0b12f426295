// Page object: the library view (list of briefings), its filter box, sort and filters.
import type { Locator, Page } from '@playwright/test'

export class LibraryPage {
  readonly list: Locator
  readonly cards: Locator

  constructor(readonly page: Page) {
    this.list = page.getByTestId('library')
    this.cards = page.getByTestId('briefing-card')
  }

  /** The "N of M" count shown while a filter is set. */
  get shown(): Locator {
    return this.page.getByTestId('library-shown')
  }

  get filterBox(): Locator {
    return this.page.getByTestId('library-filter')
  }

  get sort(): Locator {
    return this.page.getByTestId('library-sort')
  }

  /** Scrolls the virtualised grid to its end (the window of cards follows). */
  async scrollToEnd(): Promise<void> {
    await this.list.evaluate((list) => {
      const scroller = list.closest('.scroller')
      if (scroller) scroller.scrollTop = scroller.scrollHeight
    })
  }

  card(title: string | RegExp): Locator {
    return this.cards.filter({ hasText: title })
  }

  async open(title: string | RegExp): Promise<void> {
    await this.card(title).click()
    await this.page.getByTestId('outline').waitFor()
  }
}
