// The sections' refs by number and their places in ref order: ties in score among the hits shown
// are broken by ref, and comparing two places costs less than comparing two refs (JSON strings
// with long common starts). Ranked in runs between yields, so that ranking 50k sections never
// holds a query up for long; a section numbered since compares by its ref.

// Refs sorted between two yields.
const RUN = 4096
/** Sections numbered since the last ranking tolerated per ranked one before all are ranked again. */
const UNRANKED_SHARE = 1 / 4

export class RefRanks {
  /** By section number. */
  readonly #refs: string[] = []
  /** By section number, its place in ref order, for the first `#ranked` numbers. */
  #rank = new Int32Array(0)
  #ranked = 0

  /** The next section number has this ref. */
  add(ref: string): void {
    this.#refs.push(ref)
  }

  /**
   * Ranks every section again if enough were numbered since they last were, yielding between
   * runs; stops (keeping the ranks it had) when `wanted` turns false.
   */
  async settle(wanted: () => boolean): Promise<void> {
    const refs = this.#refs
    const count = refs.length
    if (count - this.#ranked <= this.#ranked * UNRANKED_SHARE) return
    const byRef = (a: number, b: number) => (refs[a]! < refs[b]! ? -1 : refs[a]! > refs[b]! ? 1 : 0)
    let runs: Int32Array[] = []
    for (let start = 0; start < count; start += RUN) {
      const run = new Int32Array(Math.min(RUN, count - start)).map((_, i) => start + i)
      runs.push(run.sort(byRef))
      if (!(await yielded(wanted))) return
    }
    while (runs.length > 1) {
      const merged: Int32Array[] = []
      for (let r = 0; r < runs.length; r += 2) {
        merged.push(r + 1 < runs.length ? merge(runs[r]!, runs[r + 1]!, refs) : runs[r]!)
        if (!(await yielded(wanted))) return
      }
      runs = merged
    }
    const rank = new Int32Array(count)
    runs[0]?.forEach((serial, place) => (rank[serial] = place))
    this.#rank = rank
    this.#ranked = count
  }

  /** Whether section a's ref sorts before section b's. */
  before(a: number, b: number): boolean {
    const ranked = this.#ranked
    return a < ranked && b < ranked
      ? this.#rank[a]! < this.#rank[b]!
      : this.#refs[a]! < this.#refs[b]!
  }
}

/** Two runs sorted by ref as one (stable: on equal refs, a's first). */
function merge(a: Int32Array, b: Int32Array, refs: readonly string[]): Int32Array {
  const merged = new Int32Array(a.length + b.length)
  let i = 0
  let j = 0
  for (let k = 0; k < merged.length; k++) {
    merged[k] =
      j >= b.length || (i < a.length && !(refs[b[j]!]! < refs[a[i]!]!)) ? a[i++]! : b[j++]!
  }
  return merged
}

async function yielded(wanted: () => boolean): Promise<boolean> {
  await new Promise((resolve) => setImmediate(resolve))
  return wanted()
}
