// Long lists built a batch per task (the notes panel of a briefing with thousands of highlights):
// where each batch ends, so no single task makes more than about a budget of items.

/**
 * How many groups are made after each batch: groups of `sizes` items are taken in order until a
 * batch holds at least `budget` items (a group is never split). The last entry is every group.
 */
export function batchEnds(sizes: readonly number[], budget: number): number[] {
  const ends: number[] = []
  let items = 0
  sizes.forEach((size, i) => {
    items += size
    if (items >= budget || i === sizes.length - 1) {
      ends.push(i + 1)
      items = 0
    }
  })
  return ends
}
