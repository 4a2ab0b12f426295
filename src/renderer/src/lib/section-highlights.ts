// The open briefing's highlights indexed once for the continuous reader: by id, and the anchored
// ranges of each section. Every rendered section looks its own up instead of scanning them all
// (10,000 highlights × the sections in view was the reader's cost on big imports).

import type { AnchoredHighlight } from '../../../shared/annotations'
import type { HighlightLike } from './segments'

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

/** The anchored ranges of section `sectionId`, in the order of the highlights. */
export function rangesOf(index: HighlightIndex, sectionId: string): readonly HighlightLike[] {
  return index.rangesBySection.get(sectionId) ?? NONE
}
