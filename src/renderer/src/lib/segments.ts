// Splits a section's canonical text into paragraphs, runs (entity mentions or plain text) and
// pieces (search-matched or not) so components can render it as text only. Pure and DOM-free.

/** A [start, end) range in UTF-16 code units of the section text. */
export type Range = readonly [number, number]

/** The minimum a mention needs for segmentation; callers pass their own mention objects. */
export interface MentionLike {
  start: number
  end: number
}

/** The smallest rendered unit: text that is wholly inside or outside a search match. */
export interface Piece {
  text: string
  start: number
  end: number
  match: boolean
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

/** Pieces of [start, end): split at every match boundary inside it. */
function piecesOf(text: string, start: number, end: number, matches: readonly Range[]): Piece[] {
  const pieces: Piece[] = []
  let cursor = start
  const push = (s: number, e: number, match: boolean): void => {
    if (e > s) pieces.push({ text: text.slice(s, e), start: s, end: e, match })
  }
  for (const [ms, me] of matches) {
    if (me <= start) continue
    if (ms >= end) break
    const s = Math.max(ms, start)
    const e = Math.min(me, end)
    push(cursor, s, false)
    push(s, e, true)
    cursor = e
  }
  push(cursor, end, false)
  return pieces
}

/**
 * Segments `text` for rendering. Mentions must not overlap (a mention starting inside an earlier
 * one is ignored); matches may overlap each other and mentions, and are split at mention and
 * paragraph edges. Ranges are clipped to each paragraph, so nothing spans a paragraph break.
 */
export function segmentText<M extends MentionLike>(
  text: string,
  mentions: readonly M[],
  matches: readonly Range[] = []
): Paragraph<M>[] {
  const marks = mergeRanges(matches, text.length)
  const sorted = mentions
    .filter((m) => m.end > m.start && m.start < text.length && m.end > 0)
    .slice()
    .sort((a, b) => a.start - b.start)
  return paragraphRanges(text).map(([ps, pe]) => {
    const runs: Run<M>[] = []
    const pushRun = (s: number, e: number, mention: M | null): void => {
      if (e > s) runs.push({ start: s, end: e, mention, pieces: piecesOf(text, s, e, marks) })
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
