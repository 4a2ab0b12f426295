// The library's sort and filters as the analyst sets them, and the cards they leave: derived
// from the list main gave, so a reload keeps the choices.

import type { BriefingSummary } from '../../../shared/library'
import {
  choices,
  EMPTY_FILTER,
  hasAnnotationCounts,
  hasReadingData,
  type LibraryFilter,
  type LibrarySort,
  matchesFilter,
  sortBriefings
} from './library-filter'

export class LibraryFilterState {
  // "Recently added" first: with no import times it keeps main's order (bundled, then imported).
  sort = $state<LibrarySort>('added')
  filter = $state<LibraryFilter>({ ...EMPTY_FILTER })

  // Initialised where declared: the deriveds below read it while the instance is built.
  readonly #list: () => readonly BriefingSummary[] = () => this.source()

  constructor(private readonly source: () => readonly BriefingSummary[]) {}

  readonly shown = $derived(
    sortBriefings(
      this.#list().filter((b) => matchesFilter(b, this.filter)),
      this.sort
    )
  )
  readonly tags = $derived(choices(this.#list().flatMap((b) => b.tags)))
  readonly sources = $derived(choices(this.#list().map((b) => b.source)))
  readonly entities = $derived(choices(this.#list().flatMap((b) => b.entityIds ?? [])))
  /** Reading status and "last read" are offered only once summaries carry reading data. */
  readonly reading = $derived(hasReadingData(this.#list()))
  readonly counted = $derived(hasAnnotationCounts(this.#list()))
  readonly active = $derived(
    (Object.keys(EMPTY_FILTER) as (keyof LibraryFilter)[]).some(
      (k) => this.filter[k] !== EMPTY_FILTER[k]
    )
  )

  clear(): void {
    this.filter = { ...EMPTY_FILTER }
  }
}
