import { describe, expect, it } from 'vitest'

import { MENU_COMMANDS } from '../shared/api-methods'
import { menuTemplate } from './menu-template'

describe('application menu', () => {
  for (const platform of ['darwin', 'linux', 'win32'] as const) {
    it(`on ${platform} offers import, export, undo, redo and find as app commands`, () => {
      const entries = menuTemplate(platform, 'Briefing Reader').flatMap((s) => s.entries)
      const commands = entries.flatMap((e) => (e.kind === 'command' ? [e.command] : []))
      // Every command but import-opened, which main sends when the system opens files with the app.
      const fromMenu = MENU_COMMANDS.filter((c) => c !== 'import-opened')
      expect(commands.sort()).toEqual([...fromMenu].sort())
      // Undo/redo must be commands, never Electron's text-only roles.
      expect(entries.some((e) => e.kind === 'role' && (e.role as string) === 'undo')).toBe(false)
      const accelerators = entries.flatMap((e) =>
        e.kind === 'command' && e.accelerator ? [e.accelerator] : []
      )
      expect(new Set(accelerators).size).toBe(accelerators.length)
    })
  }
  it('has the app menu with Quit on macOS, and Quit under File elsewhere', () => {
    expect(menuTemplate('darwin', 'Briefing Reader')[0]?.label).toBe('Briefing Reader')
    const file = menuTemplate('linux', 'Briefing Reader').find((s) => s.label === 'File')
    expect(file?.entries).toContainEqual({ kind: 'role', role: 'quit' })
  })
  it('has Help with About (the app menu has it on macOS) and Open Log Folder everywhere', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const help = menuTemplate(platform, 'Briefing Reader').find((s) => s.label === 'Help')
      expect(help?.entries).toContainEqual({
        kind: 'main',
        label: 'Open Log Folder',
        action: 'open-log-folder'
      })
      const about = help?.entries.some((e) => e.kind === 'role' && e.role === 'about')
      expect(about, platform).toBe(platform !== 'darwin')
    }
  })
  it('sizes the reading text with Ctrl/Cmd + = - 0 and zooms the window with Shift, never both', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const view = menuTemplate(platform, 'Briefing Reader').find((s) => s.label === 'View')
      const keys = (view?.entries ?? []).flatMap((e) =>
        e.kind === 'command' || e.kind === 'role'
          ? [[e.kind === 'command' ? e.command : e.role, e.accelerator]]
          : []
      )
      expect(Object.fromEntries(keys)).toMatchObject({
        'reading-settings': undefined,
        'text-bigger': 'CmdOrCtrl+=',
        'text-smaller': 'CmdOrCtrl+-',
        'text-reset': 'CmdOrCtrl+0',
        zoomIn: 'CmdOrCtrl+Shift+=',
        zoomOut: 'CmdOrCtrl+Shift+-',
        resetZoom: 'CmdOrCtrl+Shift+0'
      })
    }
  })
})
