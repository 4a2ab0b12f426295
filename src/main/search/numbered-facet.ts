// A facet's annotation counts kept by the table's numbers (a briefing's, say) rather than as one
// object per value: a word most annotations have counts 2,000 briefings per query, of which main
// is shown 30. Answers as a Counter given the same values in the same order would.

import type { FacetCount } from '../../shared/search'
import { topValues } from './facet-counter'

/** What a facet's counts answer: a Counter, or a NumberedFacet. */
export interface FacetCounts {
  add(value: string, label: string, by?: number): void
  /** Every value counted, in the order first met. */
  all(): FacetCount[]
  /** The `limit` most frequent values, ties by label, then in the order first met. */
  top(limit?: number): FacetCount[]
}

/** How the counted values are numbered. */
export interface Numbering {
  /** Value by number. */
  readonly values: readonly string[]
  /** A value's number, or a negative number for a value never numbered. */
  find(value: string): number
}

export class NumberedFacet implements FacetCounts {
  readonly #numbering: Numbering
  /** How many values the numbering had: numbers past them are values added here. */
  readonly #known: number
  /** Count by number (numbers past the numbering's are values added here). */
  #counts: Int32Array
  /** The numbers counted, in the order first met. */
  readonly #order: number[]
  readonly #labelOf: (n: number) => string
  /** Labels of values added here that the counts did not have. */
  readonly #labels = new Map<number, string>()
  /** Values the numbering does not know, numbered here past its own. */
  readonly #extra = new Map<string, number>()
  readonly #extraValues: string[] = []

  /**
   * Takes over `counts` (by number) and `order`; `labelOf` names a counted number's value (the
   * values added later keep the label they were added with).
   */
  constructor(
    numbering: Numbering,
    counts: Int32Array,
    order: number[],
    labelOf: (n: number) => string
  ) {
    this.#numbering = numbering
    this.#known = numbering.values.length
    this.#counts = counts
    this.#order = order
    this.#labelOf = labelOf
  }

  add(value: string, label: string, by = 1): void {
    let n = this.#numbering.find(value)
    if (n < 0 || n >= this.#known) {
      n = this.#extra.get(value) ?? this.#known + this.#extra.size
      if (!this.#extra.has(value)) {
        this.#extra.set(value, n)
        this.#extraValues.push(value)
      }
    }
    if (n >= this.#counts.length) {
      const grown = new Int32Array(Math.max(n + 1, this.#counts.length * 2))
      grown.set(this.#counts)
      this.#counts = grown
    }
    if (this.#counts[n] === 0) {
      this.#order.push(n)
      this.#labels.set(n, label)
    }
    this.#counts[n]! += by
  }

  all(): FacetCount[] {
    return this.#order.map((n) => this.#countOf(n))
  }

  top(limit?: number): FacetCount[] {
    const counts = this.#counts
    return topValues(
      this.#order,
      (n) => counts[n]!,
      (n) => this.#label(n),
      limit
    ).map((n) => this.#countOf(n))
  }

  #label(n: number): string {
    return this.#labels.get(n) ?? this.#labelOf(n)
  }

  #countOf(n: number): FacetCount {
    const known = this.#known
    const value = n < known ? this.#numbering.values[n]! : this.#extraValues[n - known]!
    return { value, label: this.#label(n), count: this.#counts[n]! }
  }
}
