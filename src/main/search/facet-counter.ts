// Facet counts: how many hits have each value (a briefing, entity, tag or colour), listed most
// frequent first.

import type { FacetCount } from '../../shared/search'
import { topK } from './top-k'

/** Most values listed per facet. */
export const FACET_LIMIT = 30

export class Counter {
  readonly #counts = new Map<string, FacetCount>()

  add(value: string, label: string, by = 1): void {
    const known = this.#counts.get(value)
    if (known) known.count += by
    else this.#counts.set(value, { value, label, count: by })
  }

  /** Every value counted, in the order first met (to send them to another process). */
  all(): FacetCount[] {
    return [...this.#counts.values()].map((value) => ({ ...value }))
  }

  /** Counts sent from another process (`all()` there). */
  static of(counts: readonly FacetCount[]): Counter {
    const counter = new Counter()
    for (const { value, label, count } of counts) counter.add(value, label, count)
    return counter
  }

  /** The `limit` most frequent values, ties by label. */
  top(limit = FACET_LIMIT): FacetCount[] {
    const counted = [...this.#counts.values()]
    return topValues(
      counted,
      (value) => value.count,
      (value) => value.label,
      limit
    ).map((value) => ({ ...value }))
  }
}

/**
 * The `limit` values with the highest counts, ties by label, then in the order given (as a
 * stable sort would list them), without sorting them all.
 */
export function topValues<T>(
  values: readonly T[],
  countOf: (value: T) => number,
  labelOf: (value: T) => string,
  limit = FACET_LIMIT
): T[] {
  const before = (a: T, b: T) =>
    countOf(a) > countOf(b) || (countOf(a) === countOf(b) && labelOf(a) < labelOf(b))
  return topK(values, limit, before)
}
