// Durable replacement of a whole file: the one way the app writes a file that must never be seen
// half written (snapshots, library files, search cache, exports, preferences' neighbours).

import { dirname } from 'node:path'

import type { StoreFs } from './types'

/**
 * Replaces `path` with `text` atomically: a new temp file beside it (never an existing one),
 * fsync'd, renamed over `path`, then the folder fsync'd. A crash or a full disk leaves either the
 * old file or the new one, never a mix; the temp file is removed when the write fails.
 */
export async function writeFileAtomically(
  fs: StoreFs,
  path: string,
  text: string | Uint8Array
): Promise<void> {
  const tmp = await writeTempFile(fs, path, text)
  try {
    await fs.rename(tmp, path)
  } catch (error) {
    await fs.unlink(tmp).catch(() => undefined)
    throw error
  }
  await fs.syncDir(dirname(path))
}

/**
 * Writes `text` to a new temp file beside `path` (`<path>.<pid>.<suffix>.tmp`, created, never
 * reused), fsync'd and closed, and returns its name; when that fails nothing is left behind.
 * The step every durable write in the app starts with.
 */
export async function writeTempFile(
  fs: Pick<StoreFs, 'open' | 'unlink'>,
  path: string,
  text: string | Uint8Array,
  suffix: string = Date.now().toString(36)
): Promise<string> {
  const tmp = `${path}.${process.pid}.${suffix}.tmp`
  const handle = await fs.open(tmp, 'wx')
  try {
    await handle.writeFile(text)
    await handle.sync()
    await handle.close()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await fs.unlink(tmp).catch(() => undefined)
    throw error
  }
  return tmp
}
