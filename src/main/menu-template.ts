// The application menu as plain data: which items exist, their accelerators, and the command each
// sends to the renderer. menu.ts turns it into Electron's Menu; this file is tested without it.

import type { MenuCommand } from '../shared/api-methods'
import { SHORTCUTS, acceleratorOf } from '../shared/shortcuts'

export type MenuEntry =
  | { kind: 'command'; label: string; command: MenuCommand; accelerator?: string }
  | {
      kind: 'role'
      role:
        | 'cut'
        | 'copy'
        | 'paste'
        | 'selectAll'
        | 'quit'
        | 'about'
        | 'hide'
        | 'hideOthers'
        | 'unhide'
        | 'close'
        | 'minimize'
        | 'zoom'
        | 'togglefullscreen'
        | 'resetZoom'
        | 'zoomIn'
        | 'zoomOut'
      /** Replaces the role's own accelerator. */
      accelerator?: string
    }
  | { kind: 'separator' }
  /** Handled by main itself, never sent to the renderer. */
  | { kind: 'main'; label: string; action: MainMenuAction }

export type MainMenuAction = 'open-log-folder'

export interface MenuSection {
  label: string
  entries: MenuEntry[]
}

/**
 * The menu for a platform. Undo and redo are commands, not Electron's roles: the renderer undoes
 * the last annotation change, or the text edit when a text field has focus (it also handles the
 * keys itself and marks them handled, so an accelerator never undoes twice).
 */
export function menuTemplate(platform: NodeJS.Platform, appName: string): MenuSection[] {
  const mac = platform === 'darwin'
  const sections: MenuSection[] = []
  if (mac) {
    sections.push({
      label: appName,
      entries: [
        { kind: 'role', role: 'about' },
        { kind: 'separator' },
        { kind: 'role', role: 'hide' },
        { kind: 'role', role: 'hideOthers' },
        { kind: 'role', role: 'unhide' },
        { kind: 'separator' },
        { kind: 'role', role: 'quit' }
      ]
    })
  }
  sections.push({
    label: 'File',
    entries: [
      command('import-briefings'),
      command('export-notes'),
      { kind: 'separator' },
      mac ? { kind: 'role', role: 'close' } : { kind: 'role', role: 'quit' }
    ]
  })
  sections.push({
    label: 'Edit',
    entries: [
      command('undo'),
      command('redo'),
      { kind: 'separator' },
      { kind: 'role', role: 'cut' },
      { kind: 'role', role: 'copy' },
      { kind: 'role', role: 'paste' },
      { kind: 'role', role: 'selectAll' },
      { kind: 'separator' },
      command('find')
    ]
  })
  sections.push({
    label: 'View',
    // Ctrl/Cmd + = / - / 0 size the reading text (the renderer handles them, so they work with the
    // menu bar hidden too); zooming the whole window moves to the same keys with Shift.
    entries: [
      command('notebook'),
      command('toggle-panel'),
      { kind: 'separator' },
      command('reading-settings'),
      command('text-bigger'),
      command('text-smaller'),
      command('text-reset'),
      { kind: 'separator' },
      { kind: 'role', role: 'resetZoom', accelerator: 'CmdOrCtrl+Shift+0' },
      { kind: 'role', role: 'zoomIn', accelerator: 'CmdOrCtrl+Shift+=' },
      { kind: 'role', role: 'zoomOut', accelerator: 'CmdOrCtrl+Shift+-' },
      { kind: 'separator' },
      { kind: 'role', role: 'togglefullscreen' }
    ]
  })
  sections.push({
    label: 'Window',
    entries: [
      { kind: 'role', role: 'minimize' },
      ...(mac ? [{ kind: 'role', role: 'zoom' } as const] : [])
    ]
  })
  // macOS has About under the app menu; the log folder is where support asks to look.
  sections.push({
    label: 'Help',
    entries: [
      ...(mac ? [] : [{ kind: 'role', role: 'about' } as const, { kind: 'separator' } as const]),
      { kind: 'main', label: 'Open Log Folder', action: 'open-log-folder' }
    ]
  })
  return sections
}

/** A menu item for a renderer command: its label and accelerator come from the shortcut table. */
function command(id: Exclude<MenuCommand, 'import-opened'>): MenuEntry {
  const accelerator = acceleratorOf(id)
  return {
    kind: 'command',
    label: SHORTCUTS[id].label,
    command: id,
    ...(accelerator ? { accelerator } : {})
  }
}
