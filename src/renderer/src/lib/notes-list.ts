// The notes panel's contents in reading order: briefing notes, then per section its notes and
// anchored highlights (by position), then orphaned highlights; filtered by colour and tag.
// Pure and DOM-free.

import type { AnchoredHighlight, HighlightColor, Note } from '../../../shared/annotations'
import { byCreation } from '../../../shared/annotation-delta'

export interface SectionInfo {
  id: string
  heading: string
}

export type NotesItem =
  { kind: 'note'; note: Note } | { kind: 'highlight'; highlight: AnchoredHighlight }

export interface SectionGroup {
  sectionId: string
  /** Position in the briefing, or -1 for a section the briefing no longer has. */
  index: number
  heading: string
  items: NotesItem[]
}

export interface NotesFilter {
  /** Colours to show; empty shows every colour (and notes, which have none). */
  colors: readonly HighlightColor[]
  /** Only items carrying this tag; null for all. */
  tag: string | null
}

export interface NotesList {
  briefingNotes: Note[]
  sections: SectionGroup[]
  orphans: AnchoredHighlight[]
  /** Items shown after filtering (orphans included). */
  shown: number
  /** Every highlight and note, before filtering. */
  total: number
  /** Every tag in use, sorted, for the tag filter. */
  tags: string[]
}

export const NO_FILTER: NotesFilter = { colors: [], tag: null }

function keepNote(note: Note, filter: NotesFilter): boolean {
  return filter.colors.length === 0 && (filter.tag === null || note.tags.includes(filter.tag))
}

function keepHighlight(h: AnchoredHighlight, filter: NotesFilter): boolean {
  return (
    (filter.colors.length === 0 || filter.colors.includes(h.color)) &&
    (filter.tag === null || h.tags.includes(filter.tag))
  )
}

/** Builds the panel's list: nothing is dropped, only filtered (unknown sections get a group). */
export function buildNotesList(
  sections: readonly SectionInfo[],
  highlights: readonly AnchoredHighlight[],
  notes: readonly Note[],
  filter: NotesFilter = NO_FILTER
): NotesList {
  return new NotesListBuilder().build(sections, highlights, notes, filter)
}

type Bucket = { notes: Note[]; highlights: AnchoredHighlight[] }

/**
 * Builds the list again after each edit, sorting only the section groups whose records changed:
 * a group whose records are the same objects as last time is the same group object, so the panel
 * does not render its cards again (an edit in a briefing of 10,000 highlights touches one group).
 */
export class NotesListBuilder {
  #last:
    | {
        sections: readonly SectionInfo[]
        filter: NotesFilter
        buckets: Map<string, Bucket>
        groups: Map<string, SectionGroup>
      }
    | undefined

  build(
    sections: readonly SectionInfo[],
    highlights: readonly AnchoredHighlight[],
    notes: readonly Note[],
    filter: NotesFilter = NO_FILTER
  ): NotesList {
    const last =
      this.#last?.sections === sections && this.#last.filter === filter ? this.#last : undefined
    const positions = new Map<string, number>()
    sections.forEach((s, index) => {
      positions.set(s.id, index)
    })
    const buckets = new Map<string, Bucket>()
    const bucketOf = (sectionId: string): Bucket => {
      let bucket = buckets.get(sectionId)
      if (!bucket) buckets.set(sectionId, (bucket = { notes: [], highlights: [] }))
      return bucket
    }

    const briefingNotes: Note[] = []
    for (const note of [...notes].sort(byCreation)) {
      if (!keepNote(note, filter)) continue
      if (note.target.kind === 'briefing') briefingNotes.push(note)
      else bucketOf(note.target.sectionId).notes.push(note)
    }
    const orphans: AnchoredHighlight[] = []
    for (const highlight of highlights) {
      if (!keepHighlight(highlight, filter)) continue
      if (highlight.status === 'orphaned' || !highlight.range) orphans.push(highlight)
      else bucketOf(highlight.target.sectionId).highlights.push(highlight)
    }
    orphans.sort(byCreation)

    const groups = new Map<string, SectionGroup>()
    for (const [sectionId, bucket] of buckets) {
      const known = last?.groups.get(sectionId)
      const previous = last?.buckets.get(sectionId)
      groups.set(
        sectionId,
        known && previous && sameBucket(previous, bucket)
          ? known
          : groupOf(sectionId, bucket, sections, positions)
      )
    }
    // Sections in briefing order, then groups of sections the briefing no longer has.
    const sectionGroups = [...groups.values()].sort(
      (a, b) => (a.index === -1 ? 1 : 0) - (b.index === -1 ? 1 : 0) || a.index - b.index
    )
    this.#last = { sections, filter, buckets, groups }

    const tags = new Set<string>()
    for (const item of [...highlights, ...notes]) for (const tag of item.tags) tags.add(tag)

    const shown =
      briefingNotes.length + orphans.length + sectionGroups.reduce((n, g) => n + g.items.length, 0)
    return {
      briefingNotes,
      sections: sectionGroups,
      orphans,
      shown,
      total: highlights.length + notes.length,
      tags: [...tags].sort((a, b) => a.localeCompare(b))
    }
  }
}

/** One section's group: its notes (by creation), then its highlights by position. */
function groupOf(
  sectionId: string,
  bucket: Bucket,
  sections: readonly SectionInfo[],
  positions: ReadonlyMap<string, number>
): SectionGroup {
  const index = positions.get(sectionId) ?? -1
  const heading = index >= 0 ? sections[index]!.heading : `Removed section “${sectionId}”`
  const byPosition = [...bucket.highlights].sort(
    (a, b) => (a.range?.start ?? 0) - (b.range?.start ?? 0) || byCreation(a, b)
  )
  const items: NotesItem[] = [
    ...bucket.notes.map((note) => ({ kind: 'note' as const, note })),
    ...byPosition.map((highlight) => ({ kind: 'highlight' as const, highlight }))
  ]
  return { sectionId, index, heading, items }
}

/** The same records, in the same order (records are replaced, never changed in place). */
function sameBucket(a: Bucket, b: Bucket): boolean {
  return sameItems(a.notes, b.notes) && sameItems(a.highlights, b.highlights)
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}
