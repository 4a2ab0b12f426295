// Page object: the briefing reader (outline, the continuous text, entity marks and panel,
// highlights, the selection toolbar and the highlight editor). `heading` and `text` are those of
// the section being read (the outline's current one); `pane` scrolls the whole briefing.
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export class ReaderPage {
  readonly outlineItems: Locator
  readonly currentOutlineItem: Locator
  readonly pane: Locator
  /** Every rendered section, and every rendered section heading, in document order. */
  readonly sections: Locator
  readonly headings: Locator
  readonly currentSection: Locator
  /** The name of the section being read (the outline's current item). */
  readonly heading: Locator
  /** What takes the focus when a section opens: its heading in the text, or a lead section itself. */
  readonly openedSection: Locator
  readonly text: Locator
  readonly entityMarks: Locator
  readonly selectedEntityMarks: Locator
  readonly searchMarks: Locator
  readonly entityToggle: Locator
  readonly entityPanel: Locator
  /** Every rendered piece of highlighted text. */
  readonly highlightPieces: Locator
  readonly toolbar: Locator
  readonly editor: Locator
  readonly undoButton: Locator
  readonly redoButton: Locator

  constructor(readonly page: Page) {
    this.outlineItems = page.getByTestId('outline-item')
    this.currentOutlineItem = page.locator('[data-testid="outline-item"][aria-current="true"]')
    this.pane = page.getByTestId('reading-pane')
    this.sections = page.getByTestId('reader-section')
    this.headings = this.sections.getByTestId('section-heading')
    this.currentSection = page.locator('[data-testid="reader-section"][data-current="true"]')
    // The section being read is named by the outline: a lead section has no heading in the text.
    this.heading = this.currentOutlineItem.getByTestId('outline-heading')
    this.openedSection = this.currentSection
      .getByTestId('section-heading')
      .or(this.currentSection.filter({ hasNot: page.getByTestId('section-heading') }))
    this.text = this.currentSection.getByTestId('section-text')
    this.entityMarks = this.text.locator('.entity')
    this.selectedEntityMarks = this.text.locator('.entity-selected')
    this.searchMarks = this.text.locator('mark.search-match')
    this.entityToggle = page.getByTestId('entity-toggle')
    this.entityPanel = page.getByTestId('entity-panel')
    this.highlightPieces = this.text.locator('[data-highlight-ids]')
    this.toolbar = page.getByTestId('selection-toolbar')
    this.editor = page.getByTestId('highlight-editor')
    this.undoButton = page.getByTestId('undo')
    this.redoButton = page.getByTestId('redo')
  }

  /** The rendered pieces of one highlight (several when it is split by mentions or overlaps). */
  highlight(id: string): Locator {
    return this.text.locator(`[data-highlight-ids~="${id}"]`)
  }

  /** Pieces whose innermost highlight has `color`. */
  highlightsOfColor(color: string): Locator {
    return this.text.locator(`.hl-${color}`)
  }

  /**
   * Selects `phrase` in the section text with the real mouse: press at the left edge of its
   * first character, drag to the right edge of its last.
   */
  async selectText(phrase: string): Promise<void> {
    const points = await this.text.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      let all = ''
      while (walker.nextNode()) {
        const node = walker.currentNode as Text
        nodes.push(node)
        all += node.data
      }
      const at = all.indexOf(wanted)
      if (at < 0) throw new Error(`"${wanted}" is not in the section text`)
      const range = document.createRange()
      let offset = 0
      for (const node of nodes) {
        const end = offset + node.data.length
        if (at >= offset && at < end) range.setStart(node, at - offset)
        if (at + wanted.length > offset && at + wanted.length <= end) {
          range.setEnd(node, at + wanted.length - offset)
        }
        offset = end
      }
      // A phrase on the pane's first or last line is brought in first, as the analyst would:
      // dragging at the edge of the scrolling pane makes the browser scroll under the mouse.
      const pane = root.closest('[data-testid="reading-pane"]')?.getBoundingClientRect()
      const whole = range.getBoundingClientRect()
      if (pane && (whole.top < pane.top + 48 || whole.bottom > pane.bottom - 48)) {
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' })
      }
      const rects = [...range.getClientRects()].filter((r) => r.width > 0)
      const first = rects[0]!
      const last = rects[rects.length - 1]!
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2
      }
    }, phrase)
    const mouse = this.page.mouse
    await mouse.move(points.x1, points.y1)
    await mouse.down()
    await mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 })
    await mouse.move(points.x2, points.y2, { steps: 4 })
    await mouse.up()
  }

  /** The text the document selection holds now. */
  selectedText(): Promise<string> {
    return this.page.evaluate(() => document.getSelection()?.toString() ?? '')
  }

  /**
   * Selects `phrase` and highlights it with the toolbar colour labelled `label`. The drag is
   * aimed at where the phrase was measured; on a loaded machine the reader can still be laying
   * sections out after a jump, and a drag aimed before that misses. So the drag is repeated
   * until the selection holds the phrase (the app's state), as an analyst would drag again.
   */
  async highlightText(phrase: string, label: string): Promise<void> {
    // Compared without white space: across list items or table cells the selection's text has
    // the browser's line breaks, the phrase the text's own separators.
    const bare = (text: string) => text.replace(/\s+/g, '')
    await expect(async () => {
      await this.selectText(phrase)
      expect(bare(await this.selectedText())).toBe(bare(phrase))
    }).toPass({ timeout: 30_000 })
    await this.toolbar.getByRole('button', { name: label, exact: true }).click()
  }

  /** Clicks the first piece of highlight `id` (opening its editor). */
  async openHighlight(id: string): Promise<void> {
    await this.highlight(id).first().click()
  }

  /** Ids of the highlights in the section text, in order of first appearance. */
  highlightIds(): Promise<string[]> {
    return this.highlightPieces.evaluateAll((pieces) => {
      const ids: string[] = []
      for (const piece of pieces) {
        for (const id of (piece.getAttribute('data-highlight-ids') ?? '').split(' ')) {
          if (id && !ids.includes(id)) ids.push(id)
        }
      }
      return ids
    })
  }

  editorColor(label: string): Locator {
    return this.editor.getByRole('radio', { name: label, exact: true })
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

  /** The section whose heading is `heading`, when rendered. */
  section(heading: string): Locator {
    return this.sections.filter({
      has: this.page.getByTestId('section-heading').filter({ hasText: heading })
    })
  }

  /** Scrolls the reading pane by `pixels` (as the wheel would: the app sees a scroll). */
  async scrollBy(pixels: number): Promise<void> {
    await this.pane.evaluate((el, by) => el.scrollBy({ top: by }), pixels)
  }

  /** Distance from the pane's top to the top of `locator` (negative when above the fold). */
  topInPane(locator: Locator): Promise<number> {
    return locator.evaluate((el) => {
      const pane = el.closest('[data-testid="reading-pane"]')
      const paneTop = pane?.getBoundingClientRect().top ?? 0
      return el.getBoundingClientRect().top - paneTop
    })
  }

  /** Presses a key with focus on the page body (not in an input). */
  async pressKey(key: string): Promise<void> {
    await this.page.locator('body').press(key)
  }
}
