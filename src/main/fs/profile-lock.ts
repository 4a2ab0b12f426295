// The profile's one-writer lock, across processes: a folder of numbered claims, each created
// whole with an exclusive hard link, so a claim is never seen half written and never stolen.

import { randomUUID } from 'node:crypto'
import { link, mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'

import { currentProcess, isSameProcessAlive } from './process-identity'
import type { ProcessIdentity } from './process-identity'
import { describeError } from '../errors'

/** The lock folder inside a profile (user-data folder). */
export const PROFILE_LOCK_DIR = 'profile.lock'
/** A claim that cannot be read and is younger than this may still be being written. */
export const LOCK_GRACE_MS = 10_000

/** What a claim file holds: who writes the profile, or that nobody does any more. */
export interface LockClaim extends ProcessIdentity {
  /** What holds it ("Briefing Reader", "the command line (import)"). */
  app: string
  /** When the claim was made (ISO). */
  since: string
  released?: true
}

export type LockAttempt =
  | { kind: 'held' }
  | { kind: 'other'; owner?: LockClaim; reason: string }
  | { kind: 'failed'; error: string }

/** The file calls of the lock (node:fs; tests inject failures). */
export interface LockFs {
  mkdir(path: string): Promise<void>
  readdir(path: string): Promise<string[]>
  readFile(path: string): Promise<Uint8Array>
  /** Creates `path` with `data`, fsync'd; fails with EEXIST if it exists. */
  writeNew(path: string, data: string): Promise<void>
  link(existing: string, path: string): Promise<void>
  unlink(path: string): Promise<void>
  mtimeMs(path: string): Promise<number>
}

export const nodeLockFs: LockFs = {
  mkdir: async (path) => void (await mkdir(path, { recursive: true })),
  readdir: (path) => readdir(path),
  readFile: (path) => readFile(path),
  writeNew: async (path, data) => {
    const handle = await open(path, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
  },
  link: (existing, path) => link(existing, path),
  unlink: (path) => unlink(path),
  mtimeMs: async (path) => (await stat(path)).mtimeMs
}

/** Lock folders held by this process (a second holder in the same process is refused). */
const heldHere = new Set<string>()
const CLAIM = /^(\d{1,15})\.json$/
/** Filesystems without hard links (FAT, some shares): the claim is written in place instead. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'])

/**
 * One process's handle on a profile's lock. The newest claim (highest number) says who holds it;
 * taking over a stale claim means creating the next number, which only one process can do.
 */
export class ProfileLock {
  readonly dir: string
  private claim?: string

  constructor(
    userDataDir: string,
    private readonly app: string,
    private readonly fs: LockFs = nodeLockFs,
    private readonly now: () => number = Date.now
  ) {
    this.dir = join(userDataDir, PROFILE_LOCK_DIR)
  }

  get isHeld(): boolean {
    return this.claim !== undefined
  }

  /** Takes the lock if it is free, released or stale. Never throws. */
  async acquire(): Promise<LockAttempt> {
    if (this.claim) return { kind: 'held' }
    try {
      await this.fs.mkdir(this.dir)
      for (let attempt = 0; attempt < 50; attempt++) {
        const top = await this.newest()
        if (top !== undefined) {
          const busy = await this.busy(top)
          if (busy === 'wait') {
            await pause(20)
            continue
          }
          if (busy) return busy
        }
        const next = (top ?? 0) + 1
        if (!(await this.create(next))) continue
        // A slow taker can re-create a number already cleaned away: a higher one means it lost.
        if (((await this.newest()) ?? next) > next) {
          await this.fs.unlink(this.path(next)).catch(() => undefined)
          continue
        }
        this.claim = this.path(next)
        heldHere.add(this.dir)
        await this.cleanUp(next)
        return { kind: 'held' }
      }
      // Still unreadable after a second (or lost every race): another process is taking it.
      return {
        kind: 'other',
        reason: `Another process is taking this profile's lock (${this.dir}).`
      }
    } catch (error) {
      return { kind: 'failed', error: describeError(error) }
    }
  }

  /** Marks the lock released (a newer "released" claim). Never throws. */
  async release(): Promise<void> {
    const claim = this.claim
    if (!claim) return
    this.claim = undefined
    heldHere.delete(this.dir)
    const number = Number(CLAIM.exec(claim.slice(this.dir.length + 1))![1])
    try {
      // Nobody else can create number + 1 while this claim is live: this cannot clash.
      await this.create(number + 1, true)
      await this.cleanUp(number + 1)
    } catch {
      // Left as is, the claim is stale once this process exits.
    }
  }

  private path(number: number): string {
    return join(this.dir, `${number}.json`)
  }

  private async newest(): Promise<number | undefined> {
    let top: number | undefined
    for (const name of await this.fs.readdir(this.dir)) {
      const match = CLAIM.exec(name)
      if (match) top = Math.max(top ?? 0, Number(match[1]))
    }
    return top
  }

  /** Whether claim `number` keeps us out: 'wait' while it may still be being written. */
  private async busy(number: number): Promise<LockAttempt | 'wait' | undefined> {
    const path = this.path(number)
    let owner: LockClaim | undefined
    try {
      owner = parseClaim(Buffer.from(await this.fs.readFile(path)).toString('utf8'))
    } catch {
      return 'wait' // cleaned away meanwhile: look again
    }
    if (!owner) {
      const age = this.now() - (await this.fs.mtimeMs(path).catch(() => 0))
      return age < LOCK_GRACE_MS ? 'wait' : undefined
    }
    if (owner.released) return undefined
    const self = currentProcess()
    const ours = owner.pid === self.pid && owner.host === self.host
    if (ours ? heldHere.has(this.dir) : isSameProcessAlive(owner) !== false) {
      return { kind: 'other', owner, reason: inUseMessage(owner, this.dir) }
    }
    return undefined
  }

  /** Creates claim `number` whole; false if it exists already. */
  private async create(number: number, released = false): Promise<boolean> {
    const claim: LockClaim = {
      ...currentProcess(),
      app: this.app,
      since: new Date(this.now()).toISOString(),
      ...(released && { released: true as const })
    }
    const text = `${JSON.stringify(claim)}\n`
    const temp = join(this.dir, `${number}.${randomUUID()}.tmp`)
    await this.fs.writeNew(temp, text)
    try {
      await this.fs.link(temp, this.path(number))
      return true
    } catch (error) {
      const code = (error as { code?: string }).code ?? ''
      if (code === 'EEXIST') return false
      if (!NO_LINKS.has(code)) throw error
    } finally {
      await this.fs.unlink(temp).catch(() => undefined)
    }
    try {
      await this.fs.writeNew(this.path(number), text)
      return true
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') return false
      throw error
    }
  }

  /** Removes claims two or more behind `newest` and old temp files (never the newest two). */
  private async cleanUp(newest: number): Promise<void> {
    for (const name of await this.fs.readdir(this.dir).catch(() => [])) {
      const match = CLAIM.exec(name)
      const old = match
        ? Number(match[1]) < newest - 1
        : name.endsWith('.tmp') &&
          this.now() - (await this.fs.mtimeMs(join(this.dir, name)).catch(() => 0)) > LOCK_GRACE_MS
      if (old) await this.fs.unlink(join(this.dir, name)).catch(() => undefined)
    }
  }
}

/** "in use by Briefing Reader (pid 42) since 03/12/2026, 09:14:03; …" for messages. */
export function inUseMessage(owner: LockClaim, dir: string): string {
  const since = new Date(owner.since)
  const when = Number.isNaN(since.getTime()) ? owner.since : since.toLocaleString()
  const where = owner.host === hostname() ? '' : ` on ${owner.host}`
  return (
    `This profile is in use by ${owner.app} (pid ${owner.pid}${where}) since ${when}. ` +
    `If it is not running, delete ${dir}.`
  )
}

function parseClaim(text: string): LockClaim | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockClaim> | null
    if (
      typeof value?.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.app === 'string' &&
      typeof value.since === 'string'
    ) {
      return value as LockClaim
    }
  } catch {
    // A claim being written, or damaged: the caller decides by its age.
  }
  return undefined
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
