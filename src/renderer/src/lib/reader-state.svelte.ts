// The open briefing: current section, selected entity, "Show entities" and the search marks
// of the hit the analyst chose. Entity statistics and section marks are derived, never copied.

import type { EntityKind } from '../../../shared/dataset'
import type { BriefingDetail } from '../../../shared/library'
import { OFFSET_SCALE } from '../../../shared/reading'
import { api } from './api'
import { indexEntities } from './entity-index'
import type { EntityIndex } from './entity-index'
import { loadShowEntities, saveShowEntities } from './prefs'
import type { Range } from './segments'

/** Search matches to mark in one section; a new object per choice so the view re-scrolls. */
export interface SearchMarks {
  sectionId: string
  ranges: readonly Range[]
}

/** Pause after the last scroll or move before the position is saved. */
const SAVE_DELAY_MS = 500

export class ReaderState {
  detail = $state.raw<BriefingDetail | null>(null)
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle')
  error = $state('')
  sectionIndex = $state(0)
  selectedEntityId = $state<string | null>(null)
  showEntities = $state(loadShowEntities())
  marks = $state.raw<SearchMarks | null>(null)
  /** Where to scroll the section just restored from a saved position (0..1), then null. */
  restoreOffset = $state<number | null>(null)

  section = $derived(this.detail?.sections[this.sectionIndex] ?? null)
  sectionCount = $derived(this.detail?.sections.length ?? 0)
  entityIndex: EntityIndex | null = $derived(
    this.detail ? indexEntities(this.detail, this.detail.entities) : null
  )
  /** Match ranges for the current section (empty unless the chosen hit is in it). */
  sectionMarks: readonly Range[] = $derived(
    this.marks && this.marks.sectionId === this.section?.id ? this.marks.ranges : []
  )

  #seq = 0
  // Details are immutable once loaded: a plain (non-reactive) cache is what is wanted here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #cache = new Map<string, BriefingDetail>()

  /** The kind of entity `id` in the open briefing, for styling its mentions. */
  kindOf(id: string): EntityKind | undefined {
    return this.entityIndex?.byId.get(id)?.entity.kind
  }

  /** The display name of entity `id` in the open briefing. */
  nameOf(id: string): string {
    return this.entityIndex?.byId.get(id)?.entity.name ?? id
  }

  /** Opens a briefing (cached after the first load) at a section, optionally with marks. */
  async open(id: string, sectionId?: string, marks?: readonly Range[]): Promise<void> {
    const seq = ++this.#seq
    if (this.detail?.id !== id) {
      this.selectedEntityId = null
      const cached = this.#cache.get(id)
      if (cached) this.detail = cached
      else {
        this.status = 'loading'
        try {
          const detail = await api.getBriefing({ id })
          this.#cache.set(id, detail)
          if (seq !== this.#seq) return
          this.detail = detail
        } catch (error) {
          if (seq !== this.#seq) return
          this.detail = null
          this.status = 'error'
          this.error = error instanceof Error ? error.message : String(error)
          return
        }
      }
    }
    void this.flushPosition()
    let target = sectionId
    let offset: number | null = null
    if (target === undefined) {
      // Opened without a place to go: resume where the analyst stopped.
      const saved = await api.getReadingPosition({ briefingId: id }).catch(() => null)
      if (seq !== this.#seq) return
      if (saved) [target, offset] = [saved.sectionId, saved.offset / OFFSET_SCALE]
    }
    const found = this.detail?.sections.findIndex((s) => s.id === target) ?? -1
    this.restoreOffset = found >= 0 ? offset : null
    this.sectionIndex = Math.max(0, found)
    this.#scheduleSave(offset ?? 0)
    this.marks = sectionId && marks ? { sectionId, ranges: marks } : null
    this.status = 'ready'
  }

  /**
   * Forgets briefing `id`'s cached detail (its title, source or date changed); when it is the one
   * open, loads it again in place, at the same section.
   */
  async reload(id: string): Promise<void> {
    this.#cache.delete(id)
    if (this.detail?.id !== id) return
    const seq = ++this.#seq
    try {
      const detail = await api.getBriefing({ id })
      this.#cache.set(id, detail)
      if (seq !== this.#seq || this.detail?.id !== id) return
      this.detail = detail
    } catch {
      // The open briefing stays as it was; the library list shows the new details.
    }
  }

  /** Moves to section `index` (clamped); search marks belong to one section, so they clear. */
  goTo(index: number): void {
    const target = Math.min(Math.max(0, index), this.sectionCount - 1)
    if (target === this.sectionIndex || target < 0) return
    this.sectionIndex = target
    this.marks = null
    this.#scheduleSave(0)
  }

  /** The analyst scrolled the section to `fraction` (0..1): saved after a pause, not per event. */
  noteScroll(fraction: number): void {
    this.#scheduleSave(fraction)
  }

  #saveTimer: ReturnType<typeof setTimeout> | undefined
  #pendingSave: (() => Promise<void>) | undefined

  #scheduleSave(fraction: number): void {
    const briefingId = this.detail?.id
    const sectionId = this.section?.id
    if (!briefingId || !sectionId) return
    const offset = Math.round(Math.min(1, Math.max(0, fraction)) * OFFSET_SCALE)
    clearTimeout(this.#saveTimer)
    this.#pendingSave = () => {
      this.#pendingSave = undefined
      return api.saveReadingPosition({ briefingId, sectionId, offset }).then(
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
