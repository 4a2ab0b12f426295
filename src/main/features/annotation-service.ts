// Turns the renderer's annotation requests into store changes: main assigns ids and times,
// re-describes every target from the section's own text, anchors highlights on the current text
// (orphans included) and keeps highlights and notes searchable.

import { randomUUID } from 'node:crypto'

import { anchorTarget } from '../../shared/anchoring/anchor'
import { describeRange } from '../../shared/anchoring/describe'
import type {
  AnnotationChange,
  BriefingAnnotations,
  TrashEntry
} from '../../shared/annotation-requests'
import type { AnchoredHighlight, Highlight, Note, SectionTarget } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import type {
  AnnotationStore,
  LoadedAnnotations,
  StoreChange,
  TrashItem
} from '../annotations/types'
import { StoreError } from '../annotations/store-error'
import type { Library } from '../dataset/library'
import { AppError } from '../ipc/app-error'
import type { AnnotationDocument, AnnotationSearch } from '../search/annotation-search'

export interface AnnotationService {
  load(briefingId: string): Promise<BriefingAnnotations>
  change(briefingId: string, change: AnnotationChange): Promise<BriefingAnnotations>
  undo(briefingId: string): Promise<BriefingAnnotations>
  redo(briefingId: string): Promise<BriefingAnnotations>
  /** Retries unsaved writes, then reports whether everything acknowledged is on disk. */
  saveStatus(): Promise<BriefingAnnotations['save']>
  /** Loads every briefing's annotations once so that search finds them. */
  indexAll(): Promise<void>
  /**
   * Merges whole records (from an import) without duplicates: an identical record is left as is,
   * a changed one is updated, a new one added; records in the trash are left there.
   */
  importRecords(
    briefingId: string,
    highlights: Highlight[],
    notes: Note[]
  ): Promise<{ added: number; updated: number; unchanged: number; trashed: number }>
}

export interface AnnotationServiceDeps {
  store: AnnotationStore
  /** The current library (it changes when briefings are imported). */
  library: () => Library
  search: AnnotationSearch
  now?: () => Date
  newId?: () => string
}

export function createAnnotationService(deps: AnnotationServiceDeps): AnnotationService {
  const now = deps.now ?? (() => new Date())
  const newId = deps.newId ?? randomUUID

  function briefingOf(briefingId: string): Briefing {
    const briefing = deps.library().briefings.find((b) => b.id === briefingId)
    if (!briefing)
      throw new AppError('not-found', `No briefing with id "${briefingId}" is in the library.`)
    return briefing
  }

  async function view(briefingId: string): Promise<BriefingAnnotations> {
    const briefing = briefingOf(briefingId)
    const loaded = await guard(() => deps.store.load(briefingId))
    deps.search.setBriefing(briefingId, searchDocuments(briefing, loaded))
    return toView(briefing, loaded, deps.store.readOnly)
  }

  async function storeChange(briefingId: string, change: AnnotationChange): Promise<StoreChange> {
    const briefing = briefingOf(briefingId)
    const loaded = await guard(() => deps.store.load(briefingId))
    const at = now().toISOString()
    switch (change.op) {
      case 'highlight.create':
        return {
          op: 'highlight.put',
          highlight: {
            id: newId(),
            target: verifiedTarget(briefing, change.target),
            color: change.color,
            tags: cleanTags(change.tags ?? []),
            note: change.note ?? '',
            createdAt: at,
            updatedAt: at
          }
        }
      case 'highlight.update': {
        const old = findById(loaded.highlights, change.id, 'highlight')
        const highlight: Highlight = {
          ...old,
          ...(change.color ? { color: change.color } : {}),
          ...(change.note !== undefined ? { note: change.note } : {}),
          ...(change.tags ? { tags: cleanTags(change.tags) } : {}),
          ...(change.target ? { target: verifiedTarget(briefing, change.target) } : {}),
          updatedAt: at
        }
        return { op: 'highlight.put', highlight }
      }
      case 'note.create': {
        if (change.target.kind === 'section') sectionOf(briefing, change.target.sectionId)
        const note: Note = {
          id: newId(),
          briefingId,
          target: change.target,
          body: change.body,
          tags: cleanTags(change.tags ?? []),
          createdAt: at,
          updatedAt: at
        }
        return { op: 'note.put', note }
      }
      case 'note.update': {
        const old = findById(loaded.notes, change.id, 'note')
        const note: Note = {
          ...old,
          ...(change.body !== undefined ? { body: change.body } : {}),
          ...(change.tags ? { tags: cleanTags(change.tags) } : {}),
          updatedAt: at
        }
        return { op: 'note.put', note }
      }
      default:
        return change
    }
  }

  return {
    load: view,
    async change(briefingId, change) {
      const stored = await storeChange(briefingId, change)
      await guard(() => deps.store.apply(briefingId, stored))
      return view(briefingId)
    },
    async undo(briefingId) {
      briefingOf(briefingId)
      await guard(() => deps.store.undo(briefingId))
      return view(briefingId)
    },
    async redo(briefingId) {
      briefingOf(briefingId)
      await guard(() => deps.store.redo(briefingId))
      return view(briefingId)
    },
    async saveStatus() {
      const status = await deps.store.retryPending()
      return saveOf(status)
    },
    async importRecords(briefingId, highlights, notes) {
      briefingOf(briefingId)
      const counts = { added: 0, updated: 0, unchanged: 0, trashed: 0 }
      const loaded = await guard(() => deps.store.load(briefingId))
      const trashed = new Set(
        loaded.trash.map((t) => (t.kind === 'highlight' ? t.highlight.id : t.note.id))
      )
      const merge = async <T extends { id: string }>(
        records: T[],
        existing: T[],
        change: (record: T) => StoreChange
      ) => {
        for (const record of records) {
          if (trashed.has(record.id)) {
            counts.trashed += 1
            continue
          }
          const old = existing.find((e) => e.id === record.id)
          if (old && JSON.stringify(old) === JSON.stringify(record)) {
            counts.unchanged += 1
            continue
          }
          await guard(() => deps.store.apply(briefingId, change(record)))
          counts[old ? 'updated' : 'added'] += 1
        }
      }
      await merge(highlights, loaded.highlights, (highlight) => ({
        op: 'highlight.put',
        highlight
      }))
      await merge(notes, loaded.notes, (note) => ({ op: 'note.put', note }))
      await view(briefingId)
      return counts
    },
    async indexAll() {
      for (const briefing of deps.library().briefings) await view(briefing.id)
    }
  }
}

/** Store refusals become IPC errors the renderer can show; anything else stays unexpected. */
async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof StoreError)) throw error
    const code =
      error.code === 'read-only'
        ? 'read-only'
        : error.code === 'invalid'
          ? 'invalid-request'
          : 'internal'
    throw new AppError(code, error.message)
  }
}

function sectionOf(briefing: Briefing, sectionId: string) {
  const section = briefing.sections.find((s) => s.id === sectionId)
  if (!section)
    throw new AppError('not-found', `Briefing "${briefing.id}" has no section "${sectionId}".`)
  return section
}

/**
 * The target as main describes it from the section's current text. The renderer's selectors
 * are not trusted: its position must cut out exactly its quote, or the request is refused.
 */
function verifiedTarget(briefing: Briefing, target: SectionTarget): SectionTarget {
  if (target.briefingId !== briefing.id) {
    throw new AppError('invalid-request', 'The highlight names another briefing than the request.')
  }
  const section = sectionOf(briefing, target.sectionId)
  const { start, end } = target.position
  const described =
    end <= section.text.length ? describeRange(section.text, start, end, target) : null
  if (!described || described.quote.exact !== target.quote.exact) {
    throw new AppError(
      'invalid-request',
      `The selected text no longer matches section "${section.heading}"; select it again.`
    )
  }
  return described
}

function findById<T extends { id: string }>(items: T[], id: string, kind: string): T {
  const found = items.find((item) => item.id === id)
  if (!found)
    throw new AppError('not-found', `No ${kind} with id "${id}" (it may be in the trash).`)
  return found
}

/** Trimmed, without duplicates (ignoring case), in the order given. */
export function cleanTags(tags: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of tags) {
    const tag = raw.trim()
    if (!tag || seen.has(tag.toLowerCase())) continue
    seen.add(tag.toLowerCase())
    out.push(tag)
  }
  return out
}

function anchored(briefing: Briefing, highlight: Highlight): AnchoredHighlight {
  const section = briefing.sections.find((s) => s.id === highlight.target.sectionId)
  const result = section
    ? anchorTarget(section.text, highlight.target)
    : { status: 'orphaned' as const }
  return result.status === 'anchored'
    ? { ...highlight, status: 'anchored', range: { start: result.start, end: result.end } }
    : { ...highlight, status: 'orphaned' }
}

function toView(
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

function saveOf(status: { pending: number; lastError?: string }): BriefingAnnotations['save'] {
  return status.pending === 0
    ? { saved: true, pending: 0 }
    : {
        saved: false,
        pending: status.pending,
        ...(status.lastError ? { error: status.lastError } : {})
      }
}

function searchDocuments(briefing: Briefing, loaded: LoadedAnnotations): AnnotationDocument[] {
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
      tags: h.tags
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
