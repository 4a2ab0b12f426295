// Application-menu commands carried out in the renderer (Edit ▸ Undo, Redo, Find; File ▸ Export
// Notes…, Import Briefings…; View ▸ Notebook, Side Panel): a focused text field keeps its own undo, otherwise undo applies to the annotations of
// the open briefing; nothing behind the export dialog reacts while it is open.

import type { MenuCommand } from '../../../shared/api-methods'
import type { AppState } from './app-state.svelte'
import { isTextEntry } from './keys'

/** What a menu command acts on, read at the moment it arrives. */
export interface MenuTarget {
  /** The export dialog (a modal) is open. */
  modalOpen: boolean
  /** A text field has focus. */
  typing: boolean
  /** A briefing is shown. */
  reading: boolean
  editText(command: 'undo' | 'redo'): void
  undo(): void
  redo(): void
  focusSearch(): void
  openExport(): void
  importBriefings(): void
  /** Imports the files the system opened with the app (they wait in main). */
  importOpened(): void
  /** Opens the reading settings popover. */
  readingSettings(): void
  /** Steps the reading text's size (+1, -1) or resets it (0). */
  textSize(step: 1 | -1 | 0): void
  /** Opens the notebook across briefings. */
  showNotebook(): void
  /** Shows or hides the reader's side panel. */
  togglePanel(): void
}

/** Carries out one menu command. */
export function runMenuCommand(command: MenuCommand, target: MenuTarget): void {
  switch (command) {
    case 'undo':
    case 'redo':
      if (target.typing) target.editText(command)
      else if (target.reading && !target.modalOpen) target[command]()
      return
    case 'find':
      if (!target.modalOpen) target.focusSearch()
      return
    case 'export-notes':
      target.openExport()
      return
    case 'import-briefings':
      if (!target.modalOpen) target.importBriefings()
      return
    case 'import-opened':
      // No dialog opens: the report shows beside whatever is on screen.
      target.importOpened()
      return
    case 'reading-settings':
      if (!target.modalOpen) target.readingSettings()
      return
    case 'text-bigger':
    case 'text-smaller':
    case 'text-reset':
      target.textSize(command === 'text-bigger' ? 1 : command === 'text-smaller' ? -1 : 0)
      return
    case 'notebook':
      if (!target.modalOpen) target.showNotebook()
      return
    case 'toggle-panel':
      if (target.reading && !target.modalOpen) target.togglePanel()
  }
}

/** The live target: the app's views and the document's focus. */
export function menuTargetFor(app: AppState): MenuTarget {
  return {
    modalOpen: app.exporter.open,
    typing: isTextEntry(document.activeElement),
    reading: app.view === 'briefing',
    // The text field's own undo stack; the menu replaces the role that would have run it.
    editText: (command) => document.execCommand(command),
    undo: () => void app.annotations.undo(),
    redo: () => void app.annotations.redo(),
    focusSearch: () => app.search.focus(),
    openExport: () => app.openExport(),
    importBriefings: () => void app.importer.fromDialog(),
    importOpened: () => void app.importer.fromOpened(),
    readingSettings: () => (app.readingSettings.open = true),
    textSize: (step) => void app.readingSettings.stepSize(step),
    showNotebook: () => app.showNotebook(),
    togglePanel: () => app.panel.toggle()
  }
}
