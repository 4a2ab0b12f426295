// The notes panel's section groups made a batch of about NOTES_PER_TASK cards per task, so a
// briefing with thousands of highlights fills the panel in without one long task. A batch made
// stays made when the list changes (an edit does not empty the panel); another briefing starts
// again. Create it while a component initialises: its effects live as long as the component.

import { batchEnds } from './batches'
import type { NotesItem, SectionGroup } from './notes-list'

/** Cards made per task while a long notes list fills in. */
const NOTES_PER_TASK = 150

const idOf = (item: NotesItem): string => (item.kind === 'note' ? item.note.id : item.highlight.id)

export class NotesBatches {
  #batches = $state(1)
  readonly #groups: () => readonly SectionGroup[]
  readonly #flashId: () => string | undefined

  readonly #ends = $derived.by(() =>
    batchEnds(
      this.#groups().map((g) => g.items.length),
      NOTES_PER_TASK
    )
  )
  /** The group of a flashed item further down is made at once, so it can be scrolled to. */
  readonly #flashGroup = $derived.by(() => {
    const id = this.#flashId()
    if (!id) return -1
    return this.#groups().findIndex((g) => g.items.some((item) => idOf(item) === id))
  })
  readonly #made = $derived(
    Math.max(this.#ends[Math.min(this.#batches, this.#ends.length) - 1] ?? 0, this.#flashGroup + 1)
  )

  /** The groups made so far, in order. */
  readonly shown: readonly SectionGroup[] = $derived.by(() => {
    const groups = this.#groups()
    return this.#made >= groups.length ? groups : groups.slice(0, this.#made)
  })

  constructor(
    groups: () => readonly SectionGroup[],
    briefingId: () => string | null,
    flashId: () => string | undefined
  ) {
    this.#groups = groups
    this.#flashId = flashId
    $effect(() => {
      void briefingId()
      this.#batches = 1
    })
    $effect(() => {
      if (this.#batches >= this.#ends.length) return
      const timer = setTimeout(() => this.#batches++, 0)
      return () => clearTimeout(timer)
    })
  }
}
