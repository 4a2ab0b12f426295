// Cuts a search-result snippet out of a section's text: about 200 characters around the densest
// cluster of marked words, cut at spaces, with "…" where text was left out.

import type { SnippetPart } from '../../shared/search'
import type { Range } from './mark-terms'

/** Length aimed for; cutting at spaces moves each end by at most SNAP_LIMIT. */
export const SNIPPET_TARGET = 200
const SNAP_LIMIT = 20
/** Texts up to this length are shown whole. */
export const SNIPPET_MAX = SNIPPET_TARGET + 2 * SNAP_LIMIT

export const ELLIPSIS = '…'

/**
 * The snippet for `text` with `marks` (sorted, non-overlapping [start, end) ranges) marked.
 * Without marks it is the opening of the text. Apart from the leading/trailing "…" parts, the
 * parts' texts concatenate to a substring of `text`.
 */
export function buildSnippet(text: string, marks: readonly Range[]): SnippetPart[] {
  const [start, end] = snippetWindow(text, marks)
  const parts: SnippetPart[] = []
  if (start > 0) parts.push({ text: ELLIPSIS, mark: false })
  let at = start
  for (const [markStart, markEnd] of marks) {
    const from = Math.max(markStart, start)
    const to = Math.min(markEnd, end)
    if (from >= to) continue
    if (from > at) parts.push({ text: text.slice(at, from), mark: false })
    parts.push({ text: text.slice(from, to), mark: true })
    at = to
  }
  if (end > at) parts.push({ text: text.slice(at, end), mark: false })
  if (end < text.length) parts.push({ text: ELLIPSIS, mark: false })
  return parts
}

/** The [start, end) of `text` the snippet shows. */
export function snippetWindow(text: string, marks: readonly Range[]): Range {
  if (text.length <= SNIPPET_MAX) return [0, text.length]
  // The opening of the text (what the steps below come to without marks; most field hits).
  if (marks.length === 0) return [0, snapEnd(text, SNIPPET_TARGET, 0)]
  const [clusterStart, clusterEnd] = densestCluster(marks)
  // Centre the cluster in a window of the target length, shifted back inside the text.
  const span = Math.min(clusterEnd - clusterStart, SNIPPET_TARGET)
  let start = clusterStart - Math.floor((SNIPPET_TARGET - span) / 2)
  start = Math.max(0, Math.min(start, text.length - SNIPPET_TARGET))
  const end = start + SNIPPET_TARGET
  const keepFrom = Math.min(clusterStart, end)
  const keepTo = Math.max(clusterEnd, start)
  return [snapStart(text, start, keepFrom), snapEnd(text, end, Math.min(keepTo, end))]
}

/**
 * The span of the most marks that fit in SNIPPET_TARGET characters (the earliest such run on a
 * tie). [0, 0] when there are none, so the window opens the text.
 */
function densestCluster(marks: readonly Range[]): Range {
  let best: Range = [0, 0]
  let bestCount = 0
  let last = 0
  for (let first = 0; first < marks.length; first++) {
    const firstStart = (marks[first] as Range)[0]
    if (last < first) last = first
    while (
      last + 1 < marks.length &&
      (marks[last + 1] as Range)[1] - firstStart <= SNIPPET_TARGET
    ) {
      last += 1
    }
    const count = last - first + 1
    if (count > bestCount) {
      bestCount = count
      best = [firstStart, (marks[last] as Range)[1]]
    }
  }
  return best
}

/** Whether the character at i is white space (\s); in ASCII, tab to carriage return and space. */
function isSpace(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  return /\s/.test(text.charAt(i))
}

/** Moves a cut start to a word start, preferring to drop a partial word, never past `keep`. */
function snapStart(text: string, start: number, keep: number): number {
  if (start <= 0) return 0
  let cut = start
  if (!isSpace(text, cut - 1) && !isSpace(text, cut)) {
    cut = -1
    for (let i = start; i < Math.min(keep, start + SNAP_LIMIT); i++) {
      if (isSpace(text, i)) {
        cut = i
        break
      }
    }
    for (let i = start - 1; cut < 0 && i >= Math.max(0, start - SNAP_LIMIT); i--) {
      if (isSpace(text, i)) cut = i + 1
    }
    if (cut < 0) cut = start
  }
  while (cut < keep && isSpace(text, cut)) cut += 1
  return avoidSplitPair(text, cut)
}

/** Moves a cut end to a word end, preferring to drop a partial word, never before `keep`. */
function snapEnd(text: string, end: number, keep: number): number {
  if (end >= text.length) return text.length
  let cut = end
  if (!isSpace(text, cut - 1) && !isSpace(text, cut)) {
    cut = -1
    for (let i = end - 1; i >= Math.max(keep, end - SNAP_LIMIT); i--) {
      if (isSpace(text, i)) {
        cut = i
        break
      }
    }
    for (let i = end; cut < 0 && i < Math.min(text.length, end + SNAP_LIMIT); i++) {
      if (isSpace(text, i)) cut = i
    }
    if (cut < 0) cut = end
  }
  while (cut > keep && isSpace(text, cut - 1)) cut -= 1
  return avoidSplitPair(text, cut)
}

/** Moves a cut that falls between the halves of a surrogate pair to before the pair. */
function avoidSplitPair(text: string, cut: number): number {
  const before = text.charCodeAt(cut - 1)
  const after = text.charCodeAt(cut)
  const splits = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
  return splits ? cut - 1 : cut
}
