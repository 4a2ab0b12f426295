// The few best of many items (the hits shown, the facet values listed) without sorting them all:
// insertion into a short sorted list, which most items fail to enter at the first comparison.

/**
 * The `limit` first items in the order `before` defines, in that order; items that compare equal
 * keep the order they came in (as a stable sort would list them).
 */
export function topK<T>(items: Iterable<T>, limit: number, before: (a: T, b: T) => boolean): T[] {
  const best: T[] = []
  if (limit <= 0) return best
  for (const item of items) {
    if (best.length === limit && !before(item, best[limit - 1]!)) continue
    let at = best.length
    while (at > 0 && before(item, best[at - 1]!)) at -= 1
    best.splice(at, 0, item)
    if (best.length > limit) best.pop()
  }
  return best
}

/**
 * topK over the positions 0 … count - 1, for an order that puts a higher `score` first: a
 * position scoring below the last kept one is turned away without calling `before`, which
 * most are.
 */
export function topPositions(
  count: number,
  limit: number,
  score: (position: number) => number,
  before: (a: number, b: number) => boolean
): number[] {
  const best: number[] = []
  if (limit <= 0) return best
  for (let item = 0; item < count; item++) {
    if (best.length === limit) {
      const last = best[limit - 1]!
      if (score(item) < score(last) || !before(item, last)) continue
    }
    // Insertion, shifting the kept ones that come after it up by one.
    let at = best.length
    best.push(item)
    while (at > 0 && before(item, best[at - 1]!)) {
      best[at] = best[at - 1]!
      at -= 1
    }
    best[at] = item
    if (best.length > limit) best.pop()
  }
  return best
}
