// The open briefing: current section (the one being read in the continuous text), where to jump
// next, selected entity, "Show entities" and the search marks of the hit the analyst chose.
// Entity statistics are derived, never copied. The reading position is saved as they read.

import type { EntityKind } from '../../../shared/dataset'
import type { BriefingDetail } from '../../../shared/library'
import { positionAt, textOffsetOf } from '../../../shared/reading'
import type { ReadingPosition } from '../../../shared/reading'
import { api } from './api'
import { indexEntities } from './entity-index'
import { loadBriefing } from './load-parts'
import type { EntityIndex } from './entity-index'
import { loadShowEntities, saveShowEntities } from './prefs'
import type { Range } from './segments'

/** Search matches to mark in one section; a new object per choice so the view re-scrolls. */
export interface SearchMarks {
  sectionId: string
  ranges: readonly Range[]
}

/** A move the reading pane is to make: to a section, at a character of it or at its top. */
export interface ReaderJump {
  index: number
  /** Canonical offset in the section's text, or null for its top. */
  textOffset: number | null
  /** Put the character at the top of the pane ('start') or in its middle ('center'). */
  block: 'start' | 'center'
}

/** A place read, for the history: where a move came from (unless back/forward made it) and went. */
export interface Arrival {
  from: { briefingId: string; sectionId: string } | null
  to: { briefingId: string; sectionId: string }
}

export interface GoToOptions {
  textOffset?: number
  block?: 'start' | 'center'
  /** Back or forward made the move: the history is already where it should be. */
  travelled?: boolean
}

/**
 * `?render-all`, `npm run bench`'s baseline (ContinuousReader.svelte): every section rendered at
 * once, so not painted from the first part either.
 */
const PAINT_FROM_FIRST_PART = !new URLSearchParams(globalThis.location?.search ?? '').has(
  'render-all'
)

/** Pause after the last scroll or move before the position is saved. */
const SAVE_DELAY_MS = 500

export class ReaderState {
  detail = $state.raw<BriefingDetail | null>(null)
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle')
  /** False while a big briefing shows its first part and the rest is still coming. */
  complete = $state(true)
  error = $state('')
  sectionIndex = $state(0)
  selectedEntityId = $state<string | null>(null)
  showEntities = $state(loadShowEntities())
  marks = $state.raw<SearchMarks | null>(null)
  /** The latest move asked of the reading pane (a new object per move, so the same one repeats). */
  jump = $state.raw<ReaderJump | null>(null)
  /** The latest move, for the history (scrolling through the text is not one). */
  arrival = $state.raw<Arrival | null>(null)

  section = $derived(this.detail?.sections[this.sectionIndex] ?? null)
  sectionCount = $derived(this.detail?.sections.length ?? 0)
  entityIndex: EntityIndex | null = $derived(
    this.detail ? indexEntities(this.detail, this.detail.entities) : null
  )

  #seq = 0
  /** The briefing being loaded in parts, whole once they are all in. */
  #whole: { id: string; detail: Promise<BriefingDetail> } | null = null
  // Details are immutable once loaded: a plain (non-reactive) cache is what is wanted here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #cache = new Map<string, BriefingDetail>()
  /** Counts reloads: an open that began before one must not cache the details it overtook. */
  #reloads = 0

  /** The kind of entity `id` in the open briefing, for styling its mentions. */
  kindOf(id: string): EntityKind | undefined {
    return this.entityIndex?.byId.get(id)?.entity.kind
  }

  /** The display name of entity `id` in the open briefing. */
  nameOf(id: string): string {
    return this.entityIndex?.byId.get(id)?.entity.name ?? id
  }

  /**
   * Opens a briefing (cached after the first load) at a section, optionally with marks. A big
   * briefing paints from its first part while the rest comes, when the place to open is in it;
   * `complete` is false until the rest is in.
   */
  async open(
    id: string,
    sectionId?: string,
    marks?: readonly Range[],
    travelled = false
  ): Promise<void> {
    const from = travelled ? null : this.#here()
    const seq = ++this.#seq
    // The briefing being left: its position is saved before any is read back.
    void this.flushPosition()
    // Opened without a place to go: resume where the analyst stopped (asked while it loads).
    const saved: Promise<ReadingPosition | null> =
      sectionId === undefined
        ? api.getReadingPosition({ briefingId: id }).catch(() => null)
        : Promise.resolve(null)
    const landing = { sectionId, marks, from, landed: false }
    if (this.detail?.id === id && !this.complete && this.#whole?.id === id) {
      // Its first part shows and the rest is coming: the place asked for may be in the rest.
      await this.#whole.detail.catch(() => undefined)
      if (seq !== this.#seq) return
    }
    if (this.detail?.id !== id) {
      this.selectedEntityId = null
      const cached = this.#cache.get(id)
      if (cached) {
        this.detail = cached
        this.complete = true
      } else {
        this.status = 'loading'
        try {
          const whole = loadBriefing(id, (start) => {
            if (!PAINT_FROM_FIRST_PART) return
            void saved.then((position) => {
              if (seq !== this.#seq || landing.landed) return
              const target = position?.sectionId ?? sectionId
              if (target !== undefined && !start.sections.some((s) => s.id === target)) return
              this.complete = false
              this.detail = start
              this.#land(landing, position)
            })
          })
          this.#whole = { id, detail: whole }
          const reloads = this.#reloads
          const detail = await whole
          if (reloads === this.#reloads) this.#cache.set(id, detail)
          // Its first part shows (a later open of the same briefing waits for this): the whole.
          const growing = this.detail?.id === id && !this.complete
          if (seq !== this.#seq && !growing) return
          this.detail = detail
          this.complete = true
          if (seq !== this.#seq) return
        } catch (error) {
          if (seq !== this.#seq && !(this.detail?.id === id && !this.complete)) return
          this.detail = null
          this.complete = true
          this.status = 'error'
          this.error = error instanceof Error ? error.message : String(error)
          return
        }
      }
    }
    const position = await saved
    if (seq !== this.#seq || landing.landed) return
    this.#land(landing, position)
  }

  /** Moves to where an opened briefing opens: the section asked for, else the saved position. */
  #land(
    landing: {
      sectionId?: string
      marks?: readonly Range[]
      from: Arrival['from']
      landed: boolean
    },
    saved: ReadingPosition | null
  ): void {
    const { sectionId, marks, from } = landing
    landing.landed = true
    const target = sectionId ?? saved?.sectionId
    const found = this.detail?.sections.findIndex((s) => s.id === target) ?? -1
    const index = Math.max(0, found)
    const text = this.detail?.sections[index]?.text ?? ''
    const firstMark = sectionId && marks ? marks[0] : undefined
    const textOffset = found >= 0 && saved ? textOffsetOf(saved, text) : (firstMark?.[0] ?? null)
    this.marks = sectionId && marks ? { sectionId, ranges: marks } : null
    this.#move(index, textOffset, firstMark ? 'center' : 'start', from)
    this.status = 'ready'
  }

  /**
   * Forgets briefing `id`'s cached detail (its title, source or date changed); when it is the one
   * open, loads it again in place, at the same section.
   */
  async reload(id: string): Promise<void> {
    this.#reloads += 1
    this.#cache.delete(id)
    if (this.detail?.id !== id) return
    const seq = ++this.#seq
    try {
      const detail = await loadBriefing(id)
      this.#cache.set(id, detail)
      if (seq !== this.#seq || this.detail?.id !== id) return
      this.detail = detail
      this.complete = true
    } catch {
      // The open briefing stays as it was; the library list shows the new details.
    }
  }

  /**
   * Moves to section `index` (clamped), at its top or at a character of it; search marks belong
   * to the hit that was opened, so they clear.
   */
  goTo(index: number, options: GoToOptions = {}): void {
    const target = Math.min(Math.max(0, index), this.sectionCount - 1)
    if (target < 0) return
    this.marks = null
    const from = options.travelled ? null : this.#here()
    this.#move(target, options.textOffset ?? null, options.block ?? 'start', from)
  }

  /** The analyst scrolled: section `index` is the one being read, from character `textOffset`. */
  noteScroll(index: number, textOffset: number): void {
    if (index >= 0 && index < this.sectionCount) this.sectionIndex = index
    this.#scheduleSave(textOffset)
  }

  #here(): Arrival['to'] | null {
    const briefingId = this.detail?.id
    const sectionId = this.section?.id
    return briefingId && sectionId && this.status === 'ready' ? { briefingId, sectionId } : null
  }

  #move(
    index: number,
    textOffset: number | null,
    block: ReaderJump['block'],
    from: Arrival['from']
  ): void {
    this.sectionIndex = index
    this.jump = { index, textOffset, block }
    const briefingId = this.detail?.id
    const sectionId = this.section?.id
    if (briefingId && sectionId) this.arrival = { from, to: { briefingId, sectionId } }
    this.#scheduleSave(textOffset ?? 0)
  }

  #saveTimer: ReturnType<typeof setTimeout> | undefined
  #pendingSave: (() => Promise<void>) | undefined

  #scheduleSave(textOffset: number): void {
    const briefingId = this.detail?.id
    const section = this.section
    if (!briefingId || !section) return
    const position = positionAt(briefingId, section.id, section.text, textOffset)
    clearTimeout(this.#saveTimer)
    this.#pendingSave = () => {
      this.#pendingSave = undefined
      return api.saveReadingPosition(position).then(
        () => undefined,
        () => undefined
      )
    }
    this.#saveTimer = setTimeout(() => void this.#pendingSave?.(), SAVE_DELAY_MS)
  }

  /** Saves a position still waiting for its pause now (another briefing opens, the window closes). */
  async flushPosition(): Promise<void> {
    clearTimeout(this.#saveTimer)
    await this.#pendingSave?.()
  }

  next(): void {
    this.goTo(this.sectionIndex + 1)
  }

  previous(): void {
    this.goTo(this.sectionIndex - 1)
  }

  /** Selects an entity, or clears the selection when it is already selected. */
  toggleEntity(id: string): void {
    this.selectedEntityId = this.selectedEntityId === id ? null : id
  }

  setShowEntities(show: boolean): void {
    this.showEntities = show
    saveShowEntities(show)
  }

  clearMarks(): void {
    this.marks = null
  }
}
