// A big briefing and its highlights sent in parts (`briefing:get-part`, `annotations:load-part`):
// one answer of megabytes is one long task for the renderer to take in, parts of a few hundred
// kilobytes are many short ones. Main cuts the parts here; the renderer asks from each part's end (lib/load-parts.ts).

import type { AnchoredHighlight } from './annotations'
import type { BriefingAnnotations } from './annotation-requests'
import type { Section } from './dataset'
import { briefingIdCheck } from './ids'
import type { BriefingDetail } from './library'
import { int, object, validator } from './schema'
import type { Validator } from './schema'

/**
 * Characters of section text per part (at least one section, however long): the first part is
 * what a big briefing first paints from, and each part is a task of its own to take in.
 */
export const PART_CHARS = 60_000
/** Highlights per part (each is a few hundred bytes with its quote and context). */
export const PART_HIGHLIGHTS = 200
/** Largest start asked for: beyond any briefing or highlight count the app can hold. */
const MAX_START = 10_000_000

export interface BriefingPartRequest {
  id: string
  /** Index of the first section wanted. */
  start: number
}

export interface BriefingPart {
  sectionCount: number
  /** Sections [start, start + sections.length). */
  sections: Section[]
  /** Only in the part at start 0: the briefing's details and the entities it mentions. */
  head?: Omit<BriefingDetail, 'sections'>
  /** Only in the part at start 0: where each of the other parts starts (asked for together). */
  starts?: number[]
}

export interface AnnotationsPartRequest {
  briefingId: string
  /** Index of the first highlight wanted. */
  start: number
}

export interface AnnotationsPart {
  highlightCount: number
  /** Highlights [start, start + highlights.length), in the order annotations:load gives them. */
  highlights: AnchoredHighlight[]
  /** Only in the part at start 0: everything else (notes, trash, undo, save status). */
  rest?: Omit<BriefingAnnotations, 'highlights'>
  /** Only in the part at start 0: where each of the other parts starts (asked for together). */
  starts?: number[]
}

export const validateBriefingPartRequest: Validator<BriefingPartRequest> = validator(
  object({ id: briefingIdCheck, start: int(0, MAX_START) })
)

export const validateAnnotationsPartRequest: Validator<AnnotationsPartRequest> = validator(
  object({ briefingId: briefingIdCheck, start: int(0, MAX_START) })
)

/** The part of `detail` from section `start`: whole sections up to about `chars` of text. */
export function briefingPart(
  detail: BriefingDetail,
  start: number,
  chars = PART_CHARS
): BriefingPart {
  const { sections: all, ...head } = detail
  const end = partEnd(all, start, chars)
  const part: BriefingPart = { sectionCount: all.length, sections: all.slice(start, end) }
  if (start === 0) {
    part.head = head
    part.starts = []
    for (let next = end; next < all.length; next = partEnd(all, next, chars)) part.starts.push(next)
  }
  return part
}

/** Where the part from `start` ends: whole sections up to `chars` of text, at least one. */
function partEnd(sections: readonly Section[], start: number, chars: number): number {
  let end = start
  let size = 0
  while (end < sections.length && (end === start || size + sections[end]!.text.length <= chars)) {
    size += sections[end]!.text.length
    end++
  }
  return end
}

/** The part of `all` from highlight `start`: at most `size` highlights. */
export function annotationsPart(
  all: BriefingAnnotations,
  start: number,
  size = PART_HIGHLIGHTS
): AnnotationsPart {
  const { highlights, ...rest } = all
  const part: AnnotationsPart = {
    highlightCount: highlights.length,
    highlights: highlights.slice(start, start + size)
  }
  if (start === 0) {
    part.rest = rest
    part.starts = []
    for (let next = size; next < highlights.length; next += size) part.starts.push(next)
  }
  return part
}
