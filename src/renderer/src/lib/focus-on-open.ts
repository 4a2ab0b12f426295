// Where the focus goes once something opens: the briefing's title or the section's heading
// (made focusable with tabindex=-1), so the keyboard continues from what the eye sees and a
// screen reader reads out what was opened.

import type { FocusRequest } from './navigation-state.svelte'
import type { Span } from './section-window'

/**
 * Whether the focus can go where `request` asks now: to the title as soon as the briefing shows,
 * to a section once it is the reader's current one and the reader pane has rendered it (a jump
 * renders the sections it lands among a few per frame; the caller asks again as `rendered` grows).
 */
export function focusDue(
  request: FocusRequest,
  current: { id: string; index: number },
  rendered: Span
): boolean {
  if (request.sectionId && request.sectionId !== current.id) return false
  return (
    request.to === 'briefing' || (current.index >= rendered.start && current.index < rendered.end)
  )
}

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
