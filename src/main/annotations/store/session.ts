// One open briefing: its model, its journal and its queue. Every call runs in a per-briefing
// promise chain, so journal appends never interleave; a failed write stays queued in memory.

import { dirname, join } from 'node:path'

import { describeError } from '../../errors'
import { ANNOTATION_SCHEMA_VERSION } from '../../../shared/annotations'
import { serializeRecord } from './journal'
import { fileTime, JOURNAL, JOURNAL_PREV, JOURNAL_TMP } from './layout'
import { loadBriefing } from './load'
import type { LoadedBriefing } from './load'
import { writeDurably, writeSnapshot } from './snapshot'
import { StoreError } from './store-error'
import type { ApplyResult, JournalRecord, LoadedAnnotations, StoreChange } from './types'
import type { SaveOutcome, StoreFs } from '../../fs/types'
import { log } from '../../log/log'

/** What a session needs from its store. */
export interface SessionContext {
  fs: StoreFs
  now: () => Date
  compactEvery: number
  historyLimit: number
  /** The store-wide read-only reason, if any (checked on every write). */
  readOnly: () => string | undefined
  /** Called before touching the disk; throws if writing is not possible now (lock). */
  beforeWrite: () => Promise<void>
}

/** One briefing's annotations in memory, with what is needed to keep the disk in step. */
export class BriefingSession {
  /** Changes applied in memory and not yet on disk, oldest first. */
  private pending: JournalRecord[] = []
  lastError?: string
  private queue: Promise<unknown> = Promise.resolve()
  private compactAt: number
  /** The bytes of an append that failed: the only bytes past the good end this session wrote. */
  private attempt?: Buffer

  private constructor(
    readonly briefingId: string,
    private readonly dir: string,
    private readonly ctx: SessionContext,
    private readonly disk: LoadedBriefing
  ) {
    this.compactAt = ctx.compactEvery
  }

  /** Reads a briefing from disk (never throws on bad data; see `warnings`). */
  static async open(
    briefingId: string,
    dir: string,
    ctx: SessionContext
  ): Promise<BriefingSession> {
    const loaded = await loadBriefing(ctx.fs, dir, briefingId, {
      mayWrite: ctx.readOnly() === undefined,
      now: ctx.now,
      historyLimit: ctx.historyLimit
    })
    return new BriefingSession(briefingId, dir, ctx, loaded)
  }

  get pendingCount(): number {
    return this.pending.length
  }

  /** Runs `task` after every earlier task of this briefing has finished. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task)
    this.queue = result.catch(() => undefined)
    return result
  }

  /** The current state (call inside `run`). */
  view(): LoadedAnnotations {
    const readOnly = this.readOnly()
    return {
      briefingId: this.briefingId,
      ...this.disk.model.contents(),
      warnings: [...this.disk.warnings],
      ...(readOnly !== undefined && { readOnly }),
      canUndo: this.disk.model.canUndo,
      canRedo: this.disk.model.canRedo,
      save: {
        saved: this.pending.length === 0,
        pending: this.pending.length,
        ...(this.lastError !== undefined && { error: this.lastError })
      }
    }
  }

  /** Applies a checked change (call inside `run`). */
  async apply(change: StoreChange): Promise<ApplyResult> {
    this.assertWritable()
    const problem = this.disk.model.problem(change)
    if (problem !== undefined) throw new StoreError('invalid', `Cannot ${change.op}: ${problem}`)
    const at = this.ctx.now().toISOString()
    this.disk.model.apply(change, at)
    return this.journal(change, at)
  }

  /** Undoes (or redoes) the last change (call inside `run`); undefined if there is none. */
  async step(direction: 'undo' | 'redo'): Promise<ApplyResult | undefined> {
    this.assertWritable()
    const at = this.ctx.now().toISOString()
    const change = direction === 'undo' ? this.disk.model.undo(at) : this.disk.model.redo(at)
    return change && this.journal(change, at)
  }

  /** Writes pending changes to the journal (call inside `run`). */
  async flush(): Promise<SaveOutcome> {
    if (this.pending.length === 0) return { saved: true }
    const batch = this.pending.slice()
    try {
      await this.ctx.beforeWrite()
      await this.append(batch.map(serializeRecord).join(''))
    } catch (error) {
      this.lastError = describeError(error)
      log.warn(
        `annotations of ${this.briefingId}: ${batch.length} change(s) not saved, kept in memory for a retry: ${this.lastError}`
      )
      return { saved: false, error: this.lastError }
    }
    this.pending.splice(0, batch.length)
    this.disk.journal.lineCount += batch.length
    if (this.lastError !== undefined) {
      log.info(`annotations of ${this.briefingId}: saved after a retry (${batch.length} change(s))`)
    }
    this.lastError = undefined
    return { saved: true }
  }

  /**
   * Writes a snapshot of the current state (pending changes included) and starts a fresh
   * journal (call inside `run`). On failure the journal is still complete.
   */
  async compact(): Promise<SaveOutcome> {
    this.assertWritable()
    const { fs } = this.ctx
    const seq = this.disk.lastSeq
    try {
      await this.ctx.beforeWrite()
      await fs.mkdir(this.dir)
      await writeSnapshot(fs, this.dir, {
        v: ANNOTATION_SCHEMA_VERSION,
        seq,
        at: this.ctx.now().toISOString(),
        briefingId: this.briefingId,
        ...this.disk.model.contents()
      })
    } catch (error) {
      this.compactAt = this.disk.journal.lineCount + this.ctx.compactEvery
      return { saved: false, error: describeError(error) }
    }
    // Everything up to `seq` is now in snapshot.json: pending changes are saved.
    this.pending = []
    this.lastError = undefined
    this.disk.snapshotSeq = seq
    try {
      // Unusable lines are kept in a side file first; if that fails they stay in the journal.
      if (!(await this.preserveRejected())) throw new Error('rejected lines not preserved')
      await this.rotateJournal()
      this.compactAt = this.ctx.compactEvery
    } catch {
      // The old journal stays; loading skips its lines up to `seq`. Rotation is retried later.
      this.compactAt = this.disk.journal.lineCount + this.ctx.compactEvery
    }
    return { saved: true }
  }

  /** Whether the journal has grown past the compaction threshold. */
  needsCompaction(): boolean {
    return (
      this.readOnly() === undefined &&
      this.disk.journal.lineCount + this.pending.length > this.compactAt
    )
  }

  private readOnly(): string | undefined {
    return this.ctx.readOnly() ?? this.disk.readOnly
  }

  private assertWritable(): void {
    const reason = this.readOnly()
    if (reason !== undefined) throw new StoreError('read-only', reason)
  }

  private async journal(change: StoreChange, at: string): Promise<ApplyResult> {
    const seq = ++this.disk.lastSeq
    this.pending.push({ v: ANNOTATION_SCHEMA_VERSION, seq, at, ...change })
    const outcome = await this.flush()
    const { canUndo, canRedo } = this.disk.model
    return { ...outcome, change, seq, canUndo, canRedo }
  }

  /**
   * Appends `text` at the end of the known-good journal and fsyncs it before returning. Bytes
   * past that end are cut only if they are ours (a torn line seen at load, or a failed write of
   * ours); anything else was written by another process, and this session turns read-only.
   */
  private async append(text: string): Promise<void> {
    const { fs } = this.ctx
    const journal = this.disk.journal
    const path = join(this.dir, JOURNAL)
    if (!journal.exists) await fs.mkdir(this.dir)
    const handle = await fs.open(path, 'a')
    let written = text
    try {
      const { size } = await handle.stat()
      if (size > journal.goodLength) {
        const extra = Buffer.from(await fs.readFile(path)).subarray(journal.goodLength)
        if (!this.mayCut(extra)) {
          this.disk.readOnly = foreignWriteMessage(this.briefingId)
          log.error(`annotations of ${this.briefingId}: ${this.disk.readOnly}`)
          throw new StoreError('read-only', this.disk.readOnly)
        }
        // A torn line or our own failed write: drop it so the next line is not glued onto it.
        await handle.truncate(journal.goodLength)
      }
      // Shorter than we know (changed behind our back): start on a fresh line.
      if (size < journal.goodLength) {
        journal.goodLength = size
        if (size > 0) written = `\n${text}`
      }
      this.attempt = Buffer.from(written)
      await handle.writeFile(written)
      await handle.sync()
    } catch (error) {
      await handle.close().catch(() => undefined)
      throw error
    }
    await handle.close()
    this.attempt = undefined
    journal.tail = undefined
    if (!journal.exists) {
      // The new file's (and maybe the new folder's) name must survive a power cut too.
      await fs.syncDir(this.dir)
      await fs.syncDir(dirname(this.dir))
      journal.exists = true
    }
    journal.goodLength += Buffer.byteLength(written)
  }

  /** Whether bytes past the good end are ours to cut: the tail seen at load or our failed write. */
  private mayCut(extra: Buffer): boolean {
    const tail = this.disk.journal.tail
    if (tail !== undefined && extra.equals(tail)) return true
    return this.attempt !== undefined && this.attempt.subarray(0, extra.length).equals(extra)
  }

  /** Replaces the journal with an empty one, keeping the old one as journal.prev.jsonl. */
  private async rotateJournal(): Promise<void> {
    const { fs } = this.ctx
    const journal = this.disk.journal
    await writeDurably(fs, join(this.dir, JOURNAL_TMP), '')
    if (journal.exists) {
      await fs.rename(join(this.dir, JOURNAL), join(this.dir, JOURNAL_PREV))
      this.disk.journal = { exists: false, goodLength: 0, lineCount: 0 }
    }
    this.attempt = undefined
    await fs.rename(join(this.dir, JOURNAL_TMP), join(this.dir, JOURNAL))
    await fs.syncDir(this.dir)
    this.disk.journal = { exists: true, goodLength: 0, lineCount: 0 }
  }

  /** Keeps journal lines that could not be used in a side file; false if that failed. */
  private async preserveRejected(): Promise<boolean> {
    if (this.disk.rejected.length === 0) return true
    const name = `journal.rejected-${fileTime(this.ctx.now())}.txt`
    try {
      await writeDurably(this.ctx.fs, join(this.dir, name), `${this.disk.rejected.join('\n')}\n`)
      await this.ctx.fs.syncDir(this.dir)
      this.disk.rejected = []
      return true
    } catch {
      return false
    }
  }
}

function foreignWriteMessage(briefingId: string): string {
  return (
    `The annotations of ${briefingId} were changed on disk by another program; they are ` +
    `read-only here so its changes are not overwritten. Restart Briefing Reader to see them.`
  )
}
