// Windowing maths of the continuous reader: estimated heights of sections not yet rendered, the
// section a scroll position is in (and how far into it), and the pixel range worth rendering.
// Plain numbers, so it is tested without a DOM; layoutRows/visibleRange come from virtual-window.

import { at, visibleRange } from './virtual-window'

/** What an estimate needs to know about a section's text. */
export interface SectionMetrics {
  chars: number
  paragraphs: number
  /** Line breaks inside blocks (a code block's lines): each starts a line of its own. */
  lineBreaks?: number
  hasHeading: boolean
}

// Sections are immutable once loaded: each one's metrics are worked out once, so a briefing
// whose sections arrive in parts (or that is opened again) is not scanned again.
const metricsCache = new WeakMap<object, SectionMetrics>()

/** metricsOf a section (its heading counts unless it is an editorial one), remembered. */
export function sectionMetrics(section: {
  text: string
  editorialHeading?: boolean
}): SectionMetrics {
  let metrics = metricsCache.get(section)
  if (!metrics) {
    metrics = metricsOf(section.text, !section.editorialHeading)
    metricsCache.set(section, metrics)
  }
  return metrics
}

/** The reading column's typography, in pixels. */
export interface ColumnMetrics {
  width: number
  fontSize: number
  lineHeight: number
}

export function metricsOf(text: string, hasHeading: boolean): SectionMetrics {
  let paragraphs = 1
  for (let i = text.indexOf('\n\n'); i !== -1; i = text.indexOf('\n\n', i + 2)) paragraphs++
  let newlines = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines++
  return { chars: text.length, paragraphs, lineBreaks: newlines - 2 * (paragraphs - 1), hasHeading }
}

/**
 * A section's height before it is measured: its lines at about half an em per character, the
 * gaps between paragraphs and the heading block. Only the scrollbar depends on it being close:
 * jumps are placed on measured sections.
 */
export function estimateHeight(section: SectionMetrics, column: ColumnMetrics): number {
  const perLine = Math.max(10, Math.floor(column.width / (column.fontSize * 0.5)))
  const breaks = Math.max(0, section.lineBreaks ?? 0)
  const lines = Math.ceil(section.chars / perLine) + section.paragraphs - 1 + breaks
  const gaps = section.paragraphs * column.fontSize * 1.05
  const heading = section.hasHeading ? 64 : 0
  return Math.round(heading + Math.max(1, lines) * column.lineHeight + gaps + 28)
}

/**
 * The section holding pixel `y` of the list (offsets from layoutRows) and how far below its top
 * `y` lies. Above the list (the title): the first section, at a negative distance; below it:
 * the last.
 */
export function anchorAt(offsets: readonly number[], y: number): { index: number; delta: number } {
  const count = offsets.length - 1
  if (count <= 0) return { index: 0, delta: 0 }
  let lo = 0
  let hi = count - 1
  // The last section whose top is at or above y.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (at(offsets, mid) <= y) lo = mid
    else hi = mid - 1
  }
  return { index: lo, delta: y - at(offsets, lo) }
}

/** The sections to render for a viewport at `top` (list pixels): those in view, plus a screen. */
export function sectionsToRender(
  offsets: readonly number[],
  top: number,
  height: number
): { start: number; end: number } {
  return visibleRange(offsets, top - height, height * 3, 1)
}

/** A window of sections: [start, end). */
export interface Span {
  start: number
  end: number
}

/**
 * Sections newly rendered per frame at most: a jump or a fast scroll fills its window over a few
 * frames (the estimates stand in for the rest), so no single task makes every new section.
 */
export const SECTIONS_PER_FRAME = 3

/**
 * The window to render this frame on the way from `current` to `target`: what is rendered and
 * still wanted stays, and at most `budget` sections are added, those in `view` first (downwards
 * first, the way the text is read), then the rest of the target one below, one above. A window
 * that neither meets the view nor shares a section with the target starts again at the view.
 */
export function growWindow(current: Span, target: Span, view: Span, budget: number): Span {
  let start = Math.max(current.start, target.start)
  let end = Math.min(current.end, target.end)
  if (start >= end || end < view.start || start > view.end) {
    start = end = Math.min(Math.max(view.start, target.start), target.end)
  }
  let left = budget
  const viewStart = Math.max(view.start, target.start)
  const viewEnd = Math.min(view.end, target.end)
  while (left > 0 && end < viewEnd) {
    end++
    left--
  }
  while (left > 0 && start > viewStart) {
    start--
    left--
  }
  // Then the rest of the target, one below and one above in turn.
  while (left > 0 && (end < target.end || start > target.start)) {
    if (end < target.end) {
      end++
      left--
    }
    if (left > 0 && start > target.start) {
      start--
      left--
    }
  }
  return { start, end }
}
