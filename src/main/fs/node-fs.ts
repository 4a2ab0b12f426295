// The store's filesystem calls on node:fs, plus helpers to read error codes. Folder fsync is
// skipped where the platform cannot do it (Windows refuses to open folders for syncing).

import { access, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises'

import type { StoreFs } from './types'

/** Errors fsync of a folder may raise where folders cannot be synced; they are not failures. */
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'EBADF'])

/** StoreFs on node:fs/promises. */
export const nodeStoreFs: StoreFs = {
  readFile: (path) => readFile(path),
  open: (path, flags) => open(path, flags),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true })
  },
  syncDir: async (path) => {
    let handle
    try {
      handle = await open(path, 'r')
      await handle.sync()
    } catch (error) {
      if (!DIR_SYNC_UNSUPPORTED.has(errorCode(error) ?? '')) throw error
    } finally {
      await handle?.close()
    }
  },
  stat: (path) => stat(path),
  exists: async (path) => {
    try {
      await access(path)
      return true
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false
      throw error
    }
  }
}

/** The `code` of a node system error ('ENOENT', 'ENOSPC'...), if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}
