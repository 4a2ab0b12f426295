// Re-anchors a briefing's highlights and section notes on a new version of its text (issue #6):
// each highlight is classified unchanged / moved / edited / orphaned for the report, and the
// records whose target changed are returned to be stored. Pure: no disk, no clock.

import { anchorTarget, FUZZY_THRESHOLD } from '../../shared/anchoring/anchor'
import { describeRange } from '../../shared/anchoring/describe'
import { matchQuote } from '../../shared/anchoring/match-quote'
import type { Highlight, Note, SectionTarget } from '../../shared/annotations'
import type { Briefing, Section } from '../../shared/dataset'
import type { MovedNote, ReanchoredHighlight, ReanchorStatus } from '../../shared/version-requests'

export interface Reanchored {
  highlights: ReanchoredHighlight[]
  notes: MovedNote[]
  /** Highlights whose target now points into the new text (moved and edited ones). */
  changedHighlights: Highlight[]
  /** Notes whose section is gone, retargeted. */
  changedNotes: Note[]
}

interface Placement {
  section: Section
  start: number
  end: number
  method: 'position' | 'quote' | 'fuzzy'
}

// An exact-only pass: a threshold no fuzzy score reaches.
const EXACT_ONLY = { fuzzyThreshold: Number.POSITIVE_INFINITY }

/**
 * Places every highlight of `previous` on `next` (same briefing id): in its own section by
 * position, then by exact quote; then by exact quote in any other section (section ids may change
 * between versions); then fuzzily in its own section, then in the others. Orphans keep their
 * stored target (they are shown as orphans, re-attachable, and anchor again if an older version
 * is restored). A section note whose section is gone moves to the section with the same heading,
 * else becomes a note on the whole briefing. `at` stamps the changed records.
 */
export function reanchor(
  previous: Briefing,
  next: Briefing,
  annotations: { highlights: Highlight[]; notes: Note[] },
  at: string
): Reanchored {
  const result: Reanchored = { highlights: [], notes: [], changedHighlights: [], changedNotes: [] }
  const oldHeading = (sectionId: string) =>
    previous.sections.find((s) => s.id === sectionId)?.heading ?? sectionId

  for (const highlight of annotations.highlights) {
    const { target } = highlight
    const base = {
      id: highlight.id,
      color: highlight.color,
      oldQuote: target.quote.exact,
      oldHeading: oldHeading(target.sectionId)
    }
    const placed = place(next, target)
    const described =
      placed &&
      describeRange(placed.section.text, placed.start, placed.end, {
        briefingId: next.id,
        sectionId: placed.section.id
      })
    if (!placed || !described) {
      result.highlights.push({ ...base, status: 'orphaned' })
      continue
    }
    const status = statusOf(placed, target, described.quote.exact)
    result.highlights.push({
      ...base,
      status,
      sectionId: placed.section.id,
      heading: placed.section.heading,
      newQuote: described.quote.exact
    })
    if (status !== 'unchanged') {
      result.changedHighlights.push({ ...highlight, target: described, updatedAt: at })
    }
  }

  for (const note of annotations.notes) {
    if (note.target.kind !== 'section') continue
    const { sectionId } = note.target
    if (next.sections.some((s) => s.id === sectionId)) continue
    const heading = oldHeading(sectionId)
    const same = next.sections.find((s) => sameHeading(s.heading, heading))
    result.notes.push({
      id: note.id,
      label: firstLine(note.body),
      oldHeading: heading,
      ...(same ? { heading: same.heading } : {})
    })
    result.changedNotes.push({
      ...note,
      target: same ? { kind: 'section', sectionId: same.id } : { kind: 'briefing' },
      updatedAt: at
    })
  }
  return result
}

function statusOf(placed: Placement, target: SectionTarget, quote: string): ReanchorStatus {
  if (quote !== target.quote.exact) return 'edited'
  const same = placed.section.id === target.sectionId && placed.method === 'position'
  return same ? 'unchanged' : 'moved'
}

function place(next: Briefing, target: SectionTarget): Placement | undefined {
  const own = next.sections.find((s) => s.id === target.sectionId)
  const others = next.sections.filter((s) => s !== own)
  // Elsewhere the old offsets mean nothing: only the quote and its context count.
  const unplaced: SectionTarget = {
    ...target,
    position: { type: 'TextPositionSelector', start: -1, end: -1 }
  }
  if (own) {
    const exact = anchorTarget(own.text, target, EXACT_ONLY)
    if (exact.status === 'anchored') return { section: own, ...exact }
  }
  for (const section of others) {
    const exact = anchorTarget(section.text, unplaced, EXACT_ONLY)
    if (exact.status === 'anchored') return { section, ...exact }
  }
  if (own) {
    const fuzzy = anchorTarget(own.text, target)
    if (fuzzy.status === 'anchored') return { section: own, ...fuzzy }
  }
  let best: (Placement & { score: number }) | undefined
  for (const section of others) {
    const { exact, prefix, suffix } = target.quote
    const match = matchQuote(section.text, exact, { prefix, suffix })
    if (!match || match.end <= match.start || match.score < FUZZY_THRESHOLD) continue
    if (!best || match.score > best.score) best = { section, ...match, method: 'fuzzy' }
  }
  return best
}

function sameHeading(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase()
  return norm(a) === norm(b)
}

function firstLine(body: string): string {
  return (
    body
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? '(empty note)'
  )
}
