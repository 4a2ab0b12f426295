// Splits a section's canonical text into paragraphs, runs (entity mentions or plain text) and
// pieces (search-matched or not, covered by which highlights) so components can render it as
// text only. Pure and DOM-free.

/** A [start, end) range in UTF-16 code units of the section text. */
export type Range = readonly [number, number]

/** The minimum a mention needs for segmentation; callers pass their own mention objects. */
export interface MentionLike {
  start: number
  end: number
}

/** A highlight as segmentation needs it: its id and current [start, end) in the section text. */
export interface HighlightLike {
  id: string
  start: number
  end: number
}

/**
 * The smallest rendered unit: text wholly inside or outside a search match and covered by one
 * fixed set of highlights.
 */
export interface Piece {
  text: string
  start: number
  end: number
  match: boolean
  /** Ids of the highlights covering the piece, innermost (shortest) first; [] when none. */
  highlights: readonly string[]
}

/** A stretch of one paragraph that is either one entity mention or plain text. */
export interface Run<M extends MentionLike = MentionLike> {
  start: number
  end: number
  mention: M | null
  pieces: Piece[]
}

export interface Paragraph<M extends MentionLike = MentionLike> {
  start: number
  end: number
  runs: Run<M>[]
}

/** Paragraph ranges of `text`, split on blank lines ("\n\n" or longer runs of newlines). */
export function paragraphRanges(text: string): Range[] {
  const ranges: Range[] = []
  const separator = /\n{2,}/g
  let start = 0
  for (const found of text.matchAll(separator)) {
    if (found.index > start) ranges.push([start, found.index])
    start = found.index + found[0].length
  }
  if (text.length > start) ranges.push([start, text.length])
  return ranges
}

/**
 * Sorts and merges overlapping or touching ranges, clamped to [0, length]; empty ones are dropped.
 * Touching matches merge so adjacent terms become one mark.
 */
export function mergeRanges(ranges: readonly Range[], length: number): Range[] {
  const clamped = ranges
    .map(([s, e]): Range => [Math.max(0, s), Math.min(length, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: [number, number][] = []
  for (const [s, e] of clamped) {
    const last = merged[merged.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else merged.push([s, e])
  }
  return merged
}

/** Shortest first; among equals the later start (nested deeper), then by id for stability. */
function innermostFirst(a: HighlightLike, b: HighlightLike): number {
  return a.end - a.start - (b.end - b.start) || b.start - a.start || (a.id < b.id ? -1 : 1)
}

/**
 * Pieces of [start, end): split at every match and highlight boundary inside it. `matches` are
 * merged and sorted; `highlights` are those overlapping the paragraph, innermost first.
 */
function piecesOf(
  text: string,
  start: number,
  end: number,
  matches: readonly Range[],
  highlights: readonly HighlightLike[]
): Piece[] {
  const inRun = highlights.filter((h) => h.start < end && h.end > start)
  const cuts = new Set<number>([start, end])
  const add = (at: number): void => {
    if (at > start && at < end) cuts.add(at)
  }
  for (const [ms, me] of matches) {
    if (me <= start) continue
    if (ms >= end) break
    add(ms)
    add(me)
  }
  for (const h of inRun) {
    add(h.start)
    add(h.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const pieces: Piece[] = []
  let m = 0
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!
    const e = points[i + 1]!
    while (m < matches.length && matches[m]![1] <= s) m++
    const match = m < matches.length && matches[m]![0] <= s
    const covering = inRun.filter((h) => h.start <= s && h.end >= e).map((h) => h.id)
    pieces.push({ text: text.slice(s, e), start: s, end: e, match, highlights: covering })
  }
  return pieces
}

/**
 * Segments `text` for rendering. Mentions must not overlap (a mention starting inside an earlier
 * one is ignored); matches and highlights may overlap each other and mentions, and are split at
 * mention and paragraph edges. Ranges are clipped to each paragraph, so nothing spans a
 * paragraph break. Each piece lists the highlights covering it, innermost first.
 */
export function segmentText<M extends MentionLike>(
  text: string,
  mentions: readonly M[],
  matches: readonly Range[] = [],
  highlights: readonly HighlightLike[] = []
): Paragraph<M>[] {
  return segmentRanges(text, paragraphRanges(text), mentions, matches, highlights)
}

/**
 * Segments each of `ranges` (sorted, not overlapping: paragraphs, list items, table cells) as
 * segmentText does its paragraphs; an empty range gives a paragraph without runs.
 */
export function segmentRanges<M extends MentionLike>(
  text: string,
  ranges: readonly Range[],
  mentions: readonly M[],
  matches: readonly Range[] = [],
  highlights: readonly HighlightLike[] = []
): Paragraph<M>[] {
  const marks = mergeRanges(matches, text.length)
  const layers = highlights
    .filter((h) => h.end > h.start && h.start < text.length && h.end > 0)
    .slice()
    .sort(innermostFirst)
  const sorted = mentions
    .filter((m) => m.end > m.start && m.start < text.length && m.end > 0)
    .slice()
    .sort((a, b) => a.start - b.start)
  return ranges.map(([ps, pe]) => {
    const runs: Run<M>[] = []
    const here = layers.filter((h) => h.start < pe && h.end > ps)
    const pushRun = (s: number, e: number, mention: M | null): void => {
      if (e > s) runs.push({ start: s, end: e, mention, pieces: piecesOf(text, s, e, marks, here) })
    }
    let cursor = ps
    for (const mention of sorted) {
      if (mention.end <= ps) continue
      if (mention.start >= pe) break
      const s = Math.max(mention.start, ps)
      if (s < cursor) continue // overlaps the previous mention
      const e = Math.min(mention.end, pe)
      pushRun(cursor, s, null)
      pushRun(s, e, mention)
      cursor = e
    }
    pushRun(cursor, pe, null)
    return { start: ps, end: pe, runs }
  })
}
