// Page object: the right panel's Notes tab (notes list, filters, new notes, orphans, trash,
// colour names) and the note editor used there and in the highlight editor.
import type { Locator, Page } from '@playwright/test'

export class NotesPage {
  readonly tab: Locator
  readonly tabCount: Locator
  readonly panel: Locator
  readonly highlightItems: Locator
  readonly noteItems: Locator
  readonly orphanItems: Locator
  readonly trashToggle: Locator
  readonly trashItems: Locator
  readonly draft: Locator

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('panel-tab-notes')
    this.tabCount = page.getByTestId('panel-tab-notes-count')
    this.panel = page.getByTestId('notes-panel')
    this.highlightItems = this.panel.getByTestId('notes-highlight')
    this.noteItems = this.panel.getByTestId('notes-note')
    this.orphanItems = this.panel.getByTestId('orphan-item')
    this.trashToggle = this.panel.getByTestId('trash-toggle')
    this.trashItems = this.panel.getByTestId('trash-item')
    this.draft = this.panel.getByTestId('note-draft')
  }

  async open(): Promise<void> {
    await this.tab.click()
    await this.panel.waitFor()
  }

  highlightItem(id: string): Locator {
    return this.panel.locator(`[data-testid="notes-highlight"][data-annotation-id="${id}"]`)
  }

  /** Toggles the colour filter chip labelled `label`. */
  async toggleColorFilter(label: string): Promise<void> {
    await this.panel
      .getByTestId('filter-color')
      .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
      .click()
  }

  async toggleTagFilter(tag: string): Promise<void> {
    await this.panel
      .getByTestId('filter-tag')
      .filter({ hasText: `#${tag}` })
      .click()
  }

  async openTrash(): Promise<void> {
    if ((await this.trashToggle.getAttribute('aria-expanded')) !== 'true') {
      await this.trashToggle.click()
    }
  }

  /** Writes a new briefing or section note in the panel and saves it. */
  async addNote(kind: 'briefing' | 'section', body: string): Promise<void> {
    await this.panel
      .getByTestId(kind === 'briefing' ? 'add-briefing-note' : 'add-section-note')
      .click()
    await this.draft.getByTestId('note-input').fill(body)
    await this.draft.getByTestId('note-save').click()
    await this.draft.waitFor({ state: 'detached' })
  }

  /** Renames the colour labels through the Colours popover. */
  async renameColor(color: string, label: string): Promise<void> {
    await this.panel.getByTestId('color-settings-toggle').click()
    const input = this.panel.locator(`[data-testid="color-label-input"][data-color="${color}"]`)
    await input.fill(label)
    await input.press('Enter')
    await this.panel.getByTestId('color-settings').waitFor({ state: 'detached' })
  }
}

/** The note editor inside `scope` (the highlight editor, a note card or the draft). */
export class NoteEditorPart {
  readonly input: Locator
  readonly preview: Locator
  readonly save: Locator

  constructor(readonly scope: Locator) {
    this.input = scope.getByTestId('note-input')
    this.preview = scope.getByTestId('note-preview')
    this.save = scope.getByTestId('note-save')
  }

  async write(text: string): Promise<void> {
    await this.input.fill(text)
    await this.save.click()
  }
}
