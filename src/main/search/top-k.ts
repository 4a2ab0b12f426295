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
