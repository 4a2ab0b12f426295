// Page object: the notebook across briefings (its filters, grouping, sort, items, in-place note
// editing, export) and the reader's side panel separator and toggle.
import type { Locator, Page } from '@playwright/test'

export class NotebookPage {
  readonly root: Locator
  readonly items: Locator
  readonly groupHeadings: Locator
  readonly count: Locator
  readonly exported: Locator
  readonly list: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('notebook')
    this.items = this.root.getByTestId('notebook-item')
    this.groupHeadings = this.root.getByTestId('notebook-group-heading')
    this.count = this.root.getByTestId('notebook-count')
    this.exported = this.root.getByTestId('notebook-exported')
    this.list = this.root.getByTestId('notebook-list')
  }

  /** Waits until the notebook shows main's answer. */
  async ready(): Promise<void> {
    await this.page.locator('[data-testid="notebook"][data-status="ready"]').waitFor()
  }

  /** Scrolls the list to `top` pixels, or to its end. */
  async scrollTo(top: number | 'end'): Promise<void> {
    await this.list.evaluate((list, top) => {
      list.scrollTop = top === 'end' ? list.scrollHeight : top
    }, top)
  }

  item(id: string): Locator {
    return this.root.locator(`[data-testid="notebook-item"][data-annotation-id="${id}"]`)
  }

  itemWithText(text: string): Locator {
    return this.items.filter({ hasText: text })
  }

  async toggleColor(label: string): Promise<void> {
    await this.root.getByTestId('notebook-color').filter({ hasText: label }).click()
  }

  /** Filters to one briefing (by id); '' for all. */
  async chooseBriefing(id: string): Promise<void> {
    await this.root.getByTestId('notebook-briefing').selectOption(id)
  }

  async groupBy(label: 'Briefing' | 'Tag' | 'Colour'): Promise<void> {
    await this.root.getByTestId('notebook-group').selectOption({ label })
  }

  async sortBy(label: 'Reading order' | 'Newest first' | 'Oldest first'): Promise<void> {
    await this.root.getByTestId('notebook-sort').selectOption({ label })
  }

  /** Edits the note of `item` in place and saves it. */
  async editNote(item: Locator, text: string): Promise<void> {
    await item.getByTestId('notebook-edit').click()
    await item.getByTestId('note-input').fill(text)
    await item.getByTestId('note-save').click()
  }
}

/** The reader's side panel: its separator (drag, arrow keys) and the show/hide button. */
export class SidePanelPart {
  readonly panel: Locator
  readonly separator: Locator
  readonly toggle: Locator

  constructor(readonly page: Page) {
    this.panel = page.locator('#entity-panel')
    this.separator = page.getByTestId('panel-separator')
    this.toggle = page.getByTestId('panel-toggle')
  }

  async width(): Promise<number> {
    return (await this.panel.boundingBox())?.width ?? 0
  }

  /** Drags the separator by `dx` pixels with the mouse (negative: to the left, wider). */
  async drag(dx: number): Promise<void> {
    const box = await this.separator.boundingBox()
    if (!box) throw new Error('the separator is not on screen')
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await this.page.mouse.move(x, y)
    await this.page.mouse.down()
    await this.page.mouse.move(x + dx / 2, y)
    await this.page.mouse.move(x + dx, y)
    await this.page.mouse.up()
  }
}
