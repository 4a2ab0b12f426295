// The notebook's listing kept between pages: the library's entries and facets, and the ordered
// listing of the last few requests, so the next page of a listing costs that page. Everything is
// dropped when the library or any briefing's annotations change (the service's change count).

import type { HighlightColor } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import type { NotebookPage, NotebookRequest } from '../../shared/notebook'
import type { ExportServices } from '../export/export-service'
import type { Library } from '../library/library'
import { facetsOf, orderNotebook, pageOf } from './notebook-query'
import type { NotebookEntry, NotebookOrder } from './notebook-query'
import type { BriefingRead } from './notebook-service'

/** Listings kept per library state: the filters one analyst moves between. */
const KEPT_ORDERS = 8

/** Each briefing's entries in library order, with what kept some or all from being read. */
type Slots = BriefingRead[]

/** One briefing's entries (notebook-service.ts's readBriefingEntries). */
type ReadBriefing = (
  services: ExportServices,
  briefing: Briefing,
  index: number
) => Promise<BriefingRead>

interface LibraryState {
  library: Library
  changes: number
  labels: string
  slots: Promise<Slots>
  /** Set once read: whether some briefing could not be read at all (the next page tries again). */
  unread?: boolean
  entries: Promise<NotebookEntry[]>
  facets?: NotebookPage['facets']
  orders: Map<string, NotebookOrder>
}

export class NotebookIndex {
  #state?: LibraryState

  constructor(private readonly readBriefing: ReadBriefing) {}

  async page(
    services: ExportServices,
    request: NotebookRequest,
    colorLabels: Record<HighlightColor, string>
  ): Promise<NotebookPage> {
    const state = this.#current(services, colorLabels)
    const entries = await state.entries
    const problems = (await state.slots).flatMap((slot) => slot.problem ?? [])
    const { library } = state
    state.facets ??= facetsOf(entries, library.briefings, library.entities, colorLabels)
    const key = JSON.stringify([request.filter, request.group, request.sort])
    let order = state.orders.get(key)
    if (order) state.orders.delete(key)
    else order = orderNotebook(entries, request, colorLabels)
    // Most recently used last; the oldest goes first.
    state.orders.set(key, order)
    if (state.orders.size > KEPT_ORDERS) state.orders.delete(state.orders.keys().next().value!)
    return {
      ...pageOf(order, request.offset, request.limit),
      facets: structuredClone(state.facets),
      problems
    }
  }

  /**
   * The state for the library and annotations as they are now. The change count is read before
   * the entries are, so a write during the read leaves a state that is stale at the next page,
   * never one that looks current. A briefing that could not be read is not left out until the
   * next change: the next page reads it again (only it), as a new state.
   */
  #current(services: ExportServices, colorLabels: Record<HighlightColor, string>): LibraryState {
    const changes = services.annotations.changes()
    const labels = JSON.stringify(colorLabels)
    const { library } = services
    const state = this.#state
    const same =
      state && state.library === library && state.changes === changes && state.labels === labels
    if (same && !state.unread) return state
    const slots = this.#read(services, library, same ? state.slots : undefined)
    const entries = slots.then((read) => read.flatMap((slot) => slot.entries))
    const fresh: LibraryState = { library, changes, labels, slots, entries, orders: new Map() }
    slots.then(
      (read) => (fresh.unread = read.some((slot) => slot.problem?.leftOut)),
      // A failed read is not kept: the next page tries again.
      () => {
        if (this.#state === fresh) this.#state = undefined
      }
    )
    this.#state = fresh
    return fresh
  }

  /** Every briefing's entries, one briefing at a time; those in `earlier` are not read again. */
  async #read(
    services: ExportServices,
    library: Library,
    earlier?: Promise<Slots>
  ): Promise<Slots> {
    const known = await earlier
    const slots: Slots = []
    for (const [index, briefing] of library.briefings.entries()) {
      const kept = known?.[index]
      const again = !kept || kept.problem?.leftOut
      slots.push(again ? await this.readBriefing(services, briefing, index) : kept)
    }
    return slots
  }
}
