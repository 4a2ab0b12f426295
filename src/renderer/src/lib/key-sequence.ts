// Key sequences from the shortcut table ("G" then "N" opens the notebook): plain letters pressed
// one after the other within a short time, outside text fields. Pure, so it is unit-tested.

import { SHORTCUTS } from '../../../shared/shortcuts'
import type { Shortcut, ShortcutId } from '../../../shared/shortcuts'

/** How long the next key of a sequence is waited for. */
export const SEQUENCE_MS = 1500

const SEQUENCES = (Object.keys(SHORTCUTS) as ShortcutId[]).flatMap((id) => {
  const shortcut: Shortcut = SHORTCUTS[id]
  return shortcut.sequence ? [{ id, keys: shortcut.sequence.map((k) => k.toLowerCase()) }] : []
})

export class KeySequence {
  #typed: string[] = []
  #at = 0

  /**
   * Feeds one unmodified key; answers the shortcut a sequence completes, 'pending' when the key
   * starts or continues one (the caller keeps it from doing anything else), or null.
   */
  feed(key: string, now: number): ShortcutId | 'pending' | null {
    const typed =
      now - this.#at <= SEQUENCE_MS ? [...this.#typed, key.toLowerCase()] : [key.toLowerCase()]
    this.#at = now
    const starts = (t: string[]) => SEQUENCES.filter((s) => t.every((k, i) => s.keys[i] === k))
    let candidates = starts(typed)
    if (candidates.length === 0 && typed.length > 1) {
      // A broken sequence: the key may begin a new one.
      typed.splice(0, typed.length - 1)
      candidates = starts(typed)
    }
    const done = candidates.find((s) => s.keys.length === typed.length)
    this.#typed = done || candidates.length === 0 ? [] : typed
    return done ? done.id : candidates.length > 0 ? 'pending' : null
  }

  reset(): void {
    this.#typed = []
  }
}
