// Where the highlight editor goes in the reading pane (issue #15): under the highlight, never
// over it, with a height the pane can show whole. Plain numbers, so it is tested without a DOM.

/** Room kept between the card, the highlight and the pane's edges. */
export const FIT_MARGIN = 12
/** The card never gets smaller than this (its colours, a few lines of note and Delete). */
export const MIN_EDITOR_HEIGHT = 180

export interface FitInput {
  /** The visible pane, in viewport coordinates. */
  paneTop: number
  paneBottom: number
  /** The highlighted text, in viewport coordinates. */
  highlightTop: number
  highlightBottom: number
  /** The card's natural height. */
  editorHeight: number
}

/**
 * The card's height cap and how far to scroll the pane (positive: down) so the highlight and the
 * card under it both show. The cap is what the pane holds below the highlight when the highlight
 * sits at the pane's top; the scroll is the least that brings the card's bottom into view without
 * taking the highlight's top out of it.
 */
export function fitEditor(input: FitInput): { maxHeight: number; scrollBy: number } {
  const pane = input.paneBottom - input.paneTop
  const highlight = Math.max(0, input.highlightBottom - input.highlightTop)
  const room = pane - highlight - 10 - 2 * FIT_MARGIN
  const maxHeight = Math.max(MIN_EDITOR_HEIGHT, Math.floor(room))
  const height = Math.min(input.editorHeight, maxHeight)
  const editorBottom = input.highlightBottom + 10 + height
  const overflow = editorBottom - (input.paneBottom - FIT_MARGIN)
  const headroom = input.highlightTop - (input.paneTop + FIT_MARGIN)
  let scrollBy = 0
  if (overflow > 0) scrollBy = Math.max(0, Math.min(overflow, headroom))
  else if (headroom < 0) scrollBy = headroom
  return { maxHeight, scrollBy: Math.round(scrollBy) }
}

/** The nearest ancestor of `el` that scrolls vertically; null when only the window does. */
export function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight)
      return node
  }
  return null
}
