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
  it('tells the reading cursor keys apart by their modifiers', () => {
    const ids = [
      'cursor-next-sentence',
      'cursor-next-paragraph',
      'extend-sentence-forward',
      'extend-word-back',
      'highlight-color',
      'next-highlight'
    ] as const
    expect(shortcutFor(key({ key: 'ArrowDown' }), ids, false)).toBe('cursor-next-sentence')
    expect(shortcutFor(key({ key: 'ArrowDown', ctrlKey: true }), ids, false)).toBe(
      'cursor-next-paragraph'
    )
    expect(shortcutFor(key({ key: 'ArrowDown', altKey: true }), ids, true)).toBe(
      'cursor-next-paragraph'
    )
    expect(shortcutFor(key({ key: 'ArrowDown', shiftKey: true }), ids, false)).toBe(
      'extend-sentence-forward'
    )
    expect(shortcutFor(key({ key: 'ArrowLeft', shiftKey: true }), ids, false)).toBe(
      'extend-word-back'
    )
    expect(shortcutFor(key({ key: '3' }), ids, false)).toBe('highlight-color')
    expect(shortcutFor(key({ key: '3', ctrlKey: true }), ids, false)).toBeNull()
    expect(shortcutFor(key({ key: ']' }), ids, false)).toBe('next-highlight')
  })
})
