// The annotations of the library's briefings for IPC and import: each change is planned
// (plan-change.ts) and applied in one store write, in the briefing's queue in the store; answers
// anchor highlights on the current text (orphans included) and keep search in step, anchoring and
// re-indexing only the records a change touched (briefing-cache.ts).

import { randomUUID } from 'node:crypto'

import type { AnnotationChangeResult, AnnotationsDelta } from '../../shared/annotation-delta'
import type { AnnotationChange, BriefingAnnotations } from '../../shared/annotation-requests'
import type { Highlight, Note } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import type { AnnotationStore, LoadedAnnotations, StoreChange } from './store/types'
import { StoreError } from './store/store-error'
import type { Library } from '../library/library'
import { AppError } from '../errors'
import { planMerge } from './annotation-merge'
import { planChange } from './plan-change'
import { saveOf, toView } from './briefing-view'
import type { MergeCounts } from './annotation-merge'
import type { AnnotationCounts } from '../library/profile-summaries'
import { countAnnotations } from './annotation-counts'
import { BriefingCache } from './briefing-cache'
import { deltaOf } from './change-delta'
import type { AnnotationSink } from './briefing-cache'

export interface AnnotationService {
  load(briefingId: string): Promise<BriefingAnnotations>
  /** Applies one change; the answer is what changed and names the id it created or changed. */
  change(briefingId: string, change: AnnotationChange): Promise<AnnotationChangeResult>
  /** Undoes the last change; the answer is what changed (nothing, when there was nothing to undo). */
  undo(briefingId: string): Promise<AnnotationsDelta>
  redo(briefingId: string): Promise<AnnotationsDelta>
  /** Retries unsaved writes, then reports whether everything acknowledged is on disk. */
  saveStatus(): Promise<BriefingAnnotations['save']>
  /** Rises with every change of any briefing's annotations (the notebook keeps its listing). */
  changes(): number
  /** Highlights and notes of each briefing (the library's cards); unreadable ones left out. */
  counts(briefingIds: readonly string[]): Promise<Map<string, AnnotationCounts>>
  /**
   * Sends search every briefing's annotations that it lacks (with `resend`, all of them: the
   * search process was restarted). `onProgress` hears how many briefings are left.
   */
  indexAll(options?: { resend?: boolean; onProgress?: (left: number) => void }): Promise<void>
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
  search: AnnotationSink
  now?: () => Date
  newId?: () => string
}

export function createAnnotationService(deps: AnnotationServiceDeps): AnnotationService {
  const now = deps.now ?? (() => new Date())
  const newId = deps.newId ?? randomUUID
  const cache = new BriefingCache(deps.search)
  // Each briefing's revision: a new number (from one counter, so never reused) whenever its
  // annotations or its text change. A delta names the revision it starts from; a renderer whose
  // copy has another loads the whole set again.
  const revisions = new Map<string, { briefing: Briefing; revision: number }>()
  let lastRevision = 0
  const bump = (briefing: Briefing): number => {
    revisions.set(briefing.id, { briefing, revision: ++lastRevision })
    return lastRevision
  }
  const revisionOf = (briefing: Briefing): number => {
    const known = revisions.get(briefing.id)
    return known?.briefing === briefing ? known.revision : bump(briefing)
  }

  function briefingOf(briefingId: string): Briefing {
    const briefing = deps.library().briefings.find((b) => b.id === briefingId)
    if (!briefing)
      throw new AppError('not-found', `No briefing with id "${briefingId}" is in the library.`)
    return briefing
  }

  /** What the renderer sees of `loaded` (at `revision`); search is kept in step with it. */
  function viewOf(
    briefing: Briefing,
    loaded: LoadedAnnotations,
    revision: number
  ): BriefingAnnotations {
    cache.index(briefing, loaded)
    const highlights = cache.anchor(briefing, loaded.highlights)
    return toView(briefing, loaded, deps.store.readOnly, highlights, revision)
  }

  /** What the renderer is told of `changes`, applied between `from` and `to`. */
  function deltaFor(
    briefing: Briefing,
    loaded: LoadedAnnotations,
    changes: readonly StoreChange[],
    revisions: { from: number; to: number }
  ): AnnotationsDelta {
    cache.index(briefing, loaded)
    return deltaOf(loaded, changes, revisions, deps.store.readOnly, (h) =>
      cache.anchorOne(briefing, h)
    )
  }

  // Revisions are read and numbered in the store's queue step that reads or changes the state:
  // after it, the next queued write may already have numbered its own (the renderer would apply a
  // delta to a state it does not start from).
  async function view(briefingId: string): Promise<BriefingAnnotations> {
    const briefing = briefingOf(briefingId)
    let revision = 0
    const loaded = await guard(() =>
      deps.store.load(briefingId, () => {
        revision = revisionOf(briefing)
      })
    )
    return viewOf(briefing, loaded, revision)
  }

  // Reading the records, planning and applying run as one step of the briefing's queue in the
  // store: two edits of one highlight, or an import during an edit, never interleave.
  async function change(
    briefingId: string,
    change: AnnotationChange
  ): Promise<AnnotationChangeResult> {
    const briefing = briefingOf(briefingId)
    const fresh = { at: now().toISOString(), newId }
    let planned: { changes: StoreChange[]; from: number; to: number } | undefined
    const written = await guard(() =>
      deps.store.write(briefingId, (current) => {
        const { changes, changedId } = planChange(briefing, current, change, fresh)
        // Numbered in the queue's step, in the order the store applies the changes. A change
        // the store then refuses leaves a revision no answer names: the renderer reloads.
        planned = { changes, from: revisionOf(briefing), to: bump(briefing) }
        return { changes, result: changedId }
      })
    )
    const { changes, ...between } = planned!
    const delta = deltaFor(briefing, written.annotations, changes, between)
    return { ...delta, changedId: written.result }
  }

  // The state described and its revisions are taken in the same step of the queue as the undo or
  // redo itself.
  async function step(briefingId: string, direction: 'undo' | 'redo'): Promise<AnnotationsDelta> {
    const briefing = briefingOf(briefingId)
    let taken: { loaded: LoadedAnnotations; from: number; to: number } | undefined
    const inStep = (loaded: LoadedAnnotations, stepped: boolean) => {
      const from = revisionOf(briefing)
      taken = { loaded, from, to: stepped ? bump(briefing) : from }
    }
    const stepped = await guard(() =>
      direction === 'undo'
        ? deps.store.undo(briefingId, inStep)
        : deps.store.redo(briefingId, inStep)
    )
    const { loaded, ...between } = taken!
    return deltaFor(briefing, loaded, stepped ? [stepped.change] : [], between)
  }

  return {
    load: view,
    change,
    undo: (briefingId) => step(briefingId, 'undo'),
    redo: (briefingId) => step(briefingId, 'redo'),
    async saveStatus() {
      const status = await deps.store.retryPending()
      return saveOf(status)
    },
    async importRecords(briefingId, highlights, notes, undated) {
      const briefing = briefingOf(briefingId)
      const written = await guard(() =>
        deps.store.write(briefingId, (current) => {
          // An open renderer's copy no longer matches: its next delta makes it load the set.
          bump(briefing)
          return planMerge(current, highlights, notes, undated)
        })
      )
      // Anchored when the briefing is next shown, not for an import nobody is looking at.
      cache.index(briefing, written.annotations)
      return { ...written.result, saved: written.saved }
    },
    changes: () => deps.store.changes,
    counts: (briefingIds) => countAnnotations(deps.store, briefingIds),
    async indexAll({ resend = false, onProgress } = {}) {
      if (resend) cache.forgetIndexed()
      const briefings = deps.library().briefings
      onProgress?.(briefings.length)
      for (const [i, briefing] of briefings.entries()) {
        // One briefing's unreadable annotations must not keep the others unsearchable (or the app
        // from starting): that briefing reports its problem when it is opened. Nothing is
        // anchored here: only search needs every briefing.
        const loaded = await guard(() => deps.store.load(briefing.id)).catch(() => undefined)
        if (loaded) cache.index(briefing, loaded)
        onProgress?.(briefings.length - i - 1)
        await deps.search.drain?.()
      }
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
