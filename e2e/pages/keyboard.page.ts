// Page object: the keyboard alone (no mouse events): what has the focus, the reading cursor's
// announcements, and Tab pressed until a given element has the focus.
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export class KeyboardPart {
  readonly focused: Locator
  readonly cursorStatus: Locator
  readonly skipLink: Locator

  constructor(readonly page: Page) {
    this.focused = page.locator(':focus')
    // Each section text has its own live region: the one speaking is the cursor's section's.
    this.cursorStatus = page.locator('[data-reading-cursor-status]:not(:empty)')
    this.skipLink = page.getByTestId('skip-to-text')
  }

  /** Presses each key in turn. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key)
  }

  /** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails after `max`. */
  async tabTo(target: Locator, { back = false, max = 60 } = {}): Promise<number> {
    for (let presses = 0; presses < max; presses++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
        return presses
      }
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    }
    throw new Error(`Tab did not reach ${target.toString()} in ${max} presses`)
  }

  /** The text the document selection holds now. */
  selectedText(): Promise<string> {
    return this.page.evaluate(() => document.getSelection()?.toString() ?? '')
  }

  /** The text under the painted reading cursor (CSS Custom Highlight), or '' when none. */
  cursorText(): Promise<string> {
    return this.page.evaluate(() => {
      const highlight = CSS.highlights.get('reading-cursor')
      const range = highlight ? [...highlight][0] : undefined
      return range instanceof Range ? range.toString() : ''
    })
  }

  async expectCursorOn(text: string | RegExp): Promise<void> {
    await expect.poll(() => this.cursorText()).toMatch(text)
  }
}
