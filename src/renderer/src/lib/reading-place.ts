// Between a section's rendered text and offsets in its canonical text, for reading positions:
// the first character in view at a given height, and the height of a given character. Pieces
// carry their canonical [data-start, data-end) (SectionText), so no text is re-counted.

/** The canonical offset of the first character of `textEl` at or below viewport y `top`. */
export function firstVisibleOffset(textEl: HTMLElement, top: number): number | null {
  const paragraphs = textEl.children
  let lo = 0
  let hi = paragraphs.length
  // The first paragraph whose bottom is below `top` (paragraphs are in order).
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((paragraphs[mid]?.getBoundingClientRect().bottom ?? 0) > top) hi = mid
    else lo = mid + 1
  }
  const paragraph = paragraphs[lo]
  if (!paragraph) return null
  const box = paragraph.getBoundingClientRect()
  const first = paragraph.querySelector<HTMLElement>('[data-start]')
  const fallback = first ? Number(first.dataset.start) : null
  if (box.top >= top) return fallback
  const caret = document.caretRangeFromPoint?.(box.left + 1, top + 4)
  const node = caret?.startContainer
  const piece = node?.parentElement?.closest<HTMLElement>('[data-start]')
  if (!caret || !piece || !paragraph.contains(piece)) return fallback
  return Number(piece.dataset.start) + caret.startOffset
}

/** The viewport top of the line holding canonical offset `offset` in `textEl`, or null. */
export function topOfOffset(textEl: HTMLElement, offset: number): number | null {
  const pieces = textEl.querySelectorAll<HTMLElement>('[data-start]')
  let piece: HTMLElement | undefined
  for (const candidate of pieces) {
    if (Number(candidate.dataset.start) > offset) break
    piece = candidate
  }
  piece ??= pieces[0]
  if (!piece) return null
  const node = piece.firstChild
  if (!(node instanceof Text)) return piece.getBoundingClientRect().top
  const within = Math.min(Math.max(0, offset - Number(piece.dataset.start)), node.length)
  const range = document.createRange()
  range.setStart(node, within)
  range.setEnd(node, Math.min(node.length, within + 1))
  const rect = [...range.getClientRects()].find((r) => r.height > 0)
  return rect?.top ?? piece.getBoundingClientRect().top
}
