// Numbers for the sections and facet values of one search view, made once per view (see
// tables-by-view.ts): a query with thousands of hits then drops duplicate sections and counts
// facets in flat arrays rather than looking strings up in maps for every hit.

import type { FacetCount, SearchFacets } from '../../shared/search'
import { FacetPicker } from './facet-top'
import type { FacetValues } from './facet-top'
import type { RefRanks } from './ref-ranks'
import { sectionRef } from './section-index'
import type { IndexedSection } from './section-index'
import type { SearchView } from './text-search'
import { addNumber, numberSync } from './section-numbering'
import type { Numbering } from './section-numbering'
import { TimeSlice } from '../time-slice'

const BRIEFING = 0
const ENTITY = 1
const TAG = 2

export class ViewTables {
  /** Sections are numbered 0 … sectionCount - 1. */
  sectionCount: number
  #view: SearchView
  readonly #serials: Map<IndexedSection, number>
  #marks: Uint8Array
  // The facet value ids of section n are pool[start[n]] … pool[end[n] - 1]; start is -1 until
  // the section is first a hit.
  #start: Int32Array
  #end: Int32Array
  // (An Int32Array: half the bytes of an array of small integers, so fewer cache misses when
  // counting thousands of hits.)
  #pool = new Int32Array(1024)
  #poolLength = 0
  // Facet values by id.
  readonly #ids = new Map<string, number>()
  readonly #kinds: number[] = []
  readonly #values: string[] = []
  readonly #labels: string[] = []
  /** Counts by facet value id, all zero between queries. */
  #counts = new Int32Array(0)
  /**
   * Each value's place in label order (equal labels share one), for the first `#ranked` values:
   * picking the most frequent values then compares numbers, not labels, on ties in count.
   */
  #rank = new Int32Array(0)
  #ranked = 0
  /**
   * What picking the values listed reads: counts and ranks are set again before each pick (those
   * typed arrays are replaced as they grow); kinds and labels grow in place.
   */
  readonly #pickFrom: FacetValues = {
    kinds: this.#kinds,
    labels: this.#labels,
    counts: this.#counts,
    rank: this.#rank,
    ranked: 0
  }

  /** The sections' refs in ref order, by number (the hits shown break ties in score by ref). */
  readonly refRanks: RefRanks

  /** `numbered`: the view's sections numbered ahead (numberInSlices); else numbered now. */
  constructor(view: SearchView, numbered?: Numbering) {
    this.#view = view
    const { serials, refRanks } = numbered ?? numberSync(view)
    this.#serials = serials
    this.refRanks = refRanks
    this.sectionCount = this.#serials.size
    this.#unnumbered = this.sectionCount
    this.#marks = new Uint8Array(this.sectionCount)
    this.#start = new Int32Array(this.sectionCount).fill(-1)
    this.#end = new Int32Array(this.sectionCount)
  }

  /**
   * Takes on `next`, a view made from this one by difference (an import): its new sections are
   * numbered after the others; the sections it replaced keep their numbers but are no hits any
   * more (no shard entry of `next` points at them).
   */
  extendTo(next: SearchView, added: readonly IndexedSection[]): void {
    this.#view = next
    for (const entry of added) {
      if (this.#serials.has(entry)) continue
      const ref = sectionRef(entry.briefing.id, entry.section.id)
      addNumber({ serials: this.#serials, refRanks: this.refRanks }, ref, entry)
    }
    const count = this.#serials.size
    if (count > this.#start.length) {
      const capacity = Math.max(count, Math.ceil(this.#start.length * 1.25))
      const start = new Int32Array(capacity).fill(-1)
      start.set(this.#start.subarray(0, this.sectionCount))
      const end = new Int32Array(capacity)
      end.set(this.#end.subarray(0, this.sectionCount))
      ;[this.#start, this.#end, this.#marks] = [start, end, new Uint8Array(capacity)]
    }
    this.#unnumbered += count - this.sectionCount
    this.sectionCount = count
  }

  /** One mark per section, all clear: reused by every query of this view (one at a time). */
  clearedMarks(): Uint8Array {
    // A query that ended without releaseMarks (it threw) may have left marks anywhere.
    if (!this.#marksClear) this.#marks.fill(0)
    this.#marksClear = false
    return this.#marks
  }

  /**
   * Clears the marks of the first `count` sections of `serials`, the only ones the query set:
   * the next query then need not clear one mark per section of the view (50k at 50k sections).
   */
  releaseMarks(serials: Int32Array, count: number): void {
    const marks = this.#marks
    for (let i = 0; i < count; i++) marks[serials[i]!] = 0
    this.#marksClear = true
  }

  #marksClear = true

  /** The section's number, or -1 for a section not in this view. */
  serialOf(entry: IndexedSection): number {
    return this.#serials.get(entry) ?? -1
  }

  /**
   * Works out every section's facet values now rather than on its first hit, giving queries a
   * turn once a slice's time is used; stops when `wanted` turns false.
   */
  async prepareFacets(wanted: () => boolean, slice = new TimeSlice()): Promise<void> {
    for (const [entry, serial] of this.#serials) {
      if (this.#start[serial]! < 0) this.#addFacetIds(entry, serial)
      if (slice.due()) {
        await slice.next()
        if (!wanted()) return
      }
    }
    this.#rankLabels()
    await this.refRanks.settle(wanted)
  }

  /** Ranks every value known now by label. */
  #rankLabels(): void {
    const ids = Array.from(this.#labels.keys())
    const labels = this.#labels
    ids.sort((a, b) => (labels[a]! < labels[b]! ? -1 : labels[a]! > labels[b]! ? 1 : 0))
    const rank = new Int32Array(ids.length)
    let place = 0
    ids.forEach((id, i) => {
      if (i > 0 && labels[id] !== labels[ids[i - 1]!]) place = i
      rank[id] = place
    })
    this.#rank = rank
    this.#ranked = ids.length
  }

  /**
   * Facet counts over the first `count` hits (sections by number; `entryOf(h)` is hit h's
   * section), at most FACET_LIMIT values per facet.
   */
  countFacets(
    serials: Int32Array,
    count: number,
    entryOf: (hit: number) => IndexedSection
  ): SearchFacets {
    // Sections seen for the first time in this view may add values to the table (none once
    // prepareFacets has been through them all).
    for (let h = 0; this.#unnumbered > 0 && h < count; h++) {
      if (this.#start[serials[h]!]! < 0) this.#addFacetIds(entryOf(h), serials[h]!)
    }
    if (this.#counts.length < this.#kinds.length) {
      this.#counts = new Int32Array(this.#kinds.length * 2)
      this.#touched = new Int32Array(this.#kinds.length * 2)
    }
    const counts = this.#counts
    const pool = this.#pool
    const starts = this.#start
    const ends = this.#end
    // Values in the order first counted (the order ties keep), in one flat list for all facets.
    const touched = this.#touched
    let touchedCount = 0
    for (let h = 0; h < count; h++) {
      const serial = serials[h]!
      const end = ends[serial]!
      for (let k = starts[serial]!; k < end; k++) {
        const id = pool[k]!
        if (counts[id] === 0) touched[touchedCount++] = id
        counts[id]! += 1
      }
    }
    const values = this.#pickFrom
    values.counts = counts
    values.rank = this.#rank
    values.ranked = this.#ranked
    const picked = this.#picker.pick(values, touched, touchedCount)
    const [briefing, entity, tag] = picked.map((ids) => {
      // A loop rather than map: a call per value listed showed in profiles of selective queries.
      const listed = new Array<FacetCount>(ids.length)
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!
        listed[i] = { value: this.#values[id]!, label: this.#labels[id]!, count: counts[id]! }
      }
      return listed
    })
    // Cleared for the next query: only the values this one touched were counted.
    for (let t = 0; t < touchedCount; t++) counts[touched[t]!] = 0
    return { briefing: briefing!, entity: entity!, tag: tag!, color: [] }
  }

  /** Values counted by the query under way, first-counted first (countFacets). */
  #touched = new Int32Array(0)
  readonly #picker = new FacetPicker(3)

  /** Sections whose facet values are not in the table yet. */
  #unnumbered = 0

  #addFacetIds(entry: IndexedSection, serial: number): void {
    this.#unnumbered -= 1
    this.#start[serial] = this.#poolLength
    this.#addToPool(this.#id(BRIEFING, entry.briefing.id, entry.briefing.title))
    for (const id of entry.entities) {
      const entity = this.#view.entities.get(id)
      if (entity) this.#addToPool(this.#id(ENTITY, id, entity.name))
    }
    for (const tag of entry.tags) this.#addToPool(this.#id(TAG, tag, tag))
    this.#end[serial] = this.#poolLength
  }

  #addToPool(id: number): void {
    if (this.#poolLength === this.#pool.length) {
      const pool = new Int32Array(this.#pool.length * 2)
      pool.set(this.#pool)
      this.#pool = pool
    }
    this.#pool[this.#poolLength++] = id
  }

  #id(kind: number, value: string, label: string): number {
    const key = `${kind}:${value}`
    let id = this.#ids.get(key)
    if (id === undefined) {
      id = this.#kinds.length
      this.#kinds.push(kind)
      this.#values.push(value)
      this.#labels.push(label)
      this.#ids.set(key, id)
    } else if (this.#labels[id] !== label) {
      // A briefing retitled since these tables were made (extendTo): label order is made again.
      this.#labels[id] = label
      this.#ranked = 0
    }
    return id
  }
}
