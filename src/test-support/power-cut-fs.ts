// An in-memory disk behind the StoreFs seam that knows what an fsync made durable: at a simulated
// power cut it keeps only synced file data and synced directory entries, as a strict disk would.

import { dirname } from 'node:path'

import type { StoreFileHandle, StoreFs } from '../main/fs/types'
import { fsError } from './annotation-store'

interface Inode {
  /** What reads see now. */
  data: Uint8Array
  /** What the last fsync of the file put on the platter. */
  durable: Uint8Array
}

type Entry = { kind: 'file'; inode: Inode } | { kind: 'dir' }

/** How a cut treats file data written after the last fsync. */
export type CutMode =
  /** All of it is lost. */
  | 'discard'
  /** Appended bytes may survive in part (a torn last line), as on a real disk. */
  | 'tear'

export class PowerCutDisk {
  /** Names as programs see them now. */
  private live = new Map<string, Entry>()
  /** Names as a folder fsync last recorded them. */
  private durable = new Map<string, Entry>()
  private boot = 0
  /** Filesystem calls left before the scheduled cut. */
  private opsLeft = Infinity
  private pendingCut?: { mode: CutMode; random: () => number }
  /** Whether the power is off (every call through an earlier mount fails). */
  isOff = false

  /** A disk holding the folders `dirs` (durably) and nothing else. */
  constructor(dirs: string[] = []) {
    for (const dir of dirs) for (const path of ancestors(dir)) this.setBoth(path, { kind: 'dir' })
  }

  /** Places a file as if written and fsync'd long ago (test set-up). */
  put(path: string, bytes: Uint8Array): void {
    const data = bytes.slice()
    this.setBoth(path, { kind: 'file', inode: { data, durable: data } })
  }

  /** A file's current bytes, or undefined. */
  get(path: string): Uint8Array | undefined {
    const entry = this.live.get(path)
    return entry?.kind === 'file' ? entry.inode.data.slice() : undefined
  }

  /** Current file paths, sorted. */
  files(): string[] {
    return [...this.live]
      .filter(([, e]) => e.kind === 'file')
      .map(([path]) => path)
      .sort()
  }

  /** Cuts the power just before the `n`-th filesystem call from now (n ≥ 1). */
  cutBefore(n: number, mode: CutMode, random: () => number): void {
    this.opsLeft = n
    this.pendingCut = { mode, random }
  }

  /** Cuts the power now. */
  powerOff(mode: CutMode = 'discard', random: () => number = Math.random): void {
    this.pendingCut = undefined
    this.cut(mode, random)
  }

  /** Power back on: a filesystem for the new boot (calls through older mounts fail with EIO). */
  mount(): StoreFs {
    this.opsLeft = Infinity
    this.pendingCut = undefined
    this.isOff = false
    return new MountedFs(this, this.boot)
  }

  /** Called before every filesystem call of a mount: throws EIO once the power is off. */
  tick(boot: number, what: string): void {
    if (boot !== this.boot || this.isOff) throw fsError('EIO', `${what}: the power is off`)
    if (--this.opsLeft > 0) return
    const cut = this.pendingCut!
    this.pendingCut = undefined
    this.cut(cut.mode, cut.random)
    throw fsError('EIO', `${what}: the power went off`)
  }

  private cut(mode: CutMode, random: () => number): void {
    const survivors = new Map<string, Entry>()
    const paths = [...this.durable.keys()].sort((a, b) => a.length - b.length)
    for (const path of paths) {
      const entry = this.durable.get(path)!
      // A name survives only inside a folder whose own name survived.
      if (dirname(path) !== path && !survivors.has(dirname(path))) continue
      if (entry.kind === 'dir') survivors.set(path, entry)
      else survivors.set(path, { kind: 'file', inode: survivingInode(entry.inode, mode, random) })
    }
    this.live = new Map(survivors)
    this.durable = survivors
    this.boot++
    this.isOff = true
  }

  // The filesystem calls, for MountedFs.

  entry(path: string): Entry | undefined {
    return this.live.get(path)
  }

  setLive(path: string, entry: Entry | undefined): void {
    if (entry) this.live.set(path, entry)
    else this.live.delete(path)
  }

  /** fsync of a folder: its entries as they are now become durable. */
  syncDir(dir: string): void {
    for (const path of new Set([...this.live.keys(), ...this.durable.keys()])) {
      if (dirname(path) !== dir || path === dir) continue
      const entry = this.live.get(path)
      if (entry) this.durable.set(path, entry)
      else this.durable.delete(path)
    }
  }

  private setBoth(path: string, entry: Entry): void {
    this.live.set(path, entry)
    this.durable.set(path, entry)
  }
}

function survivingInode(inode: Inode, mode: CutMode, random: () => number): Inode {
  let bytes = inode.durable
  const extended =
    inode.data.length > bytes.length && bytes.every((byte, i) => inode.data[i] === byte)
  if (mode === 'tear' && extended && random() < 0.5) {
    const extra = inode.data.length - bytes.length
    bytes = inode.data.slice(0, bytes.length + Math.floor(random() * (extra + 1)))
  }
  const data = bytes.slice()
  return { data, durable: data }
}

function ancestors(path: string): string[] {
  const chain = [path]
  while (dirname(chain[0]!) !== chain[0]) chain.unshift(dirname(chain[0]!))
  return chain
}

/** One boot's view of the disk. */
class MountedFs implements StoreFs {
  constructor(
    private readonly disk: PowerCutDisk,
    private readonly boot: number
  ) {}

  private tick(what: string): void {
    this.disk.tick(this.boot, what)
  }

  readFile = async (path: string): Promise<Uint8Array> => {
    this.tick(`read ${path}`)
    return this.file(path).data.slice()
  }

  open = async (path: string, flags: 'a' | 'w' | 'wx'): Promise<StoreFileHandle> => {
    this.tick(`open ${path}`)
    if (this.disk.entry(dirname(path))?.kind !== 'dir') throw fsError('ENOENT', `open ${path}`)
    const existing = this.disk.entry(path)
    if (existing?.kind === 'dir') throw fsError('EISDIR', `open ${path}`)
    if (existing && flags === 'wx') throw fsError('EEXIST', `open ${path}`)
    let inode: Inode
    if (existing) {
      inode = existing.inode
      if (flags === 'w') inode.data = new Uint8Array(0)
    } else {
      inode = { data: new Uint8Array(0), durable: new Uint8Array(0) }
      this.disk.setLive(path, { kind: 'file', inode })
    }
    let position = 0
    return {
      writeFile: async (data) => {
        this.tick(`write ${path}`)
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
        const at = flags === 'a' ? inode.data.length : position
        const next = new Uint8Array(Math.max(inode.data.length, at + bytes.length))
        next.set(inode.data)
        next.set(bytes, at)
        inode.data = next
        position = at + bytes.length
      },
      truncate: async (length) => {
        this.tick(`truncate ${path}`)
        const next = new Uint8Array(length)
        next.set(inode.data.subarray(0, length))
        inode.data = next
      },
      stat: async () => {
        this.tick(`stat ${path}`)
        return { size: inode.data.length }
      },
      sync: async () => {
        this.tick(`sync ${path}`)
        inode.durable = inode.data.slice()
      },
      close: async () => undefined
    }
  }

  rename = async (from: string, to: string): Promise<void> => {
    this.tick(`rename ${from}`)
    const entry = this.disk.entry(from)
    if (!entry) throw fsError('ENOENT', `rename ${from}`)
    if (entry.kind === 'dir' || this.disk.entry(to)?.kind === 'dir') {
      throw fsError('EISDIR', `rename ${from}`)
    }
    if (this.disk.entry(dirname(to))?.kind !== 'dir') throw fsError('ENOENT', `rename to ${to}`)
    this.disk.setLive(to, entry)
    this.disk.setLive(from, undefined)
  }

  unlink = async (path: string): Promise<void> => {
    this.tick(`unlink ${path}`)
    this.file(path)
    this.disk.setLive(path, undefined)
  }

  mkdir = async (path: string): Promise<void> => {
    this.tick(`mkdir ${path}`)
    for (const dir of ancestors(path)) {
      const entry = this.disk.entry(dir)
      if (entry?.kind === 'file') throw fsError('ENOTDIR', `mkdir ${path}`)
      if (!entry) this.disk.setLive(dir, { kind: 'dir' })
    }
  }

  syncDir = async (path: string): Promise<void> => {
    this.tick(`syncDir ${path}`)
    if (this.disk.entry(path)?.kind !== 'dir') throw fsError('ENOENT', `syncDir ${path}`)
    this.disk.syncDir(path)
  }

  exists = async (path: string): Promise<boolean> => {
    this.tick(`exists ${path}`)
    return this.disk.entry(path) !== undefined
  }

  private file(path: string): Inode {
    const entry = this.disk.entry(path)
    if (!entry) throw fsError('ENOENT', path)
    if (entry.kind === 'dir') throw fsError('EISDIR', path)
    return entry.inode
  }
}
