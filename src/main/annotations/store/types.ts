// Types of the annotation store: the changes it journals, what it returns, and the small
// filesystem interface it writes through (injectable so tests can make the disk fail on purpose).

import type { Highlight, Note } from '../../../shared/annotations'
import type { SaveStatus } from '../../../shared/annotation-requests'
import type { AnnotationCounts } from '../../library/profile-summaries'
import type { ProfileLock } from '../../fs/profile-lock'
import type { SaveOutcome, StoreFs } from '../../fs/types'

/**
 * One change to a briefing's annotations as the store journals it: whole records are put
 * (create or update); deletes move a record to the trash, restores bring it back.
 * The IPC layer turns the renderer's create/update requests into these.
 */
export type StoreChange =
  | { op: 'highlight.put'; highlight: Highlight }
  | { op: 'highlight.delete'; id: string }
  | { op: 'highlight.restore'; id: string }
  | { op: 'note.put'; note: Note }
  | { op: 'note.delete'; id: string }
  | { op: 'note.restore'; id: string }

/** A journal line: a change plus schema version, sequence number and time of the change. */
export type JournalRecord = StoreChange & {
  /** Schema version (ANNOTATION_SCHEMA_VERSION when written). */
  v: number
  /** Increases by one per change within a briefing; snapshots record the last one they include. */
  seq: number
  /** ISO time the change was made. */
  at: string
}

/** A deleted highlight or note, kept until restored. */
export type TrashItem =
  | { kind: 'highlight'; highlight: Highlight; deletedAt: string }
  | { kind: 'note'; note: Note; deletedAt: string }

/** The contents of `snapshot.json`: the whole state after change `seq`. */
export interface SnapshotFile {
  v: number
  seq: number
  at: string
  briefingId: string
  highlights: Highlight[]
  notes: Note[]
  trash: TrashItem[]
}

/** Result of apply, undo and redo. */
export type ApplyResult = SaveOutcome & {
  /** The change that was applied (for undo/redo: the inverse change). */
  change: StoreChange
  seq: number
  canUndo: boolean
  canRedo: boolean
}

/** An undo or redo, with the state right after it (read in the same step of the queue). */
export type StepResult = ApplyResult & { annotations: LoadedAnnotations }

/**
 * Runs in the same step of the briefing's queue as a load, undo or redo, on the state right after
 * it (`stepped`: whether anything was undone or redone): a caller that numbers revisions does it
 * here, so no other step of the queue can come in between.
 */
export type InStep = (current: LoadedAnnotations, stepped: boolean) => void

/** What a write plan decides from the current state: the changes to apply, in order, and a result. */
export interface WritePlan<T> {
  changes: StoreChange[]
  result: T
}

/** Result of write: the plan's result, the state after the changes, and whether all are on disk. */
export interface WriteResult<T> {
  result: T
  /** Every change is fsync'd (true also when the plan had no changes). */
  saved: boolean
  annotations: LoadedAnnotations
}

/** Everything stored for one briefing, as loaded (or as it is now, if already loaded). */
export interface LoadedAnnotations {
  briefingId: string
  highlights: Highlight[]
  notes: Note[]
  trash: TrashItem[]
  /** Problems found while loading: torn or invalid journal lines, a quarantined snapshot... */
  warnings: string[]
  /** Set (to the reason) when this briefing's annotations cannot be changed. */
  readOnly?: string
  canUndo: boolean
  canRedo: boolean
  save: SaveStatus
}

/** Whether everything is on disk, over all briefings. */
export interface StoreStatus {
  /** Changes applied in memory but not yet written. */
  pending: number
  /** The most recent write error while anything is pending. */
  lastError?: string
}

/** The annotation store of one user-data folder. All methods serialize per briefing. */
export interface AnnotationStore {
  /** Set when the whole store is read-only (another live process holds the lock). */
  readonly readOnly?: string
  /** Problems found while opening the store (for example a lock that could not be taken). */
  readonly warnings: string[]
  /**
   * Rises with every write, undo and redo of any briefing, once its state in memory has changed:
   * a reader that keeps what it read compares it (an unchanged count: nothing changed since).
   */
  readonly changes: number
  /**
   * Highlights and notes of each briefing (the trash left out; a note on a highlight counts as a
   * note too) without reading every store: memory for briefings open here, else the counts
   * file (annotations/counts.json) where the files are unchanged since. Unreadable ones left out.
   */
  counts(briefingIds: readonly string[]): Promise<Map<string, AnnotationCounts>>
  /** Loads a briefing's annotations (first call reads the disk; later calls return memory). */
  load(briefingId: string, inStep?: InStep): Promise<LoadedAnnotations>
  /**
   * Applies a change after checking its shape (for changes from outside main's own code, such
   * as imported files); resolves once it is fsync'd (`saved: true`) or queued (`saved: false`).
   */
  apply(briefingId: string, change: StoreChange): Promise<ApplyResult>
  /**
   * The one write path of main's own changes: runs `plan` on the briefing's current state in the
   * briefing's queue (nothing else runs in between), applies its changes in order and returns the
   * state after them. Changes come from main's typed code, so only whether they fit the current
   * records is checked; the first that does not fit is refused (earlier ones stay applied).
   */
  write<T>(
    briefingId: string,
    plan: (current: LoadedAnnotations) => WritePlan<T>
  ): Promise<WriteResult<T>>
  /** Undoes the last change of this session; undefined when there is nothing to undo. */
  undo(briefingId: string, inStep?: InStep): Promise<StepResult | undefined>
  /** Redoes the last undone change; undefined when there is nothing to redo. */
  redo(briefingId: string, inStep?: InStep): Promise<StepResult | undefined>
  /** Writes a snapshot of the briefing and starts a fresh journal. */
  compact(briefingId: string): Promise<SaveOutcome>
  /** Pending changes and the last write error, over all loaded briefings. */
  status(): StoreStatus
  /** Tries to write every pending change again; the app calls this on a timer. */
  retryPending(): Promise<StoreStatus>
  /** Waits for queued work, tries pending writes once more and releases the lock. */
  close(): Promise<StoreStatus>
}

/** Options of openAnnotationStore. */
export interface StoreOptions {
  /** Filesystem calls; defaults to node:fs. Tests inject failures here. */
  fs?: StoreFs
  /** Clock for record times and quarantine names. */
  now?: () => Date
  /** Compact a briefing's journal once it has more lines than this (default 500). */
  compactEvery?: number
  /** Undo steps kept per briefing (default 500). */
  historyLimit?: number
  /** The profile's writer lock, taken and released by the caller; the store makes its own if absent. */
  lock?: ProfileLock
  /** Opens for reading only, with this reason, without taking the lock (readers need none). */
  readOnly?: string
}
