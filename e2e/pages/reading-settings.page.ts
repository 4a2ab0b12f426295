// Page object: the reading-settings popover ("Aa" in the top bar; View ▸ Reading Settings…).
import type { Locator, Page } from '@playwright/test'

export type Choice = 'font' | 'spacing' | 'width' | 'theme'

export class ReadingSettingsPage {
  readonly toggle: Locator
  readonly popover: Locator
  readonly size: Locator

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId('reading-settings-toggle')
    this.popover = page.getByTestId('reading-settings')
    this.size = page.getByTestId('reading-size')
  }

  async open(): Promise<void> {
    if (!(await this.popover.isVisible())) await this.toggle.click()
  }

  /** Picks one choice of a group by its label ("Serif", "Wide", "Sepia", ...). */
  async choose(group: Choice, label: string): Promise<void> {
    await this.open()
    const choices = this.page.getByTestId(`reading-${group}`)
    await choices.getByRole('radio', { name: label, exact: true }).check()
  }

  async larger(): Promise<void> {
    await this.open()
    await this.popover.getByRole('button', { name: 'Larger text' }).click()
  }

  /** The reading text's computed style (font, size, line height, column width) and the page's. */
  styles(): Promise<{
    fontFamily: string
    fontSize: string
    lineHeight: string
    columnWidth: number
    bodyFontSize: string
    background: string
    theme: string
  }> {
    return this.page.evaluate(() => {
      const text = document.querySelector('[data-testid="section-text"]') as HTMLElement
      const style = getComputedStyle(text)
      return {
        fontFamily: style.fontFamily,
        fontSize: style.fontSize,
        lineHeight: style.lineHeight,
        columnWidth: text.getBoundingClientRect().width,
        bodyFontSize: getComputedStyle(document.body).fontSize,
        background: getComputedStyle(document.body).backgroundColor,
        theme: document.documentElement.dataset.theme ?? ''
      }
    })
  }
}
