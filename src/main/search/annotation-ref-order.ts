// The order of annotation refs (the tie-break between hits of equal score) as integer ranks, so
// most ties are broken by comparing two numbers, not two refs: all documents are ranked again
// only once enough have come since (a sort, amortised), and one added since compares by its ref.

/** Unranked documents tolerated per ranked one before all are ranked again. */
const UNRANKED_SHARE = 1 / 4

export class RefOrder {
  /** By document number: its rank among the documents last ranked, or -1. */
  #rank = new Int32Array(0)
  /** By document number: its ref while it is in the index. */
  readonly #refs: (string | undefined)[] = []
  #ranked = 0
  #unranked = 0

  /** A document numbered `doc` now has this ref. */
  added(doc: number, ref: string): void {
    if (this.#refs[doc] !== undefined) this.removed(doc)
    if (doc >= this.#rank.length) {
      const grown = new Int32Array(Math.max(64, doc + 1, this.#rank.length * 2)).fill(-1)
      grown.set(this.#rank)
      this.#rank = grown
    }
    this.#refs[doc] = ref
    this.#rank[doc] = -1
    this.#unranked += 1
  }

  /** The document numbered `doc` left the index. */
  removed(doc: number): void {
    if (this.#refs[doc] === undefined) return
    if (this.#rank[doc]! >= 0) this.#ranked -= 1
    else this.#unranked -= 1
    this.#refs[doc] = undefined
    this.#rank[doc] = -1
  }

  /** Ranks every document again if too many came since they last were. */
  settle(): void {
    if (this.#unranked <= this.#ranked * UNRANKED_SHARE) return
    const refs = this.#refs
    const docs: number[] = []
    for (let doc = 0; doc < refs.length; doc++) if (refs[doc] !== undefined) docs.push(doc)
    docs.sort((a, b) => (refs[a]! < refs[b]! ? -1 : refs[a]! > refs[b]! ? 1 : 0))
    docs.forEach((doc, rank) => (this.#rank[doc] = rank))
    this.#ranked = docs.length
    this.#unranked = 0
  }

  /** Whether document a's ref sorts before document b's. */
  before(a: number, b: number): boolean {
    const ra = this.#rank[a]!
    const rb = this.#rank[b]!
    return ra >= 0 && rb >= 0 ? ra < rb : this.#refs[a]! < this.#refs[b]!
  }
}
