// The most frequent facet values of a query, per kind (briefing, entity, tag), picked in one pass
// over the values it counted, in typed arrays reused by every query (view-tables.ts).

import { FACET_LIMIT, topValues } from './facet-counter'

// Counts below this are told apart when finding the least count a listed value has.
const COUNT_BUCKETS = 32
// The least count is looked for when more than this many times the limit of values were counted.
const SKIP_BELOW = 4

/** A facet table's values as picking reads them, by value id. */
export interface FacetValues {
  /** Each value's kind: 0 … kinds - 1. */
  kinds: readonly number[]
  /** This query's count of each value. */
  counts: Int32Array
  labels: readonly string[]
  /** Each value's place in label order (equal labels share one), for the first `ranked` ids. */
  rank: Int32Array
  ranked: number
}

/** Picks, per kind, the values a facet lists: the most frequent, ties by label. */
export class FacetPicker {
  readonly #kinds: number
  readonly #limit: number
  readonly #kept: TopPerKind
  readonly #histogram: Int32Array
  readonly #least: Int32Array

  constructor(kinds: number, limit = FACET_LIMIT) {
    this.#kinds = kinds
    this.#limit = limit
    this.#kept = new TopPerKind(kinds, limit)
    this.#histogram = new Int32Array(kinds * COUNT_BUCKETS)
    this.#least = new Int32Array(kinds)
  }

  /**
   * For each kind, the `limit` values among the first `count` of `touched` with the highest
   * counts, ties by label, then in the order given: in one pass over the values counted rather
   * than one per kind.
   */
  pick(values: FacetValues, touched: Int32Array, count: number): number[][] {
    const { kinds, counts, rank, ranked } = values
    const kept = this.#kept
    kept.clear()
    // Count first, then label order, in one number: most values are then turned away by one
    // comparison of numbers (counts tie often, labels almost never).
    const ranks = ranked + 1
    // Kinds with a value new since the labels were ranked (an import): labels are compared.
    let byLabel = 0
    const least = this.#leastListed(values, touched, count)
    for (let t = 0; t < count; t++) {
      const id = touched[t]!
      const kind = kinds[id]!
      const counted = counts[id]!
      if (counted < least[kind]!) continue
      if (id >= ranked) byLabel |= 1 << kind
      else kept.offer(kind, id, counted * ranks + (ranks - 1 - rank[id]!))
    }
    const picked = new Array<number[]>(this.#kinds)
    for (let kind = 0; kind < picked.length; kind++) {
      picked[kind] =
        byLabel & (1 << kind) ? this.#byLabel(values, touched, count, kind) : kept.kept(kind)
    }
    return picked
  }

  /**
   * For each kind, a count no value listed has less of: the `limit`-th highest count (or
   * COUNT_BUCKETS - 1, if lower), 1 when fewer values (or few in all) were counted. Values below it are not
   * offered: offered in the order first counted, the many counted once (most briefings of a
   * query) would otherwise enter the list by label and be pushed down it again.
   */
  #leastListed({ kinds, counts }: FacetValues, touched: Int32Array, count: number): Int32Array {
    const least = this.#least
    least.fill(1)
    // Few values: few are pushed down the list, fewer than this pass would cost.
    if (count <= SKIP_BELOW * this.#limit) return least
    const histogram = this.#histogram
    histogram.fill(0)
    for (let t = 0; t < count; t++) {
      const id = touched[t]!
      histogram[kinds[id]! * COUNT_BUCKETS + Math.min(counts[id]!, COUNT_BUCKETS - 1)]! += 1
    }
    for (let kind = 0; kind < this.#kinds; kind++) {
      let atLeast = 0
      for (let c = COUNT_BUCKETS - 1; c > 1; c--) {
        atLeast += histogram[kind * COUNT_BUCKETS + c]!
        if (atLeast >= this.#limit) {
          least[kind] = c
          break
        }
      }
    }
    return least
  }

  #byLabel(values: FacetValues, touched: Int32Array, count: number, kind: number): number[] {
    const { kinds, counts, labels } = values
    const ids = Array.from(touched.subarray(0, count)).filter((id) => kinds[id] === kind)
    return topValues(
      ids,
      (id) => counts[id]!,
      (id) => labels[id]!,
      this.#limit
    )
  }
}

/**
 * Keeps, for each kind, the `limit` values offered with the highest keys, highest first; of
 * values with equal keys, the one offered first comes first (as a stable sort would list them).
 */
export class TopPerKind {
  readonly #limit: number
  readonly #ids: Int32Array
  readonly #keys: Float64Array
  readonly #lengths: Int32Array

  constructor(kinds: number, limit: number) {
    this.#limit = limit
    this.#ids = new Int32Array(kinds * limit)
    this.#keys = new Float64Array(kinds * limit)
    this.#lengths = new Int32Array(kinds)
  }

  clear(): void {
    this.#lengths.fill(0)
  }

  offer(kind: number, id: number, key: number): void {
    const limit = this.#limit
    const base = kind * limit
    const keys = this.#keys
    const ids = this.#ids
    const length = this.#lengths[kind]!
    let at: number
    if (length === limit) {
      // Most values are turned away here, by one comparison.
      if (key <= keys[base + limit - 1]!) return
      at = limit - 1
    } else {
      at = length
      this.#lengths[kind] = length + 1
    }
    while (at > 0 && key > keys[base + at - 1]!) {
      keys[base + at] = keys[base + at - 1]!
      ids[base + at] = ids[base + at - 1]!
      at -= 1
    }
    keys[base + at] = key
    ids[base + at] = id
  }

  /** The values kept for `kind`, highest key first. */
  kept(kind: number): number[] {
    const base = kind * this.#limit
    const kept = new Array<number>(this.#lengths[kind]!)
    for (let i = 0; i < kept.length; i++) kept[i] = this.#ids[base + i]!
    return kept
  }
}
