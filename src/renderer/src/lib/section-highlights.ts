// The open briefing's highlights indexed once for the continuous reader: by id, and the anchored
// ranges of each section. Every rendered section looks its own up instead of scanning them all
// (10,000 highlights × the sections in view was the reader's cost on big imports). An edit patches
// the index: only the sections it touched get new range lists.

import type { RecordDelta } from '../../../shared/annotation-delta'
import type { AnchoredHighlight } from '../../../shared/annotations'
import type { HighlightLike } from './segments'
import { byCreation } from '../../../shared/annotation-delta'

export interface HighlightIndex {
  byId: ReadonlyMap<string, AnchoredHighlight>
  rangesBySection: ReadonlyMap<string, readonly HighlightLike[]>
}

const NONE: readonly HighlightLike[] = []

export function indexHighlights(highlights: readonly AnchoredHighlight[]): HighlightIndex {
  const byId = new Map<string, AnchoredHighlight>()
  const rangesBySection = new Map<string, HighlightLike[]>()
  for (const h of highlights) {
    byId.set(h.id, h)
    if (h.status !== 'anchored' || !h.range) continue
    const list = rangesBySection.get(h.target.sectionId)
    const range = { id: h.id, start: h.range.start, end: h.range.end }
    if (list) list.push(range)
    else rangesBySection.set(h.target.sectionId, [range])
  }
  return { byId, rangesBySection }
}

/**
 * `index` after an edit's `delta` (its highlights put and removed). Sections the delta does not
 * touch keep their range list (the same array: nothing derived from it is recomputed); a
 * touched section's list is rebuilt from its own highlights, in the order `indexHighlights` gives.
 */
export function patchHighlightIndex(
  index: HighlightIndex,
  delta: RecordDelta<AnchoredHighlight>
): HighlightIndex {
  if (delta.put.length === 0 && delta.removed.length === 0) return index
  const byId = new Map(index.byId)
  const touched = new Set<string>()
  const drop = (id: string) => {
    const old = byId.get(id)
    if (!old) return
    touched.add(old.target.sectionId)
    byId.delete(id)
  }
  for (const id of delta.removed) drop(id)
  for (const h of delta.put) {
    drop(h.id)
    byId.set(h.id, h)
    touched.add(h.target.sectionId)
  }
  const rangesBySection = new Map(index.rangesBySection)
  for (const sectionId of touched) {
    const ids = new Set((index.rangesBySection.get(sectionId) ?? []).map((r) => r.id))
    for (const h of delta.put) if (h.target.sectionId === sectionId) ids.add(h.id)
    const ranges = [...ids]
      .map((id) => byId.get(id))
      .filter(
        (h): h is AnchoredHighlight =>
          h?.status === 'anchored' && !!h.range && h.target.sectionId === sectionId
      )
      .sort(byCreation)
      .map((h) => ({ id: h.id, start: h.range!.start, end: h.range!.end }))
    if (ranges.length > 0) rangesBySection.set(sectionId, ranges)
    else rangesBySection.delete(sectionId)
  }
  return { byId, rangesBySection }
}

/** The anchored ranges of section `sectionId`, in the order of the highlights. */
export function rangesOf(index: HighlightIndex, sectionId: string): readonly HighlightLike[] {
  return index.rangesBySection.get(sectionId) ?? NONE
}
