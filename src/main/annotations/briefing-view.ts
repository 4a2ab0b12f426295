// How a briefing's stored annotations are shown: highlights anchored on the current text (or
// orphaned), trash entries with a label, the save state, and the documents search indexes.

import { anchorTarget } from '../../shared/anchoring/anchor'
import type { BriefingAnnotations, TrashEntry } from '../../shared/annotation-requests'
import type { AnchoredHighlight, Highlight } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import type { LoadedAnnotations, TrashItem } from './store/types'
import type { AnnotationDocument } from '../search/annotation-search'

function anchored(briefing: Briefing, highlight: Highlight): AnchoredHighlight {
  const section = briefing.sections.find((s) => s.id === highlight.target.sectionId)
  const result = section
    ? anchorTarget(section.text, highlight.target)
    : { status: 'orphaned' as const }
  return result.status === 'anchored'
    ? { ...highlight, status: 'anchored', range: { start: result.start, end: result.end } }
    : { ...highlight, status: 'orphaned' }
}

export function toView(
  briefing: Briefing,
  loaded: LoadedAnnotations,
  storeReadOnly: string | undefined
): BriefingAnnotations {
  const readOnly = loaded.readOnly ?? storeReadOnly
  return {
    briefingId: briefing.id,
    highlights: loaded.highlights.map((h) => anchored(briefing, h)),
    notes: loaded.notes,
    trash: loaded.trash.map(trashEntry),
    canUndo: loaded.canUndo,
    canRedo: loaded.canRedo,
    ...(readOnly ? { readOnly } : {}),
    warnings: loaded.warnings,
    save: loaded.save
  }
}

function trashEntry(item: TrashItem): TrashEntry {
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
  loaded: LoadedAnnotations
): AnnotationDocument[] {
  const heading = (sectionId: string) =>
    briefing.sections.find((s) => s.id === sectionId)?.heading ?? ''
  const base = { briefingId: briefing.id, briefingTitle: briefing.title }
  const firstSection = briefing.sections[0]?.id ?? ''
  return [
    ...loaded.highlights.map((h) => ({
      ...base,
      kind: 'highlight' as const,
      id: h.id,
      sectionId: h.target.sectionId,
      heading: heading(h.target.sectionId),
      text: h.note ? `${h.target.quote.exact}\n\n${h.note}` : h.target.quote.exact,
      tags: h.tags,
      color: h.color
    })),
    ...loaded.notes.map((n) => {
      const sectionId = n.target.kind === 'section' ? n.target.sectionId : firstSection
      return {
        ...base,
        kind: 'note' as const,
        id: n.id,
        sectionId,
        heading: n.target.kind === 'section' ? heading(sectionId) : 'Briefing note',
        text: n.body,
        tags: n.tags
      }
    })
  ]
}
