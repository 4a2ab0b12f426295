// The most frequent facet values of a query, per kind (briefing, entity, tag), picked in one pass
// over the values it counted, in typed arrays reused by every query (view-tables.ts).

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
