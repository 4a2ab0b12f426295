// Turn a selection in a section's canonical text into selectors (quote with context + position),
// snapped to whole grapheme clusters and trimmed.

import type { SectionTarget } from '../annotations'

/** Characters of context kept on each side of a quote (as Hypothesis does). */
export const CONTEXT_LENGTH = 32

let graphemeSegmenter: Intl.Segmenter | undefined
// Describing one selection asks about a handful of offsets in the same text: segment it once.
let lastSegmented: { text: string; segments: Intl.Segments } | undefined

function segmentsOf(text: string): Intl.Segments {
  if (lastSegmented?.text !== text) {
    graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    lastSegmented = { text, segments: graphemeSegmenter.segment(text) }
  }
  return lastSegmented.segments
}

/** The grapheme cluster of `text` containing code unit `index` (0 <= index < text.length). */
function clusterAt(text: string, index: number): { start: number; end: number } {
  const seg = segmentsOf(text).containing(index)
  // `containing` only returns undefined out of range, which callers exclude.
  return seg
    ? { start: seg.index, end: seg.index + seg.segment.length }
    : { start: index, end: index + 1 }
}

/** `n` as an integer offset clamped to [0, length] (NaN → 0). */
function clampOffset(n: number, length: number): number {
  if (Number.isNaN(n)) return 0
  return Math.min(length, Math.max(0, Math.trunc(n)))
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff

/**
 * Widen [start, end) of `text` to whole grapheme clusters: start moves down to the start of its
 * cluster, end moves up to the end of the cluster holding its last character. Offsets are
 * clamped to the text and put in order first, so the result is always a valid range.
 */
export function snapToGraphemes(
  text: string,
  start: number,
  end: number
): { start: number; end: number } {
  let s = clampOffset(start, text.length)
  let e = clampOffset(end, text.length)
  if (s > e) [s, e] = [e, s]
  if (s === e) return { start: s, end: e }
  return { start: clusterAt(text, s).start, end: clusterAt(text, e - 1).end }
}

const isBlank = (s: string): boolean => /^\s+$/u.test(s)

/** Drop whole whitespace clusters from both ends of [start, end) (already cluster-aligned). */
function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  let e = end
  while (s < e) {
    const c = clusterAt(text, s)
    if (!isBlank(text.slice(c.start, c.end))) break
    s = c.end
  }
  while (e > s) {
    const c = clusterAt(text, e - 1)
    if (!isBlank(text.slice(c.start, c.end))) break
    e = c.start
  }
  return { start: s, end: e }
}

/** Up to CONTEXT_LENGTH code units before `start`, cut at a cluster (else code point) boundary. */
function prefixBefore(text: string, start: number): string {
  let cut = Math.max(0, start - CONTEXT_LENGTH)
  if (cut > 0) {
    const c = clusterAt(text, cut)
    if (c.start !== cut) {
      if (c.end < start) cut = c.end
      // One cluster fills the whole window: settle for not splitting a surrogate pair.
      else if (isHighSurrogate(text.charCodeAt(cut - 1))) cut += 1
    }
  }
  return text.slice(cut, start)
}

/** Up to CONTEXT_LENGTH code units after `end`, cut at a cluster (else code point) boundary. */
function suffixAfter(text: string, end: number): string {
  let cut = Math.min(text.length, end + CONTEXT_LENGTH)
  if (cut < text.length) {
    const c = clusterAt(text, cut)
    if (c.start !== cut) {
      if (c.start > end) cut = c.start
      else if (isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1
    }
  }
  return text.slice(end, cut)
}

/** Which briefing and section a target belongs to. */
export interface TargetIds {
  briefingId: string
  sectionId: string
}

/**
 * Describe the selection [start, end) of a section's canonical `text` as a SectionTarget: the
 * range is widened to whole grapheme clusters, then trimmed of surrounding whitespace; the
 * quote keeps up to 32 code units of prefix and suffix, never splitting a cluster when avoidable.
 *
 * @returns `null` when the selection is empty or only whitespace.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
  ids: TargetIds
): SectionTarget | null {
  const snapped = snapToGraphemes(text, start, end)
  const range = trimRange(text, snapped.start, snapped.end)
  if (range.start >= range.end) return null
  return {
    briefingId: ids.briefingId,
    sectionId: ids.sectionId,
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(range.start, range.end),
      prefix: prefixBefore(text, range.start),
      suffix: suffixAfter(text, range.end)
    },
    position: { type: 'TextPositionSelector', start: range.start, end: range.end }
  }
}
