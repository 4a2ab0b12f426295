// Carries out a command chosen in the palette (or a global key): the menu's commands go through
// the same path as the menu, the rest act on the app's views and history.

import type { ShortcutId } from '../../../shared/shortcuts'
import type { AppState } from './app-state.svelte'
import { menuTargetFor, runMenuCommand } from './menu-commands'

export function runCommand(id: ShortcutId, app: AppState): void {
  switch (id) {
    case 'import-briefings':
    case 'export-notes':
    case 'undo':
    case 'redo':
    case 'find':
    case 'notebook':
    case 'toggle-panel':
      runMenuCommand(id, menuTargetFor(app))
      return
    case 'back':
    case 'forward':
      app.travel(id)
      return
    case 'library':
      app.showLibrary()
      return
    case 'next-section':
      app.reader.next()
      return
    case 'previous-section':
      app.reader.previous()
      return
    case 'palette':
      app.navigation.showPalette()
      return
    case 'shortcut-sheet':
      app.navigation.showSheet()
      return
    default:
    // Selection keys (h, n, Escape) act on what is selected: the reader handles them.
  }
}
