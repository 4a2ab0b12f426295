// Keyboard helpers for global shortcuts ("/", "j", "k"): they must not fire while the user types.

const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color'
])

/** True when `target` takes typed text (so single-letter shortcuts must leave it alone). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type)
}

/** True for a plain key press of `key` (no Ctrl/Alt/Meta) outside any text entry. */
export function isShortcut(event: KeyboardEvent, key: string): boolean {
  return (
    event.key === key &&
    !event.ctrlKey &&
    !event.altKey &&
    !event.metaKey &&
    !event.defaultPrevented &&
    !isTextEntry(event.target)
  )
}
