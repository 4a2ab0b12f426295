// One briefing's annotations in memory and their undo/redo history: pure, no I/O. The store
// replays journal records into it and journals the changes it applies, undoes and redoes.

import type { Highlight, Note } from '../../../shared/annotations'
import { SortedRecords } from './sorted-records'
import type { SnapshotFile, StoreChange, TrashItem } from './types'

interface Trashed<T> {
  item: T
  deletedAt: string
}

/** Highlights, notes and trash of one briefing, with per-session undo and redo stacks. */
export class BriefingModel {
  private readonly highlights = new SortedRecords<Highlight>()
  private readonly notes = new SortedRecords<Note>()
  private readonly trashedHighlights = new Map<string, Trashed<Highlight>>()
  private readonly trashedNotes = new Map<string, Trashed<Note>>()
  /** Inverse changes of what was applied, newest last. */
  private undoStack: StoreChange[] = []
  /** Changes undone, as the change that redoes each, newest last. */
  private redoStack: StoreChange[] = []

  constructor(
    readonly briefingId: string,
    private readonly historyLimit = 500
  ) {}

  /** A model holding a snapshot's contents (the snapshot must have been validated). */
  static fromSnapshot(snapshot: SnapshotFile, historyLimit?: number): BriefingModel {
    const model = new BriefingModel(snapshot.briefingId, historyLimit)
    for (const h of snapshot.highlights) model.highlights.set(h.id, h)
    for (const n of snapshot.notes) model.notes.set(n.id, n)
    for (const t of snapshot.trash) {
      if (t.kind === 'highlight') {
        model.trashedHighlights.set(t.highlight.id, { item: t.highlight, deletedAt: t.deletedAt })
      } else {
        model.trashedNotes.set(t.note.id, { item: t.note, deletedAt: t.deletedAt })
      }
    }
    return model
  }

  /** Why `change` cannot be applied to the current state, or undefined if it can. */
  problem(change: StoreChange): string | undefined {
    switch (change.op) {
      case 'highlight.put':
        if (change.highlight.target.briefingId !== this.briefingId) {
          const other = change.highlight.target.briefingId
          return `highlight ${change.highlight.id} is on briefing "${other}"`
        }
        if (this.trashedHighlights.has(change.highlight.id))
          return `highlight ${change.highlight.id} is in the trash; restore it first`
        return undefined
      case 'note.put':
        if (change.note.briefingId !== this.briefingId)
          return `note ${change.note.id} belongs to briefing "${change.note.briefingId}"`
        if (this.trashedNotes.has(change.note.id))
          return `note ${change.note.id} is in the trash; restore it first`
        return undefined
      case 'highlight.delete':
        return this.highlights.has(change.id) ? undefined : `no highlight ${change.id}`
      case 'highlight.restore':
        return this.trashedHighlights.has(change.id)
          ? undefined
          : `no highlight ${change.id} in the trash`
      case 'note.delete':
        return this.notes.has(change.id) ? undefined : `no note ${change.id}`
      case 'note.restore':
        return this.trashedNotes.has(change.id) ? undefined : `no note ${change.id} in the trash`
    }
  }

  /** Applies a change read back from disk (no history); returns the problem if it cannot. */
  replay(change: StoreChange, at: string): string | undefined {
    const problem = this.problem(change)
    if (problem === undefined) this.mutate(change, at)
    return problem
  }

  /** Applies a new change (check `problem` first): it becomes undoable and clears redo. */
  apply(change: StoreChange, at: string): void {
    this.push(this.undoStack, this.mutate(change, at))
    this.redoStack = []
  }

  /** Undoes the last change; returns the change it applied, or undefined if none. */
  undo(at: string): StoreChange | undefined {
    const change = this.undoStack.pop()
    if (change) this.push(this.redoStack, this.mutate(change, at))
    return change
  }

  /** Redoes the last undone change; returns the change it applied, or undefined if none. */
  redo(at: string): StoreChange | undefined {
    const change = this.redoStack.pop()
    if (change) this.push(this.undoStack, this.mutate(change, at))
    return change
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0
  }

  /** The current state as snapshot contents, in a stable order (creation time, then id). */
  contents(): Pick<SnapshotFile, 'highlights' | 'notes' | 'trash'> {
    const trash: TrashItem[] = [
      ...[...this.trashedHighlights.values()].map((t): TrashItem => ({
        kind: 'highlight',
        highlight: t.item,
        deletedAt: t.deletedAt
      })),
      ...[...this.trashedNotes.values()].map((t): TrashItem => ({
        kind: 'note',
        note: t.item,
        deletedAt: t.deletedAt
      }))
    ]
    trash.sort((a, b) => compare(a.deletedAt, b.deletedAt) || compare(itemId(a), itemId(b)))
    return {
      highlights: this.highlights.list(),
      notes: this.notes.list(),
      trash
    }
  }

  /** Applies a valid change and returns its inverse. */
  private mutate(change: StoreChange, at: string): StoreChange {
    switch (change.op) {
      case 'highlight.put': {
        const previous = this.highlights.get(change.highlight.id)
        this.highlights.set(change.highlight.id, change.highlight)
        return previous
          ? { op: 'highlight.put', highlight: previous }
          : { op: 'highlight.delete', id: change.highlight.id }
      }
      case 'note.put': {
        const previous = this.notes.get(change.note.id)
        this.notes.set(change.note.id, change.note)
        return previous
          ? { op: 'note.put', note: previous }
          : { op: 'note.delete', id: change.note.id }
      }
      case 'highlight.delete':
        move(this.highlights, this.trashedHighlights, change.id, at)
        return { op: 'highlight.restore', id: change.id }
      case 'highlight.restore':
        unmove(this.trashedHighlights, this.highlights, change.id)
        return { op: 'highlight.delete', id: change.id }
      case 'note.delete':
        move(this.notes, this.trashedNotes, change.id, at)
        return { op: 'note.restore', id: change.id }
      case 'note.restore':
        unmove(this.trashedNotes, this.notes, change.id)
        return { op: 'note.delete', id: change.id }
    }
  }

  private push(stack: StoreChange[], change: StoreChange): void {
    stack.push(change)
    if (stack.length > this.historyLimit) stack.splice(0, stack.length - this.historyLimit)
  }
}

/** What move and unmove need of the live records (a SortedRecords). */
interface Records<T> {
  get(id: string): T | undefined
  set(id: string, item: T): void
  delete(id: string): void
}

function move<T>(from: Records<T>, to: Map<string, Trashed<T>>, id: string, at: string) {
  const item = from.get(id)
  if (item === undefined) throw new Error(`BriefingModel: no ${id} to delete`)
  from.delete(id)
  to.set(id, { item, deletedAt: at })
}

function unmove<T>(from: Map<string, Trashed<T>>, to: Records<T>, id: string) {
  const trashed = from.get(id)
  if (trashed === undefined) throw new Error(`BriefingModel: no ${id} to restore`)
  from.delete(id)
  to.set(id, trashed.item)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function itemId(t: TrashItem): string {
  return t.kind === 'highlight' ? t.highlight.id : t.note.id
}
