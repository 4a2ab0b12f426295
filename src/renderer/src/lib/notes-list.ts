// The notes panel's contents in reading order: briefing notes, then per section its notes and
// anchored highlights (by position), then orphaned highlights; filtered by colour and tag.
// Pure and DOM-free.

import type { AnchoredHighlight, HighlightColor, Note } from '../../../shared/annotations'

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

function byCreated(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1
}

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
  const groups = new Map<string, SectionGroup>()
  sections.forEach((s, index) =>
    groups.set(s.id, { sectionId: s.id, index, heading: s.heading, items: [] })
  )
  const groupOf = (sectionId: string): SectionGroup => {
    let group = groups.get(sectionId)
    if (!group) {
      group = { sectionId, index: -1, heading: `Removed section “${sectionId}”`, items: [] }
      groups.set(sectionId, group)
    }
    return group
  }

  const briefingNotes: Note[] = []
  for (const note of [...notes].sort(byCreated)) {
    if (!keepNote(note, filter)) continue
    if (note.target.kind === 'briefing') briefingNotes.push(note)
    else groupOf(note.target.sectionId).items.push({ kind: 'note', note })
  }

  const orphans: AnchoredHighlight[] = []
  const anchored = highlights
    .filter((h) => keepHighlight(h, filter))
    .sort((a, b) => (a.range?.start ?? 0) - (b.range?.start ?? 0) || byCreated(a, b))
  for (const highlight of anchored) {
    if (highlight.status === 'orphaned' || !highlight.range) orphans.push(highlight)
    else groupOf(highlight.target.sectionId).items.push({ kind: 'highlight', highlight })
  }
  orphans.sort(byCreated)

  const sectionGroups = [...groups.values()]
    .filter((g) => g.items.length > 0)
    .sort((a, b) => (a.index === -1 ? 1 : 0) - (b.index === -1 ? 1 : 0) || a.index - b.index)

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
