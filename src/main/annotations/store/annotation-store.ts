// The annotation store: highlights and notes per briefing under <userData>/annotations/<id>/,
// as an fsync'd append-only journal plus periodic snapshots (docs in this folder's README.md).

import { join } from 'node:path'

import { describeError } from '../../errors'
import { ANNOTATIONS_DIR, assertBriefingId, briefingDir } from './layout'
import { nodeStoreFs } from '../../fs/node-fs'
import { ProfileLock } from '../../fs/profile-lock'
import { BriefingSession } from './session'
import type { SessionContext } from './session'
import { StoreError } from './store-error'
import type {
  AnnotationStore,
  ApplyResult,
  StepResult,
  InStep,
  LoadedAnnotations,
  StoreChange,
  StoreOptions,
  StoreStatus,
  WritePlan,
  WriteResult
} from './types'
import type { SaveOutcome } from '../../fs/types'
import { checkChange } from './validate'
import { countsOf, stampOf, StoredCounts } from './stored-counts'
import type { AnnotationCounts } from '../../library/profile-summaries'

export { StoreError } from './store-error'
export type * from './types'

const DEFAULT_COMPACT_EVERY = 500
const DEFAULT_HISTORY_LIMIT = 500

/**
 * Opens the annotation store of a user-data folder and takes the profile's writer lock (or uses
 * `options.lock`, held by the caller). If another live process holds it, the store opens
 * read-only (`store.readOnly` says why); so does `options.readOnly`, without touching the lock.
 * Never throws for disk problems: they are reported in `warnings` and retried on the first write.
 */
export async function openAnnotationStore(
  userDataDir: string,
  options: StoreOptions = {}
): Promise<AnnotationStore> {
  const fs = options.fs ?? nodeStoreFs
  const root = join(userDataDir, ANNOTATIONS_DIR)
  const warnings: string[] = []
  const lock = options.lock ?? new ProfileLock(userDataDir, 'Briefing Reader')
  let readOnly = options.readOnly
  try {
    if (readOnly === undefined) {
      await fs.mkdir(root)
      await fs.syncDir(userDataDir)
      const attempt = await lock.acquire()
      if (attempt.kind === 'other') readOnly = attempt.reason
      if (attempt.kind === 'failed')
        warnings.push(`Could not lock the profile for writing: ${attempt.error}`)
    }
  } catch (error) {
    warnings.push(`Could not create ${root}: ${describeError(error)}`)
  }
  return new Store(root, lock, options.lock === undefined, readOnly, warnings, {
    fs,
    now: options.now ?? (() => new Date()),
    compactEvery: options.compactEvery ?? DEFAULT_COMPACT_EVERY,
    historyLimit: options.historyLimit ?? DEFAULT_HISTORY_LIMIT
  })
}

class Store implements AnnotationStore {
  private readonly sessions = new Map<string, Promise<BriefingSession>>()
  private readonly loaded = new Map<string, BriefingSession>()
  private readonly ctx: SessionContext
  private readonly storedCounts: StoredCounts
  private closed = false
  private writes = 0

  constructor(
    private readonly root: string,
    private readonly lock: ProfileLock,
    /** Whether the lock is the store's own, released on close (else its owner releases it). */
    private readonly ownsLock: boolean,
    readonly readOnly: string | undefined,
    readonly warnings: string[],
    base: Omit<SessionContext, 'readOnly' | 'beforeWrite'>
  ) {
    this.ctx = {
      ...base,
      readOnly: () => this.readOnly,
      beforeWrite: () => this.ensureLock()
    }
    this.storedCounts = new StoredCounts({
      ...this.ctx,
      root,
      openView: (briefingId) => (this.sessions.has(briefingId) ? this.load(briefingId) : undefined)
    })
  }

  async load(briefingId: string, inStep?: InStep): Promise<LoadedAnnotations> {
    const session = await this.session(briefingId)
    return session.run(async () => {
      const current = session.view()
      inStep?.(current, false)
      return current
    })
  }

  get changes(): number {
    return this.writes
  }

  counts(briefingIds: readonly string[]): Promise<Map<string, AnnotationCounts>> {
    return this.storedCounts.of(briefingIds)
  }

  async apply(briefingId: string, change: StoreChange): Promise<ApplyResult> {
    const checked = checkChange(change)
    if (!checked.ok) throw new StoreError('invalid', checked.message)
    const session = await this.session(briefingId)
    return this.afterWrite(session, await session.run(() => session.apply(checked.value)))
  }

  async write<T>(
    briefingId: string,
    plan: (current: LoadedAnnotations) => WritePlan<T>
  ): Promise<WriteResult<T>> {
    const session = await this.session(briefingId)
    return this.afterWrite(
      session,
      await session.run(async () => {
        const { changes, result } = plan(session.view())
        let saved = true
        for (const change of changes) {
          if (!(await session.apply(change)).saved) saved = false
        }
        return { result, saved, annotations: session.view() }
      })
    )
  }

  async undo(briefingId: string, inStep?: InStep): Promise<StepResult | undefined> {
    return this.step(briefingId, 'undo', inStep)
  }

  async redo(briefingId: string, inStep?: InStep): Promise<StepResult | undefined> {
    return this.step(briefingId, 'redo', inStep)
  }

  private async step(
    briefingId: string,
    direction: 'undo' | 'redo',
    inStep: InStep | undefined
  ): Promise<StepResult | undefined> {
    const session = await this.session(briefingId)
    const stepped = await session.run(async () => {
      const applied = await session.step(direction)
      const annotations = session.view()
      inStep?.(annotations, applied !== undefined)
      return applied && { ...applied, annotations }
    })
    return this.afterWrite(session, stepped)
  }

  async compact(briefingId: string): Promise<SaveOutcome> {
    const session = await this.session(briefingId)
    return session.run(() => session.compact())
  }

  status(): StoreStatus {
    let pending = 0
    let lastError: string | undefined
    for (const session of this.loadedSessions()) {
      pending += session.pendingCount
      if (session.pendingCount > 0) lastError = session.lastError ?? lastError
    }
    return lastError === undefined ? { pending } : { pending, lastError }
  }

  async retryPending(): Promise<StoreStatus> {
    await Promise.all(
      this.loadedSessions()
        .filter((session) => session.pendingCount > 0)
        .map((session) => session.run(() => session.flush()))
    )
    return this.status()
  }

  async close(): Promise<StoreStatus> {
    if (this.closed) return this.status()
    this.closed = true
    await Promise.allSettled(this.sessions.values())
    // Let queued work (a background compaction) finish before the lock goes.
    await Promise.all(this.loadedSessions().map((session) => session.run(async () => undefined)))
    await this.retryPending()
    await this.storedCounts.close()
    if (this.ownsLock) await this.lock.release()
    return this.status()
  }

  private session(briefingId: string): Promise<BriefingSession> {
    assertBriefingId(briefingId)
    if (this.closed) throw new StoreError('invalid', 'The annotation store is closed')
    let session = this.sessions.get(briefingId)
    if (!session) {
      session = this.openSession(briefingId)
      this.sessions.set(briefingId, session)
      session.then(
        (loaded) => this.loaded.set(briefingId, loaded),
        // A load that failed unexpectedly (bad data is reported, not thrown) is tried again.
        () => this.sessions.delete(briefingId)
      )
    }
    return session
  }

  /** Loads a briefing, and tells the counts what its files really hold (see StoredCounts.loaded). */
  private async openSession(briefingId: string): Promise<BriefingSession> {
    const dir = briefingDir(this.root, briefingId)
    const stamp = await stampOf(this.ctx.fs, dir)
    const session = await BriefingSession.open(briefingId, dir, this.ctx)
    await this.storedCounts.loaded(briefingId, stamp, countsOf(session.view()))
    return session
  }

  /** Sessions whose load has finished (status() must not wait). */
  private loadedSessions(): BriefingSession[] {
    return [...this.loaded.values()]
  }

  private afterWrite<T>(session: BriefingSession, result: T): T {
    this.writes++
    if (session.needsCompaction()) {
      // Compaction runs in the briefing's queue after this change; its failure loses nothing.
      void session.run(() => session.compact()).catch(() => undefined)
    }
    return result
  }

  private async ensureLock(): Promise<void> {
    if (this.lock.isHeld) return
    const attempt = await this.lock.acquire()
    if (attempt.kind === 'other') throw new StoreError('read-only', attempt.reason)
    if (attempt.kind === 'failed')
      throw new Error(`Could not lock the profile for writing: ${attempt.error}`)
  }
}
