// Page object: the search box and its results panel (count, facets, filter chips, hits grouped by
// briefing, "Load more").
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export type FacetKind = 'briefing' | 'entity' | 'tag' | 'color'

export class SearchPage {
  readonly input: Locator
  readonly results: Locator
  readonly hits: Locator
  readonly error: Locator
  readonly empty: Locator
  /** "Showing 50 of 120 matches" or "7 matches". */
  readonly total: Locator
  readonly indexing: Locator
  readonly listbox: Locator
  readonly groups: Locator
  readonly facets: Locator
  readonly chips: Locator
  readonly loadMore: Locator

  constructor(readonly page: Page) {
    this.input = page.getByTestId('search-input')
    this.results = page.getByTestId('search-results')
    this.hits = page.getByTestId('search-hit')
    this.error = page.getByTestId('search-error')
    this.empty = page.getByTestId('search-empty')
    this.total = page.getByTestId('search-total')
    this.indexing = page.getByTestId('search-indexing')
    this.listbox = page.getByRole('listbox', { name: 'Search results' })
    this.groups = page.getByTestId('search-group')
    this.facets = page.getByTestId('search-facets')
    this.chips = page.getByTestId('search-filter-chip')
    this.loadMore = page.getByTestId('search-load-more')
  }

  async search(query: string): Promise<void> {
    await this.input.fill(query)
  }

  hit(text: string | RegExp): Locator {
    return this.hits.filter({ hasText: text })
  }

  /** The headings of the hits on screen, in order. */
  headings(): Promise<string[]> {
    return this.hits.getByTestId('search-hit-heading').allTextContents()
  }

  /** A facet value's button, by what it filters (a briefing or entity id, a tag, a colour). */
  facet(kind: FacetKind, value: string): Locator {
    return this.facets.locator(
      `[data-testid="search-facet"][data-facet="${kind}"][data-value="${value}"]`
    )
  }

  chip(kind: FacetKind): Locator {
    return this.chips.and(this.page.locator(`[data-facet="${kind}"]`))
  }

  /** Scrolls the results list to `top` pixels, as the mouse wheel would. */
  async scrollList(top: number): Promise<void> {
    await this.listbox.evaluate((list, to) => {
      const scroller = list.parentElement
      if (scroller) scroller.scrollTop = to
    }, top)
  }

  /** The id of the hit shown at the middle of the results list, or null where it is blank. */
  optionAtMiddle(): Promise<string | null> {
    return this.listbox.evaluate((list) => {
      const box = list.parentElement?.getBoundingClientRect()
      if (!box) return null
      const at = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      return at?.closest('[role="option"]')?.id ?? null
    })
  }

  /** Waits until the panel answers `count` hits in all. */
  async expectTotal(count: number): Promise<void> {
    await expect(this.total).toHaveText(new RegExp(`\\b${count.toLocaleString('en-GB')} match`))
  }
}
