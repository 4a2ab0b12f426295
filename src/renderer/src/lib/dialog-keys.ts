// Keyboard handling shared by the app's modal dialogs: keys stay the dialog's (the reader's
// shortcuts behind it must not see them) and Tab cycles inside it instead of leaving for the
// browser's own chrome.

/** Everything Tab can reach (a roving list's other items have tabindex=-1 and are left out). */
const TAB_STOPS =
  'button, input, select, textarea, a[href], summary, [tabindex]:not([tabindex="-1"])'

export function keepKeysInDialog(
  dialog: HTMLDialogElement | undefined,
  event: KeyboardEvent
): void {
  event.stopPropagation()
  if (event.key !== 'Tab' || !dialog) return
  const stops = [...dialog.querySelectorAll<HTMLElement>(TAB_STOPS)].filter(
    (el) => !el.matches(':disabled') && el.tabIndex >= 0 && el.offsetParent !== null
  )
  const first = stops[0]
  const last = stops[stops.length - 1]
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last?.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first?.focus()
  }
}
