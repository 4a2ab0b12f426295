// Where the focus goes once something opens: the briefing's title or the section's heading
// (made focusable with tabindex=-1), so the keyboard continues from what the eye sees and a
// screen reader reads out what was opened.

import type { FocusRequest } from './navigation-state.svelte'

/** The heading that `request` asks for, when it is on the page. */
export function openedHeading(request: FocusRequest): HTMLElement | null {
  if (request.to === 'briefing') {
    return document.querySelector<HTMLElement>('[data-testid="briefing-title"]')
  }
  const id = request.sectionId
  if (!id) return document.querySelector<HTMLElement>('[data-testid="section-heading"]')
  // The lead section has no heading of its own in the continuous text: its section takes focus.
  return (
    document.querySelector<HTMLElement>(`[data-section-heading="${CSS.escape(id)}"]`) ??
    document.querySelector<HTMLElement>(
      `[data-testid="reader-section"][data-section-id="${CSS.escape(id)}"]`
    )
  )
}

/** Focuses the heading `request` asks for; false when it is not on the page (yet). */
export function focusOpened(request: FocusRequest): boolean {
  const heading = openedHeading(request)
  if (!heading) return false
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
  heading.focus({ preventScroll: true })
  return true
}
