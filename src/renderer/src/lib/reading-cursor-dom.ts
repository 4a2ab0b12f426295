// The DOM side of the reading cursor: canonical-text offsets back to boundary points in the
// rendered pieces (the inverse of text-offsets.ts), a span as a real DOM Range (so the document
// selection and the existing highlight path take it), and the cursor painted with the CSS Custom
// Highlight API, which draws over the text without touching the nodes Svelte renders.

import type { Span } from './reading-cursor'

/** Marks each section text container the cursor moves through (in DOM order). */
export const TEXT_ATTR = 'data-reading-text'
/** Marks a highlight's first piece: a tab stop whose value is the highlight's id. */
export const HIGHLIGHT_STOP_ATTR = 'data-highlight-stop'
const CURSOR_HIGHLIGHT = 'reading-cursor'

/** Every section text container in the document, in reading order. */
export function textContainers(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[${TEXT_ATTR}]`)]
}

/** Every highlight tab stop in the document, in reading order. */
export function highlightStops(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[${HIGHLIGHT_STOP_ATTR}]`)]
}

interface PieceEl {
  el: HTMLElement
  start: number
  end: number
}

function pieces(container: HTMLElement): PieceEl[] {
  return [...container.querySelectorAll<HTMLElement>('[data-start][data-end]')]
    .map((el) => ({ el, start: Number(el.dataset.start), end: Number(el.dataset.end) }))
    .filter((p) => Number.isInteger(p.start) && p.end > p.start)
}

/** The piece and text offset at canonical `offset`: a start prefers the piece it begins. */
function boundary(list: PieceEl[], offset: number, side: 'start' | 'end'): [Node, number] | null {
  const piece =
    side === 'start'
      ? (list.find((p) => p.end > offset) ?? null)
      : ([...list].reverse().find((p) => p.start < offset) ?? null)
  const text = piece?.el.firstChild
  if (!piece || !text) return null
  const at = Math.min(Math.max(offset, piece.start), piece.end) - piece.start
  return [text, at]
}

/** `span` of `container`'s canonical text as a DOM Range (null when it has no text there). */
export function rangeOf(container: HTMLElement, span: Span): Range | null {
  const list = pieces(container)
  const start = boundary(list, span.start, 'start')
  const end = boundary(list, span.end, 'end')
  if (!start || !end) return null
  const range = document.createRange()
  range.setStart(...start)
  range.setEnd(...end)
  return range.collapsed ? null : range
}

/** Makes `range` the document selection (or clears it). */
export function selectRange(range: Range | null): void {
  const selection = document.getSelection()
  if (!selection) return
  selection.removeAllRanges()
  if (range) selection.addRange(range)
}

/** Draws the cursor over `range` (styled by ::highlight(reading-cursor)); null removes it. */
export function paintCursor(range: Range | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return
  if (range) CSS.highlights.set(CURSOR_HIGHLIGHT, new Highlight(range))
  else CSS.highlights.delete(CURSOR_HIGHLIGHT)
}

/** The canonical offset of the first piece of `container` that shows in its scroller. */
export function firstVisibleOffset(container: HTMLElement): number {
  let scroller: HTMLElement | null = container.parentElement
  while (scroller && !/auto|scroll/.test(getComputedStyle(scroller).overflowY)) {
    scroller = scroller.parentElement
  }
  const top = scroller ? scroller.getBoundingClientRect().top : 0
  const visible = pieces(container).find((p) => p.el.getBoundingClientRect().bottom > top)
  return visible?.start ?? 0
}

/** Brings `range` into view, as little as needed. */
export function revealRange(range: Range): void {
  const el = range.startContainer.parentElement
  el?.scrollIntoView({ block: 'nearest' })
}

/** The canonical start of a highlight stop (its piece's data-start). */
export function stopOffset(stop: HTMLElement): number {
  return Number(stop.dataset.start ?? 0)
}
