// Writing a file at a path the analyst named (exports): created only where nothing is, or over a
// file the analyst agreed to replace; never through a symbolic link, never over a file that
// appeared after the analyst was asked.

import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { copyFile, link, lstat } from 'node:fs/promises'
import { dirname } from 'node:path'

import { writeTempFile } from './atomic-write'
import { errorCode, nodeStoreFs } from './node-fs'
import type { StoreFs } from './types'

/** What lstat says is at a path, without following a symbolic link. */
export type PathKind = 'missing' | 'file' | 'symlink' | 'other'

/** The filesystem calls an exclusive write makes (node:fs in the app, a racing disk in tests). */
export interface ExclusiveFs extends Pick<StoreFs, 'open' | 'rename' | 'unlink' | 'syncDir'> {
  /** Hard link: fails with EEXIST when anything is at `to`, a dangling symlink included. */
  link(from: string, to: string): Promise<void>
  /** Copies to `to`, failing with EEXIST when anything is there (O_EXCL: links not followed). */
  copyExclusive(from: string, to: string): Promise<void>
  kindOf(path: string): Promise<PathKind>
}

export const nodeExclusiveFs: ExclusiveFs = {
  open: nodeStoreFs.open,
  rename: nodeStoreFs.rename,
  unlink: nodeStoreFs.unlink,
  syncDir: nodeStoreFs.syncDir,
  link: (from, to) => link(from, to),
  copyExclusive: (from, to) => copyFile(from, to, constants.COPYFILE_EXCL),
  kindOf: async (path) => {
    try {
      const stats = await lstat(path)
      return stats.isSymbolicLink() ? 'symlink' : stats.isFile() ? 'file' : 'other'
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return 'missing'
      throw error
    }
  }
}

/** Why a path was not written: something is there that the analyst did not agree to replace. */
export class TargetTakenError extends Error {
  constructor(
    readonly path: string,
    readonly found: Exclude<PathKind, 'missing'>
  ) {
    super(
      found === 'symlink'
        ? `${path} is a symbolic link; an export never writes through a link`
        : found === 'other'
          ? `${path} is a folder or device, not a file`
          : `a file appeared at ${path}; it was not replaced`
    )
    this.name = 'TargetTakenError'
  }
}

/** Filesystems without hard links (FAT, exFAT, some network shares) refuse link() with these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK'])

/**
 * Writes `text` to `path` from a fsync'd temp file beside it. Without `replace`, the file is
 * created only if nothing is at `path` when it is linked into place (link() never replaces), so a
 * file that appears after any earlier check is kept and TargetTakenError is thrown. With
 * `replace` (the analyst agreed), an existing file is replaced by rename, which swaps the name and
 * never writes into another file. A symbolic link at `path` is refused either way.
 */
export async function writeFileExclusively(
  fs: ExclusiveFs,
  path: string,
  text: string | Uint8Array,
  options: { replace: boolean }
): Promise<void> {
  await refuseTaken(fs, path, options.replace)
  // Random, not only pid and time: two exports in one millisecond must not share a temp file.
  const tmp = await writeTempFile(fs, path, text, randomBytes(6).toString('hex'))
  try {
    await place(fs, tmp, path, options.replace)
  } finally {
    await fs.unlink(tmp).catch(() => undefined)
  }
  await fs.syncDir(dirname(path))
}

async function refuseTaken(fs: ExclusiveFs, path: string, replace: boolean): Promise<void> {
  const kind = await fs.kindOf(path)
  if (kind === 'missing' || (kind === 'file' && replace)) return
  throw new TargetTakenError(path, kind)
}

async function place(fs: ExclusiveFs, tmp: string, path: string, replace: boolean) {
  if (replace) {
    // Checked again just before: the longer the analyst looked at the question, the more may
    // have changed. rename() itself replaces a link, never the file it points to.
    await refuseTaken(fs, path, true)
    await fs.rename(tmp, path)
    return
  }
  try {
    await fs.link(tmp, path)
  } catch (error) {
    const code = errorCode(error) ?? ''
    if (code === 'EEXIST') throw new TargetTakenError(path, await takenKind(fs, path))
    if (!NO_HARD_LINKS.has(code)) throw error
    await copyInPlace(fs, tmp, path)
  }
}

/** Without hard links: an exclusive copy, fsync'd; a failed copy's partial file is removed. */
async function copyInPlace(fs: ExclusiveFs, tmp: string, path: string) {
  try {
    await fs.copyExclusive(tmp, path)
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new TargetTakenError(path, await takenKind(fs, path))
    throw error
  }
  try {
    const copy = await fs.open(path, 'a')
    try {
      await copy.sync()
    } finally {
      await copy.close()
    }
  } catch (error) {
    await fs.unlink(path).catch(() => undefined)
    throw error
  }
}

async function takenKind(fs: ExclusiveFs, path: string): Promise<Exclude<PathKind, 'missing'>> {
  const kind = await fs.kindOf(path).catch(() => 'file' as const)
  return kind === 'missing' ? 'file' : kind
}
