// Advisory lock on the annotations folder: `.lock` (created with 'wx') holds the pid of the process
// that writes there. A lock whose pid is no longer running is stale and taken over.

import { join } from 'node:path'

import { LOCK_FILE } from './layout'
import { describeError, errorCode } from '../../fs/node-fs'
import type { StoreFs } from '../../fs/types'

/** Lock files held by stores open in this process (a second store on the same folder waits). */
const heldHere = new Set<string>()

/** The outcome of trying to take the lock. */
export type LockAttempt =
  | { kind: 'held' }
  | { kind: 'other'; pid: number; reason: string }
  | { kind: 'failed'; error: string }

/** The annotations folder's lock, as seen by one store. */
export class FolderLock {
  private held = false
  readonly path: string

  constructor(
    private readonly fs: StoreFs,
    dir: string
  ) {
    this.path = join(dir, LOCK_FILE)
  }

  get isHeld(): boolean {
    return this.held
  }

  /** Takes the lock if free or stale. Never throws. */
  async acquire(): Promise<LockAttempt> {
    if (this.held) return { kind: 'held' }
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.create()
        this.held = true
        heldHere.add(this.path)
        return { kind: 'held' }
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') return { kind: 'failed', error: describeError(error) }
      }
      const pid = await this.holder()
      if (pid !== undefined && isRunning(pid) && (pid !== process.pid || heldHere.has(this.path))) {
        const reason =
          `Another Briefing Reader process (pid ${pid}) is using these annotations; they open ` +
          `read-only. If no other copy is running, delete ${this.path}.`
        return { kind: 'other', pid, reason }
      }
      // Stale: its process is gone (or the file is unreadable garbage). Two processes taking
      // over the same stale lock at once could both succeed; the app's single-instance lock
      // is the primary guard against two processes.
      try {
        await this.fs.unlink(this.path)
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') return { kind: 'failed', error: describeError(error) }
      }
    }
    return { kind: 'failed', error: `could not take ${this.path}` }
  }

  /** Removes the lock file if this store holds it. Never throws. */
  async release(): Promise<void> {
    if (!this.held) return
    this.held = false
    heldHere.delete(this.path)
    try {
      if ((await this.holder()) === process.pid) await this.fs.unlink(this.path)
    } catch {
      // A lock left behind is stale once this process exits: harmless.
    }
  }

  private async create(): Promise<void> {
    const handle = await this.fs.open(this.path, 'wx')
    try {
      await handle.writeFile(`${process.pid}\n`)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  private async holder(): Promise<number | undefined> {
    try {
      const text = Buffer.from(await this.fs.readFile(this.path))
        .toString('utf8')
        .trim()
      return /^\d+$/.test(text) ? Number(text) : undefined
    } catch {
      return undefined
    }
  }
}

/** Whether a process with this pid is running (EPERM: it is, but belongs to someone else). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM'
  }
}
