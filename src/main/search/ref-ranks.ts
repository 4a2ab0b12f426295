// Places in ref order of numbered documents (text sections, annotations), so that ties in score
// are mostly broken by comparing two numbers rather than two refs (JSON strings with long common
// starts). Ranked in slices between yields, so that ranking 100k refs never holds a query up for
// long; a document added or removed since the ranking's snapshot compares by its ref.

import { setImmediate as nextTurn } from 'node:timers/promises'

/** Refs sorted, or merged, between two yields. */
const RUN = 4096
/** Documents unranked tolerated per ranked one before all are ranked again. */
const UNRANKED_SHARE = 1 / 4

export class RefRanks {
  readonly #run: number
  /** By document number: its ref while it is in the index. */
  readonly #refs: (string | undefined)[] = []
  /** By document number: its place in ref order as of the last completed settle, or -1. */
  #rank = new Int32Array(0)
  /** By document number: how many settles had started when it was last added or removed. */
  #changed = new Int32Array(0)
  /** Settles started so far. */
  #settles = 0
  #present = 0
  #ranked = 0
  /** The running settle, its caller's `wanted` (the latest call's), and whether asked again. */
  #settling: Promise<void> = Promise.resolve()
  #running = false
  #wanted: () => boolean = () => false
  #asked = false

  /** `run`: refs sorted or merged between yields (tests make it small). */
  constructor(run = RUN) {
    this.#run = run
  }

  /** The document numbered `doc` now has this ref (in place of the ref it had, if any). */
  add(doc: number, ref: string): void {
    this.removed(doc)
    if (doc >= this.#rank.length) this.#grow(doc + 1)
    this.#refs[doc] = ref
    this.#changed[doc] = this.#settles
    this.#present += 1
  }

  /** The document numbered `doc` left the index. */
  removed(doc: number): void {
    if (this.#refs[doc] === undefined) return
    if (this.#rank[doc]! >= 0) this.#ranked -= 1
    this.#refs[doc] = undefined
    this.#rank[doc] = -1
    this.#changed[doc] = this.#settles
    this.#present -= 1
  }

  /**
   * Ranks every document again if enough came since they last were, yielding between slices, and
   * again after that if asked meanwhile; gives up (keeping the ranks it had) once `wanted` turns
   * false. One settle runs at a time: a call while one runs is answered when it ends, and its
   * `wanted` is the one asked from then on.
   */
  settle(wanted: () => boolean): Promise<void> {
    this.#wanted = wanted
    this.#asked = true
    if (!this.#running) {
      this.#running = true
      this.#settling = this.#settleWhileAsked()
    }
    return this.#settling
  }

  /** Documents ranked by the last completed settle and unchanged since: the others compare by ref. */
  get ranked(): number {
    return this.#ranked
  }

  /** Whether document a's ref sorts before document b's. */
  before(a: number, b: number): boolean {
    const ra = this.#rank[a]!
    const rb = this.#rank[b]!
    return ra >= 0 && rb >= 0 ? ra < rb : this.#refs[a]! < this.#refs[b]!
  }

  async #settleWhileAsked(): Promise<void> {
    try {
      while (this.#asked && this.#wanted()) {
        this.#asked = false
        if (this.#present - this.#ranked > this.#ranked * UNRANKED_SHARE) await this.#rankAll()
      }
    } finally {
      this.#running = false
    }
  }

  /**
   * Sorts the documents present now by the refs they have now; when done, ranks those of them
   * neither added nor removed since (any other compares by its ref until the next settle).
   */
  async #rankAll(): Promise<void> {
    const settle = ++this.#settles
    const refs = this.#refs.slice()
    const wanted = () => this.#wanted()
    const byRef = (a: number, b: number) => (refs[a]! < refs[b]! ? -1 : refs[a]! > refs[b]! ? 1 : 0)
    const docs: number[] = []
    for (let doc = 0; doc < refs.length; doc++) if (refs[doc] !== undefined) docs.push(doc)
    let runs: Int32Array[] = []
    for (let start = 0; start < docs.length; start += this.#run) {
      runs.push(Int32Array.from(docs.slice(start, start + this.#run)).sort(byRef))
      if (!(await yielded(wanted))) return
    }
    while (runs.length > 1) {
      const merged: Int32Array[] = []
      for (let r = 0; r < runs.length; r += 2) {
        const run = r + 1 < runs.length ? await this.#merge(runs[r]!, runs[r + 1]!, refs) : runs[r]
        if (!run) return
        merged.push(run)
      }
      runs = merged
    }
    const [rank, changed] = [this.#rank, this.#changed]
    const sorted = runs[0] ?? new Int32Array(0)
    let ranked = 0
    for (let place = 0; place < sorted.length; place++) {
      const doc = sorted[place]!
      if (changed[doc]! >= settle) continue
      rank[doc] = place
      ranked += 1
    }
    this.#ranked = ranked
  }

  /** Two runs sorted by ref as one (stable: on equal refs, a's first), or undefined if given up. */
  async #merge(
    a: Int32Array,
    b: Int32Array,
    refs: readonly (string | undefined)[]
  ): Promise<Int32Array | undefined> {
    const merged = new Int32Array(a.length + b.length)
    let i = 0
    let j = 0
    for (let k = 0; k < merged.length;) {
      for (const end = Math.min(merged.length, k + this.#run); k < end; k++) {
        merged[k] =
          j >= b.length || (i < a.length && !(refs[b[j]!]! < refs[a[i]!]!)) ? a[i++]! : b[j++]!
      }
      if (!(await yielded(() => this.#wanted()))) return undefined
    }
    return merged
  }

  #grow(length: number): void {
    const capacity = Math.max(64, length, this.#rank.length * 2)
    const rank = new Int32Array(capacity).fill(-1)
    rank.set(this.#rank)
    const changed = new Int32Array(capacity)
    changed.set(this.#changed)
    this.#rank = rank
    this.#changed = changed
  }
}

async function yielded(wanted: () => boolean): Promise<boolean> {
  await nextTurn()
  return wanted()
}
