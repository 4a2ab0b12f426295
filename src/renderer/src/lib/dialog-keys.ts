// Keyboard handling shared by the app's modal dialogs: keys stay the dialog's (the reader's
// shortcuts behind it must not see them) and Tab cycles inside it instead of leaving for the
// browser's own chrome.

export function keepKeysInDialog(
  dialog: HTMLDialogElement | undefined,
  event: KeyboardEvent
): void {
  event.stopPropagation()
  if (event.key !== 'Tab' || !dialog) return
  const stops = [...dialog.querySelectorAll<HTMLElement>('button, input')].filter(
    (el) => !el.matches(':disabled') && el.offsetParent !== null
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
