// Test helpers for the annotation store: temporary user-data folders, sample records, and a
// filesystem that fails on demand (ENOSPC with a torn partial write, EACCES...) like a real disk.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Highlight, Note } from '../shared/annotations'
import { nodeStoreFs } from '../main/fs/node-fs'
import type { StoreFileHandle, StoreFs } from '../main/fs/types'

export const BRIEFING = 'quad-summit-2024'

/** A fresh user-data folder; `cleanup` removes it. */
export async function tempUserData(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'br-annotations-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** A valid highlight on BRIEFING. */
export function highlight(id: string, overrides: Partial<Highlight> = {}): Highlight {
  return {
    id,
    target: {
      briefingId: BRIEFING,
      sectionId: 's1',
      quote: {
        type: 'TextQuoteSelector',
        exact: `quote ${id}`,
        prefix: 'before ',
        suffix: ' after'
      },
      position: { type: 'TextPositionSelector', start: 10, end: 20 }
    },
    color: 'yellow',
    tags: ['defence'],
    note: '',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides
  }
}

/** A valid note on BRIEFING. */
export function note(id: string, overrides: Partial<Note> = {}): Note {
  return {
    id,
    briefingId: BRIEFING,
    target: { kind: 'section', sectionId: 's1' },
    body: `Note ${id} — with *markdown* and ünïcödé`,
    tags: [],
    createdAt: '2026-01-01T11:00:00.000Z',
    updatedAt: '2026-01-01T11:00:00.000Z',
    ...overrides
  }
}

export type FaultOp =
  'read' | 'open' | 'write' | 'sync' | 'truncate' | 'rename' | 'mkdir' | 'unlink'

/** A node-error-like error with a `code`. */
export function fsError(code: string, what: string): Error {
  return Object.assign(new Error(`${code}: injected failure, ${what}`), { code })
}

/**
 * StoreFs on node:fs that fails the chosen operations with `code` while `fault` is set. A
 * failing write first writes half its data, as a disk that fills up mid-write does.
 */
export class FaultyFs implements StoreFs {
  fault?: { code: string; ops: FaultOp[]; only?: string }
  /** Number of injected failures so far. */
  failures = 0

  constructor(private readonly base: StoreFs = nodeStoreFs) {}

  /** Makes `ops` fail with `code` until `heal()` (only on paths containing `only`, if given). */
  failWith(code: string, ops: FaultOp[], only?: string): void {
    this.fault = { code, ops, only }
  }

  heal(): void {
    this.fault = undefined
  }

  readFile = async (path: string) => {
    this.check('read', path)
    return this.base.readFile(path)
  }
  exists = (path: string) => this.base.exists(path)
  syncDir = (path: string) => this.base.syncDir(path)

  open = async (path: string, flags: 'a' | 'w' | 'wx'): Promise<StoreFileHandle> => {
    this.check('open', path)
    const handle = await this.base.open(path, flags)
    return {
      writeFile: async (data) => {
        if (this.failing('write', path)) {
          await handle.writeFile(data.slice(0, Math.floor(data.length / 2)))
        }
        this.check('write', path)
        await handle.writeFile(data)
      },
      truncate: async (length) => {
        this.check('truncate', path)
        await handle.truncate(length)
      },
      stat: () => handle.stat(),
      sync: async () => {
        this.check('sync', path)
        await handle.sync()
      },
      close: () => handle.close()
    }
  }

  rename = async (from: string, to: string) => {
    this.check('rename', from)
    await this.base.rename(from, to)
  }

  unlink = async (path: string) => {
    this.check('unlink', path)
    await this.base.unlink(path)
  }

  mkdir = async (path: string) => {
    this.check('mkdir', path)
    await this.base.mkdir(path)
  }

  private failing(op: FaultOp, path: string): boolean {
    if (!this.fault?.ops.includes(op)) return false
    return this.fault.only === undefined || path.includes(this.fault.only)
  }

  private check(op: FaultOp, path: string): void {
    if (this.fault && this.failing(op, path)) {
      this.failures++
      throw fsError(this.fault.code, `${op} '${path}'`)
    }
  }
}
