// Matches keyboard events against the shortcut table's keys (src/shared/shortcuts.ts), so the
// keys the app answers to are the ones the menu, the palette and the `?` sheet show.

import { SHORTCUTS, keysOf } from '../../../shared/shortcuts'
import type { ShortcutId } from '../../../shared/shortcuts'

export function isMacPlatform(): boolean {
  return /Mac/i.test(navigator.userAgent)
}

const KEY_NAMES: Record<string, string> = {
  Left: 'ArrowLeft',
  Right: 'ArrowRight',
  Up: 'ArrowUp',
  Down: 'ArrowDown'
}

/** True when `event` is the key `accelerator` ("CmdOrCtrl+K", "Alt+Left", "?", "F1"). */
export function matchesKey(event: KeyboardEvent, accelerator: string, mac: boolean): boolean {
  const parts = accelerator.split(/\+(?!$)/)
  const key = parts[parts.length - 1] ?? ''
  const mods = new Set(parts.slice(0, -1))
  const cmd = mods.has('Cmd') || (mac && mods.has('CmdOrCtrl'))
  const ctrl = mods.has('Ctrl') || (!mac && mods.has('CmdOrCtrl'))
  if (event.metaKey !== cmd || event.ctrlKey !== ctrl || event.altKey !== mods.has('Alt')) {
    return false
  }
  // Punctuation such as "?" needs Shift on most layouts: only letters and named keys check it.
  const punctuation = key.length === 1 && !/[a-z0-9]/i.test(key)
  if (!punctuation && event.shiftKey !== mods.has('Shift')) return false
  return event.key.toLowerCase() === (KEY_NAMES[key] ?? key).toLowerCase()
}

/** Which of `ids` the event is, if any. */
export function shortcutFor(
  event: KeyboardEvent,
  ids: readonly ShortcutId[],
  mac: boolean
): ShortcutId | null {
  return ids.find((id) => keysOf(id, mac).some((k) => matchesKey(event, k, mac))) ?? null
}

export { SHORTCUTS }
