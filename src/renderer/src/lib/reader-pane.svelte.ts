// The continuous reader's layout (ContinuousReader.svelte): section heights (measured, else
// estimated), the window of sections rendered (grown a few per frame) and the place the pane is
// held on. Layout is only read where it is already laid out (a scroll event, the start of a
// frame before anything is written, a ResizeObserver callback), never after a DOM write.

import type { BriefingDetail } from '../../../shared/library'
import type { ReaderJump } from './reader-state.svelte'
import { topOfOffset } from './reading-place'
import {
  SECTIONS_PER_FRAME,
  anchorAt,
  estimateHeight,
  growWindow,
  sectionMetrics,
  sectionsToRender,
  type Span
} from './section-window'
import { at, layoutRows, visibleRange } from './virtual-window'

/** Whether `next` is `prev` with more sections (the same objects first), as parts arrive. */
function grows(prev: BriefingDetail | null, next: BriefingDetail | null): boolean {
  if (!prev || !next || prev.id !== next.id) return false
  const last = prev.sections.length - 1
  return last < 0 || next.sections[last] === prev.sections[last]
}

const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end

export class ReaderPane {
  scroller: HTMLElement | undefined = $state()
  list: HTMLElement | undefined = $state()
  /** The pane's top in list pixels (negative while the title shows). */
  viewTop = $state(0)
  viewHeight = $state(800)
  #columnWidth = $state(640)
  #fontSize = $state(16.5)
  /** Bumped when a measured height changed (the heights themselves are a plain map). */
  #layoutVersion = $state(0)
  /** The sections rendered: grown towards `target` a few per frame. */
  #window = $state.raw<Span>({ start: 0, end: 0 })
  /** The briefing #window is of: another one renders nothing until the next frame starts it. */
  #windowFor = $state.raw<BriefingDetail | null>(null)

  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read through #layoutVersion
  #measured = new Map<string, number>()
  #measuredFor: BriefingDetail | null = null
  #estimates: number[] = []
  #estimatedFor: { metrics: unknown; width: number; size: number } = {
    metrics: null,
    width: 0,
    size: 0
  }

  /** The section and the pixels below its top that the pane's top is kept on. */
  #pin = { index: 0, delta: 0 }
  /** The pin is the top of the document (the title), resolved once the list's top is read. */
  #pinTop = false
  /** A character still to be placed once its section is rendered. */
  #pending: ReaderJump | null = null
  /** The scrollTop the pane was last moved to by code: its scroll event is not the analyst's. */
  #expected = NaN
  #frame = 0
  readonly observer = new ResizeObserver((entries) => this.#resized(entries))
  // Set by the constructor (the derived values below are only read once it has run).
  #detail: () => BriefingDetail | null = () => null
  #renderAll = false

  /** `renderAll`: `?render-all` (the bench's baseline), every section at once. */
  constructor(detail: () => BriefingDetail | null, renderAll: boolean) {
    this.#detail = detail
    this.#renderAll = renderAll
  }

  readonly sections = $derived(this.#detail()?.sections ?? [])
  readonly #metrics = $derived(this.sections.map(sectionMetrics))

  readonly offsets = $derived.by(() => {
    void this.#layoutVersion
    const detail = this.#detail()
    if (this.#measuredFor !== detail) {
      // The rest of a briefing that was painted from its first part keeps what was measured.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read through #layoutVersion
      if (!grows(this.#measuredFor, detail)) this.#measured = new Map()
      this.#measuredFor = detail
    }
    const [width, size] = [this.#columnWidth, this.#fontSize]
    const key = { metrics: this.#metrics, width, size }
    // Each measuring bumps #layoutVersion: the estimates are only made again for a new column.
    const last = this.#estimatedFor
    if (last.metrics !== key.metrics || last.width !== width || last.size !== size) {
      const column = { width, fontSize: size, lineHeight: size * 1.72 }
      this.#estimates = this.#metrics.map((m) => estimateHeight(m, column))
      this.#estimatedFor = key
    }
    return layoutRows(this.sections.map((s, i) => this.#measured.get(s.id) ?? this.#estimates[i]!))
  })
  /** The sections worth rendering for the view (it, plus a screen each side). */
  readonly target = $derived(
    this.#renderAll
      ? { start: 0, end: this.sections.length }
      : sectionsToRender(this.offsets, this.viewTop, this.viewHeight)
  )
  readonly #view = $derived(visibleRange(this.offsets, this.viewTop, this.viewHeight, 0))
  readonly rendered = $derived.by(() => {
    if (this.#renderAll) return this.target
    const detail = this.#detail()
    const kept = this.#windowFor === detail || grows(this.#windowFor, detail)
    return kept ? this.#window : { start: 0, end: 0 }
  })
  readonly total = $derived(at(this.offsets, this.sections.length))

  /** A frame to read, then write, the pane's layout in (one per frame however often asked). */
  schedule(): void {
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#tick())
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame)
    this.observer.disconnect()
  }

  /** A move asked of the pane: its section's top first, the character once it is rendered. */
  jumpTo(jump: ReaderJump): void {
    // The top of the first section is the top of the document: its title shows.
    // So is its first character: a position saved there reopens on the title, not past it.
    const atTop = jump.index === 0 && !jump.textOffset && jump.block === 'start'
    this.#pin = { index: jump.index, delta: 0 }
    this.#pinTop = atTop
    this.#pending = jump.textOffset === null || atTop ? null : jump
    this.schedule()
  }

  /** The pane scrolled; true when the analyst scrolled it (not code). */
  scrolled(): boolean {
    const { scroller, list } = this
    if (!scroller || !list) return false
    this.viewTop = scroller.scrollTop - list.offsetTop
    this.schedule()
    const ours = Math.abs(scroller.scrollTop - this.#expected) < 1
    this.#expected = NaN
    if (ours) return false
    this.#pending = null
    this.#pinTop = false
    this.#pin = anchorAt(this.offsets, this.viewTop)
    return true
  }

  /** The section at a pixel of the list (the one being read). */
  sectionAt(y: number): number {
    return anchorAt(this.offsets, y).index
  }

  #tick(): void {
    this.#frame = 0
    const { scroller, list } = this
    if (!scroller || !list) return
    // Read first, while the last frame's layout still holds.
    this.viewHeight = scroller.clientHeight
    this.#columnWidth = list.clientWidth
    this.#fontSize = parseFloat(getComputedStyle(scroller).fontSize) || 16.5
    if (this.#pinTop) this.#pin = { index: 0, delta: -list.offsetTop }
    this.#pinTop = false
    this.#placePending()
    this.#place()
    if (this.#renderAll) return
    // Then write: the window a few sections nearer what the view needs.
    const detail = this.#detail()
    const from = this.rendered
    this.#windowFor = detail
    const next = growWindow(from, this.target, this.#view, SECTIONS_PER_FRAME)
    if (!sameSpan(next, this.#window)) this.#window = next
    if (!sameSpan(next, this.target)) this.schedule()
  }

  /**
   * Sizes changed, and the frame is laid out: the rendered sections' heights are kept and the
   * pinned place held before the frame is painted. Only the scroll position is written here
   * (a size written would be a ResizeObserver loop): the rest waits for the next frame.
   */
  #resized(entries: readonly ResizeObserverEntry[]): void {
    let changed = false
    for (const entry of entries) {
      const el = entry.target as HTMLElement
      const id = el.dataset['sectionId']
      if (!id) continue
      const height = entry.borderBoxSize?.[0]?.blockSize ?? el.getBoundingClientRect().height
      if (Math.abs((this.#measured.get(id) ?? -1) - height) > 0.5) {
        this.#measured.set(id, height)
        changed = true
      }
    }
    if (changed) this.#layoutVersion++
    if (changed || this.#pending) {
      this.#placePending()
      this.#place()
    }
    this.schedule()
  }

  /** Keeps the pinned place at the top of the pane (after heights or the window changed). */
  #place(): void {
    const { scroller, list } = this
    if (!scroller || !list) return
    const listTop = list.offsetTop
    const want = Math.round(listTop + at(this.offsets, this.#pin.index) + this.#pin.delta)
    if (Math.abs(scroller.scrollTop - want) >= 1) {
      scroller.scrollTop = want
      this.#expected = scroller.scrollTop
    }
    this.viewTop = scroller.scrollTop - listTop
  }

  /** The pinned character's section is rendered: pin its line instead of the section top. */
  #placePending(): void {
    const { scroller, list } = this
    const pending = this.#pending
    if (!pending || !list || !scroller) return
    const el = list.querySelector<HTMLElement>(`[data-index="${pending.index}"]`)
    const text = el?.querySelector<HTMLElement>('[data-testid="section-text"]')
    if (!el || !text) return
    const y = pending.textOffset === null ? null : topOfOffset(text, pending.textOffset)
    const into = y === null ? 0 : y - el.getBoundingClientRect().top
    const lift = pending.block === 'center' ? scroller.clientHeight / 2 - 24 : 0
    this.#pin = { index: pending.index, delta: into - lift }
    this.#pending = null
  }
}
