// Page object: the command palette (Ctrl/Cmd+K) and the keyboard shortcut sheet (? / F1).
import type { Locator, Page } from '@playwright/test'

export class PalettePage {
  readonly dialog: Locator
  readonly input: Locator
  readonly items: Locator
  readonly activeItem: Locator
  readonly sheet: Locator
  readonly sheetRows: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('command-palette')
    this.input = page.getByTestId('palette-input')
    this.items = page.getByTestId('palette-item')
    this.activeItem = page.locator('[data-testid="palette-item"][aria-selected="true"]')
    this.sheet = page.getByTestId('shortcut-sheet')
    this.sheetRows = page.getByTestId('shortcut-row')
  }

  /** Opens the palette with Ctrl+K and types `query`. */
  async find(query: string): Promise<void> {
    await this.page.keyboard.press('Control+K')
    await this.input.waitFor()
    await this.input.fill(query)
  }

  sheetRow(id: string): Locator {
    return this.page.locator(`[data-testid="shortcut-row"][data-shortcut="${id}"]`)
  }
}
