// The library's words as a trie in flat arrays, for finding the words within an edit distance of a
// typed word: nodes in depth-first order, so a prefix too far from the word skips its whole
// subtree by one jump, and words sharing a prefix share its row of the distance table.

export class WordTrie {
  readonly #words: readonly string[]
  /** Per node: its letter, its depth (the length of its prefix), the node after its subtree. */
  readonly #letter: Uint16Array
  readonly #depth: Int32Array
  readonly #end: Int32Array
  /** The word ending at the node, as its place in `#words`, or -1. */
  readonly #wordAt: Int32Array
  readonly #size: number

  /** A trie of `sorted`: distinct words, sorted by code unit. */
  constructor(sorted: readonly string[]) {
    this.#words = sorted
    const capacity = sorted.reduce((sum, word) => sum + word.length, 0)
    this.#letter = new Uint16Array(capacity)
    this.#depth = new Int32Array(capacity)
    this.#end = new Int32Array(capacity)
    this.#wordAt = new Int32Array(capacity).fill(-1)
    // The open node at each depth of the previous word's path.
    const path: number[] = []
    let size = 0
    let previous = ''
    sorted.forEach((word, w) => {
      let shared = 0
      const limit = Math.min(previous.length, word.length)
      while (shared < limit && word.charCodeAt(shared) === previous.charCodeAt(shared)) shared += 1
      for (let depth = previous.length; depth > shared; depth--) this.#end[path[depth]!] = size
      for (let depth = shared + 1; depth <= word.length; depth++) {
        this.#letter[size] = word.charCodeAt(depth - 1)
        this.#depth[size] = depth
        path[depth] = size
        size += 1
      }
      if (word.length > 0) this.#wordAt[path[word.length]!] = w
      previous = word
    })
    for (let depth = previous.length; depth > 0; depth--) this.#end[path[depth]!] = size
    this.#size = size
  }

  /**
   * The words within `distance` of `typed`, in sorted order (optimal string alignment distance:
   * inserting, deleting or substituting a letter, or swapping two neighbouring letters, each
   * count one, as lunr counts them).
   */
  within(typed: string, distance: number): string[] {
    const width = typed.length + 1
    const rows: Int32Array[] = [Int32Array.from({ length: width }, (_, j) => j)]
    const letters: number[] = [-1]
    const found: string[] = []
    if (distance >= typed.length && this.#words[0] === '') found.push('')
    for (let node = 0; node < this.#size;) {
      const k = this.#depth[node]!
      const letter = this.#letter[node]!
      letters[k] = letter
      const row = (rows[k] ??= new Int32Array(width))
      const above = rows[k - 1]!
      const twoAbove = k >= 2 ? rows[k - 2]! : undefined
      const previous = k >= 2 ? letters[k - 1]! : -1
      row[0] = k
      let least = k
      // Only the cells within `distance` of the diagonal can be `distance` or less: the others
      // hold distance + 1 ("more"), which is all the cells next to the band need to be.
      const more = distance + 1
      const low = Math.max(1, k - distance)
      const high = Math.min(width - 1, k + distance)
      if (low - 1 >= 1) row[low - 1] = more
      if (high + 1 < width) row[high + 1] = more
      for (let j = low; j <= high; j++) {
        const wanted = typed.charCodeAt(j - 1)
        let best = above[j - 1]! + (wanted === letter ? 0 : 1)
        const deleted = above[j]! + 1
        if (deleted < best) best = deleted
        const inserted = row[j - 1]! + 1
        if (inserted < best) best = inserted
        if (twoAbove && j >= 2 && letter === typed.charCodeAt(j - 2) && previous === wanted) {
          const swapped = twoAbove[j - 2]! + 1
          if (swapped < best) best = swapped
        }
        if (best > more) best = more
        row[j] = best
        if (best < least) least = best
      }
      if (least > distance) {
        node = this.#end[node]!
        continue
      }
      const word = this.#wordAt[node]!
      // The last cell is only written when it lies within the band.
      const reaches = high === width - 1
      if (word >= 0 && reaches && row[typed.length]! <= distance) found.push(this.#words[word]!)
      node += 1
    }
    return found
  }
}

/** The words of `sorted` (distinct, sorted) within `distance` of `typed`. */
export function withinDistance(
  sorted: readonly string[],
  typed: string,
  distance: number
): string[] {
  return new WordTrie(sorted).within(typed, distance)
}
