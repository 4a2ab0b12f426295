import { describe, expect, it } from 'vitest'

import { MENU_COMMANDS } from './api-methods'
import { SHORTCUTS, acceleratorOf, formatKey, keysOf } from './shortcuts'

describe('shortcut table', () => {
  it('names every menu command the menu offers, with its accelerator where it has one', () => {
    for (const command of MENU_COMMANDS.filter((c) => c !== 'import-opened')) {
      expect(SHORTCUTS[command].label.length).toBeGreaterThan(0)
      // Reading Settings… is a menu item without a key; the notebook's key is a sequence (g n).
      if (command === 'notebook') expect(SHORTCUTS[command].sequence).toEqual(['G', 'N'])
      else if (command !== 'reading-settings') expect(acceleratorOf(command)).toMatch(/CmdOrCtrl/)
    }
  })
  it('never gives two shortcuts the same key on one platform', () => {
    for (const mac of [false, true]) {
      const ids = Object.keys(SHORTCUTS) as (keyof typeof SHORTCUTS)[]
      const keys = ids.flatMap((id) => keysOf(id, mac).map((k) => k.toLowerCase()))
      expect(new Set(keys).size).toBe(keys.length)
    }
  })
  it('uses Cmd+[ and Cmd+] for back and forward on macOS, Alt+arrows elsewhere', () => {
    expect(keysOf('back', true)).toEqual(['Cmd+['])
    expect(keysOf('back', false)).toEqual(['Alt+Left'])
    expect(keysOf('forward', true)).toEqual(['Cmd+]'])
  })
  it('writes keys the platform way', () => {
    expect(formatKey('Shift+CmdOrCtrl+P', false)).toBe('Ctrl+Shift+P')
    expect(formatKey('Shift+CmdOrCtrl+P', true)).toBe('⇧⌘P')
    expect(formatKey('Alt+Left', false)).toBe('Alt+←')
    expect(formatKey('CmdOrCtrl+=', false)).toBe('Ctrl+=')
    expect(formatKey('CmdOrCtrl++', false)).toBe('Ctrl++')
    expect(formatKey('?', true)).toBe('?')
    expect(formatKey('Shift+Down', false)).toBe('Shift+↓')
    expect(formatKey('Alt+Up', true)).toBe('⌥↑')
  })
})
