// UI state of annotating: the text selection offered for highlighting, the selected highlight and
// its editor, the annotation being flashed, the right panel's tab, note drafts and list filters.

import type { HighlightColor, NoteTarget, SectionTarget } from '../../../shared/annotations'
import { NO_FILTER } from './notes-list'
import type { NotesFilter } from './notes-list'

/** Where the selection toolbar goes, in pixels relative to the section text's frame. */
export interface SelectionBox {
  top: number
  bottom: number
  left: number
  right: number
}

export interface TextSelection {
  target: SectionTarget
  box: SelectionBox
}

export type PanelTab = 'entities' | 'notes'

export const FLASH_MS = 1600

export class AnnotationView {
  /** A valid selection in the section text (null when none, empty or whitespace-only). */
  selection = $state.raw<TextSelection | null>(null)
  /** True while the mouse is still selecting (the toolbar waits for the button to come up). */
  dragging = $state(false)
  /** The highlight shown with an outline. */
  selectedId = $state<string | null>(null)
  /** The selected highlight's editor is open; `focusNote` puts the caret in its note. */
  editor = $state.raw<{ id: string; focusNote: boolean } | null>(null)
  /** The highlight or note to scroll to and flash; a new object each time. */
  flash = $state.raw<{ id: string } | null>(null)
  panelTab = $state<PanelTab>('entities')
  /** A new note being written in the notes panel (not created until saved). */
  draft = $state.raw<NoteTarget | null>(null)
  /** The note being edited in the notes panel. */
  editingNoteId = $state<string | null>(null)
  filter = $state.raw<NotesFilter>(NO_FILTER)

  #flashTimer: ReturnType<typeof setTimeout> | undefined

  setSelection(selection: TextSelection | null): void {
    this.selection = selection
  }

  /** Selects a highlight; `open` also opens its editor. */
  select(id: string, open = false, focusNote = false): void {
    this.selectedId = id
    this.editor = open ? { id, focusNote } : this.editor?.id === id ? this.editor : null
  }

  deselect(): void {
    this.selectedId = null
    this.editor = null
  }

  closeEditor(): void {
    this.editor = null
  }

  /** Scrolls to and flashes a highlight or note (restarting the flash if it is running). */
  flashOn(id: string): void {
    clearTimeout(this.#flashTimer)
    this.flash = null
    // Two frames: the class must be off for one rendered frame for the animation to restart.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        this.flash = { id }
        this.#flashTimer = setTimeout(() => (this.flash = null), FLASH_MS)
      })
    )
  }

  toggleColorFilter(color: HighlightColor): void {
    const colors = this.filter.colors.includes(color)
      ? this.filter.colors.filter((c) => c !== color)
      : [...this.filter.colors, color]
    this.filter = { ...this.filter, colors }
  }

  setTagFilter(tag: string | null): void {
    this.filter = { ...this.filter, tag: this.filter.tag === tag ? null : tag }
  }

  clearFilter(): void {
    this.filter = NO_FILTER
  }

  /** Drops references to annotations that no longer exist (deleted, or undone). */
  forgetMissing(ids: ReadonlySet<string>): void {
    this.#forget((id) => !ids.has(id))
  }

  /** Drops references to the annotations `removed` (an edit's delta names them). */
  forgetRemoved(removed: readonly string[]): void {
    if (removed.length > 0) this.#forget((id) => removed.includes(id))
  }

  #forget(gone: (id: string) => boolean): void {
    if (this.selectedId !== null && gone(this.selectedId)) this.deselect()
    if (this.editor && gone(this.editor.id)) this.editor = null
    if (this.editingNoteId !== null && gone(this.editingNoteId)) this.editingNoteId = null
  }

  /** A different briefing: nothing carries over but the panel tab. */
  reset(): void {
    this.filter = NO_FILTER
    this.selection = null
    this.deselect()
    this.draft = null
    this.editingNoteId = null
    this.flash = null
  }
}
