// Windowing math for long lists (search results): which rows to render for a scroll position,
// and where to scroll so a row is in view. Plain numbers, so it is tested without a DOM.

/** Top offsets of rows of the given heights, plus the total height as the last entry. */
export function layoutRows(heights: readonly number[]): number[] {
  const offsets = [0]
  let top = 0
  for (const height of heights) offsets.push((top += height))
  return offsets
}

/** Rows [start, end) to render: those overlapping the viewport, plus `overscan` on each side. */
export function visibleRange(
  offsets: readonly number[],
  scrollTop: number,
  viewportHeight: number,
  overscan: number
): { start: number; end: number } {
  const count = offsets.length - 1
  if (count <= 0) return { start: 0, end: 0 }
  // An elastic overscroll can report a negative position: the list's top is what shows.
  const top = Math.max(0, scrollTop)
  // First row whose bottom is below the viewport's top, and first row starting below its bottom.
  const first = firstAbove(offsets, top) - 1
  const last = firstAtOrAbove(offsets, top + Math.max(0, viewportHeight))
  const start = Math.max(0, Math.min(first, count - 1) - overscan)
  const end = Math.min(count, Math.max(last, first + 1) + overscan)
  return { start, end }
}

/**
 * The scroll position that brings row `index` fully into view with the least movement, or the
 * current one when it is already in view (like scrollIntoView's block 'nearest').
 */
export function revealScrollTop(
  offsets: readonly number[],
  index: number,
  scrollTop: number,
  viewportHeight: number
): number {
  if (index < 0 || index >= offsets.length - 1) return scrollTop
  const top = at(offsets, index)
  const bottom = at(offsets, index + 1)
  if (top < scrollTop) return top
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight)
  return scrollTop
}

/** Index of the first offset strictly greater than `value` (offsets are ascending). */
function firstAbove(offsets: readonly number[], value: number): number {
  let lo = 0
  let hi = offsets.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (at(offsets, mid) > value) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Index of the first offset greater than or equal to `value`. */
function firstAtOrAbove(offsets: readonly number[], value: number): number {
  let lo = 0
  let hi = offsets.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (at(offsets, mid) >= value) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** offsets[i] for an index known to be in range. */
export function at(offsets: readonly number[], i: number): number {
  return offsets[i] ?? 0
}
