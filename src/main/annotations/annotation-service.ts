// Turns the renderer's annotation requests into store changes: main assigns ids and times,
// re-describes every target from the section's own text, anchors highlights on the current text
// (orphans included) and keeps highlights and notes searchable.

import { randomUUID } from 'node:crypto'

import { describeRange } from '../../shared/anchoring/describe'
import type { AnnotationChange, BriefingAnnotations } from '../../shared/annotation-requests'
import type { Highlight, Note, SectionTarget } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import type { AnnotationStore, StoreChange } from './store/types'
import { StoreError } from './store/store-error'
import type { Library } from '../library/library'
import { AppError } from '../errors'
import { mergeRecords } from './annotation-merge'
import { saveOf, searchDocuments, toView } from './briefing-view'
import type { MergeCounts } from './annotation-merge'
import type { AnnotationSearch } from '../search/annotation-search'

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
   * Merges whole records (from an import) without duplicates and without overwriting later local
   * edits (see annotation-merge.ts).
   */
  importRecords(
    briefingId: string,
    highlights: Highlight[],
    notes: Note[],
    undated: ReadonlySet<string>
  ): Promise<MergeCounts>
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

  // Read-modify-write of one briefing never interleaves: two updates of the same highlight, or an
  // import during an edit, run one after the other.
  const chains = new Map<string, Promise<unknown>>()
  function serial<T>(briefingId: string, work: () => Promise<T>): Promise<T> {
    const next = (chains.get(briefingId) ?? Promise.resolve()).then(work, work)
    chains.set(
      briefingId,
      next.catch(() => undefined)
    )
    return next
  }

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
    change(briefingId, change) {
      return serial(briefingId, async () => {
        const stored = await storeChange(briefingId, change)
        await guard(() => deps.store.apply(briefingId, stored))
        return view(briefingId)
      })
    },
    undo(briefingId) {
      briefingOf(briefingId)
      return serial(briefingId, async () => {
        await guard(() => deps.store.undo(briefingId))
        return view(briefingId)
      })
    },
    redo(briefingId) {
      briefingOf(briefingId)
      return serial(briefingId, async () => {
        await guard(() => deps.store.redo(briefingId))
        return view(briefingId)
      })
    },
    async saveStatus() {
      const status = await deps.store.retryPending()
      return saveOf(status)
    },
    importRecords(briefingId, highlights, notes, undated) {
      briefingOf(briefingId)
      return serial(briefingId, async () => {
        const counts = await guard(() =>
          mergeRecords(deps.store, briefingId, highlights, notes, undated)
        )
        await view(briefingId)
        return counts
      })
    },
    async indexAll() {
      // One briefing's unreadable annotations must not keep the others unsearchable (or the app
      // from starting): that briefing reports its problem when it is opened.
      for (const briefing of deps.library().briefings)
        await view(briefing.id).catch(() => undefined)
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
