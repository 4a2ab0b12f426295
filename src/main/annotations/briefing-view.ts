// How a briefing's stored annotations are shown: highlights anchored on the current text (or
// orphaned), trash entries with a label, the save state, and the documents search indexes.

import { anchorTarget } from '../../shared/anchoring/anchor'
import type { BriefingAnnotations, TrashEntry } from '../../shared/annotation-requests'
import type { AnchoredHighlight, Highlight, Note } from '../../shared/annotations'
import type { Briefing, Section } from '../../shared/dataset'
import type { LoadedAnnotations, TrashItem } from './store/types'
import type { AnnotationDocument } from '../search/annotation-search'

/** The highlight placed on its section's current text, or orphaned. */
export function anchored(briefing: Briefing, highlight: Highlight): AnchoredHighlight {
  const section = sectionOf(briefing, highlight.target.sectionId)
  const result = section
    ? anchorTarget(section.text, highlight.target)
    : { status: 'orphaned' as const }
  return result.status === 'anchored'
    ? { ...highlight, status: 'anchored', range: { start: result.start, end: result.end } }
    : { ...highlight, status: 'orphaned' }
}

/** What the renderer sees; `highlights` are `loaded.highlights` anchored (see anchor-cache.ts). */
export function toView(
  briefing: Briefing,
  loaded: LoadedAnnotations,
  storeReadOnly: string | undefined,
  highlights: AnchoredHighlight[],
  revision: number
): BriefingAnnotations {
  return {
    briefingId: briefing.id,
    revision,
    highlights,
    notes: loaded.notes,
    trash: loaded.trash.map(trashEntry),
    ...statusOf(loaded, storeReadOnly)
  }
}

/** The parts of a view besides the records: undo and redo, read-only, warnings, save state. */
export function statusOf(
  loaded: LoadedAnnotations,
  storeReadOnly: string | undefined
): Pick<BriefingAnnotations, 'canUndo' | 'canRedo' | 'readOnly' | 'warnings' | 'save'> {
  const readOnly = loaded.readOnly ?? storeReadOnly
  return {
    canUndo: loaded.canUndo,
    canRedo: loaded.canRedo,
    ...(readOnly ? { readOnly } : {}),
    warnings: loaded.warnings,
    save: loaded.save
  }
}

export function trashEntry(item: TrashItem): TrashEntry {
  if (item.kind === 'highlight') {
    return {
      kind: 'highlight',
      id: item.highlight.id,
      deletedAt: item.deletedAt,
      label: item.highlight.target.quote.exact
    }
  }
  const firstLine = item.note.body.split('\n').find((line) => line.trim()) ?? '(empty note)'
  return { kind: 'note', id: item.note.id, deletedAt: item.deletedAt, label: firstLine }
}

export function saveOf(status: {
  pending: number
  lastError?: string
}): BriefingAnnotations['save'] {
  return status.pending === 0
    ? { saved: true, pending: 0 }
    : {
        saved: false,
        pending: status.pending,
        ...(status.lastError ? { error: status.lastError } : {})
      }
}

export function searchDocuments(
  briefing: Briefing,
  loaded: Pick<LoadedAnnotations, 'highlights' | 'notes'>
): AnnotationDocument[] {
  return [
    ...loaded.highlights.map((h) => highlightDocument(briefing, h)),
    ...loaded.notes.map((n) => noteDocument(briefing, n))
  ]
}

const headingOf = (briefing: Briefing, sectionId: string) =>
  sectionOf(briefing, sectionId)?.heading ?? ''

// Sections by id, built once per list of sections (a briefing's text is never edited in place:
// a new version is a new object). Looking each highlight's section up by scanning the list made
// anchoring and indexing 10,000 highlights on 5,000 sections quadratic.
const sectionIndexes = new WeakMap<readonly Section[], Map<string, Section>>()

function sectionOf(briefing: Briefing, sectionId: string): Section | undefined {
  let index = sectionIndexes.get(briefing.sections)
  if (!index) {
    index = new Map()
    // The first of a repeated id wins, as find() did.
    for (const s of briefing.sections) if (!index.has(s.id)) index.set(s.id, s)
    sectionIndexes.set(briefing.sections, index)
  }
  return index.get(sectionId)
}

/** How search indexes and shows one highlight. */
export function highlightDocument(briefing: Briefing, h: Highlight): AnnotationDocument {
  return {
    briefingId: briefing.id,
    briefingTitle: briefing.title,
    kind: 'highlight',
    id: h.id,
    sectionId: h.target.sectionId,
    heading: headingOf(briefing, h.target.sectionId),
    text: h.note ? `${h.target.quote.exact}\n\n${h.note}` : h.target.quote.exact,
    tags: h.tags,
    color: h.color
  }
}

/** How search indexes and shows one note (a briefing note opens at the first section). */
export function noteDocument(briefing: Briefing, n: Note): AnnotationDocument {
  const sectionId =
    n.target.kind === 'section' ? n.target.sectionId : (briefing.sections[0]?.id ?? '')
  return {
    briefingId: briefing.id,
    briefingTitle: briefing.title,
    kind: 'note',
    id: n.id,
    sectionId,
    heading: n.target.kind === 'section' ? headingOf(briefing, sectionId) : 'Briefing note',
    text: n.body,
    tags: n.tags
  }
}
