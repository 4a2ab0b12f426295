// Ranking annotation hits without sorting them all: the best `take` in a bounded heap, and facet
// values counted in arrays, each remembering its best hit, so the values can be listed in the
// order a walk over every hit, best first, would have met them.

/** Whether document a ranks before document b (a higher score, ties by ref). */
export type Before = (a: number, b: number) => boolean

/** The `take` best of the documents `docs[0]` … `docs[count - 1]`, best first. */
export function bestDocs(
  docs: Int32Array,
  count: number,
  take: number,
  scores: Float64Array,
  before: Before
): number[] {
  const top = new TopDocs(take, before)
  // A document scoring less than the worst kept cannot enter: most hits of a word most
  // annotations have are passed over here, without a call.
  let floor = -Infinity
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!
    if (scores[doc]! < floor) continue
    top.push(doc)
    if (top.full) floor = scores[top.worst]!
  }
  return top.best()
}

/** The `limit` best documents pushed, best first (a heap whose root is the worst kept). */
export class TopDocs {
  readonly #heap: number[] = []
  readonly #limit: number
  readonly #before: Before

  constructor(limit: number, before: Before) {
    this.#limit = limit
    this.#before = before
  }

  push(doc: number): void {
    const heap = this.#heap
    if (heap.length < this.#limit) {
      heap.push(doc)
      this.#up(heap.length - 1)
    } else if (this.#limit > 0 && this.#before(doc, heap[0]!)) {
      heap[0] = doc
      this.#down(0)
    }
  }

  /** Whether as many are kept as may be: the next must rank before the worst to enter. */
  get full(): boolean {
    return this.#heap.length >= this.#limit && this.#limit > 0
  }

  /** The worst document kept (only when full). */
  get worst(): number {
    return this.#heap[0]!
  }

  /** The kept documents, best first. */
  best(): number[] {
    return [...this.#heap].sort((a, b) => (this.#before(a, b) ? -1 : this.#before(b, a) ? 1 : 0))
  }

  // The heap keeps a parent ranking after its children: the root is the first to give way.
  #up(at: number): void {
    const heap = this.#heap
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (!this.#before(heap[parent]!, heap[at]!)) return
      ;[heap[parent], heap[at]] = [heap[at]!, heap[parent]!]
      at = parent
    }
  }

  #down(at: number): void {
    const heap = this.#heap
    for (;;) {
      let worst = at
      for (const child of [2 * at + 1, 2 * at + 2]) {
        if (child < heap.length && this.#before(heap[worst]!, heap[child]!)) worst = child
      }
      if (worst === at) return
      ;[heap[worst], heap[at]] = [heap[at]!, heap[worst]!]
      at = worst
    }
  }
}

/** Hits per value of one facet (values are small integers), in the order first counted. */
export class Counts {
  /** Hits by value. */
  readonly byValue: Int32Array
  readonly values: number[] = []

  constructor(size: number) {
    this.byValue = new Int32Array(size)
  }

  /** Counts `by` hits of the value; answers whether it is the first. */
  add(value: number, by = 1): boolean {
    const first = this.byValue[value] === 0
    if (first) this.values.push(value)
    this.byValue[value]! += by
    return first
  }

  count(value: number): number {
    return this.byValue[value]!
  }
}

/** Counts that also remember each value's best hit. */
export class Tally extends Counts {
  readonly #best: Int32Array
  readonly #before: Before

  constructor(size: number, before: Before) {
    super(size)
    this.#best = new Int32Array(size)
    this.#before = before
  }

  /** Counts `by` hits of the value, the best of them `doc`. */
  addBest(value: number, doc: number, by = 1): void {
    if (this.add(value, by)) this.#best[value] = doc
    else if (this.#before(doc, this.#best[value]!)) this.#best[value] = doc
  }

  best(value: number): number {
    return this.#best[value]!
  }

  /** The values counted, in the order of their best hits (no two share one: see callers). */
  byBest(values: number[] = this.values): number[] {
    const best = this.#best
    return values.sort((a, b) => (this.#before(best[a]!, best[b]!) ? -1 : 1))
  }
}
