import { describe, expect, it } from 'vitest'

import { matchesKey, shortcutFor } from './key-match'

function key(init: KeyboardEventInit): KeyboardEvent {
  return {
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...init
  } as KeyboardEvent
}

describe('matching keys against the shortcut table', () => {
  it('reads CmdOrCtrl as Ctrl, or Cmd on macOS', () => {
    expect(matchesKey(key({ key: 'k', ctrlKey: true }), 'CmdOrCtrl+K', false)).toBe(true)
    expect(matchesKey(key({ key: 'k', metaKey: true }), 'CmdOrCtrl+K', false)).toBe(false)
    expect(matchesKey(key({ key: 'k', metaKey: true }), 'CmdOrCtrl+K', true)).toBe(true)
    expect(matchesKey(key({ key: 'K', ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+K', false)).toBe(
      false
    )
  })
  it('finds the palette, the sheet, back and forward', () => {
    const ids = ['palette', 'shortcut-sheet', 'back', 'forward'] as const
    expect(shortcutFor(key({ key: 'P', ctrlKey: true, shiftKey: true }), ids, false)).toBe(
      'palette'
    )
    expect(shortcutFor(key({ key: '?', shiftKey: true }), ids, false)).toBe('shortcut-sheet')
    expect(shortcutFor(key({ key: 'F1' }), ids, false)).toBe('shortcut-sheet')
    expect(shortcutFor(key({ key: 'ArrowLeft', altKey: true }), ids, false)).toBe('back')
    expect(shortcutFor(key({ key: 'ArrowLeft', altKey: true }), ids, true)).toBeNull()
    expect(shortcutFor(key({ key: ']', metaKey: true }), ids, true)).toBe('forward')
    expect(shortcutFor(key({ key: 'ArrowRight' }), ids, false)).toBeNull()
  })
})
