// Snapshot files: written temp, fsync, read back and verified, renamed over (the old one kept
// as snapshot.prev.json); read with validation, quarantining a bad file and falling back.

import { join } from 'node:path'

import { describeError } from '../../errors'
import { ANNOTATION_SCHEMA_VERSION } from '../../../shared/annotations'
import { verifyChecksum, withChecksum } from './checksum'
import { fileTime, SNAPSHOT, SNAPSHOT_PREV, SNAPSHOT_TMP } from './layout'
import { errorCode } from '../../fs/node-fs'
import type { SnapshotFile } from './types'
import type { StoreFs } from '../../fs/types'
import { checkSnapshot, versionOf } from './validate'

type SnapshotRead =
  | { kind: 'missing' }
  | { kind: 'ok'; snapshot: SnapshotFile }
  | { kind: 'newer'; version: number; snapshot?: SnapshotFile }
  | { kind: 'invalid'; reason: string }
  | { kind: 'unreadable'; reason: string }

/** The snapshot a briefing's state starts from, and what happened on the way. */
export interface BaseSnapshot {
  /** Undefined when there is none usable: replay the journals from the start. */
  snapshot?: SnapshotFile
  /** True unless snapshot.json itself was used: then journal.prev.jsonl must be replayed too. */
  fellBack: boolean
  warnings: string[]
  readOnly?: string
}

/**
 * Reads snapshot.json, or snapshot.prev.json if it is missing or bad. A bad file is renamed to
 * `<name>.corrupt-<time>` (only when `mayWrite`; if the rename fails the briefing is read-only so
 * nothing overwrites it). A snapshot from a newer schema makes the briefing read-only.
 */
export async function readBaseSnapshot(
  fs: StoreFs,
  dir: string,
  briefingId: string,
  mayWrite: boolean,
  now: () => Date
): Promise<BaseSnapshot> {
  const base: BaseSnapshot = { fellBack: false, warnings: [] }
  for (const name of [SNAPSHOT, SNAPSHOT_PREV]) {
    const read = await readSnapshotFile(fs, join(dir, name), briefingId)
    switch (read.kind) {
      case 'ok':
        base.snapshot = read.snapshot
        return base
      case 'newer':
        base.readOnly = `${name} was written by a newer version of the app (schema ${read.version})`
        if (read.snapshot) base.snapshot = read.snapshot
        else
          base.warnings.push(`${name} (schema ${read.version}) could not be read by this version`)
        return base
      case 'unreadable':
        base.readOnly = `${name} could not be read: ${read.reason}`
        base.warnings.push(base.readOnly)
        break
      case 'invalid':
        base.warnings.push(await quarantine(fs, dir, name, read.reason, mayWrite, now, base))
        break
      case 'missing':
        break
    }
    base.fellBack = true
  }
  return base
}

async function quarantine(
  fs: StoreFs,
  dir: string,
  name: string,
  reason: string,
  mayWrite: boolean,
  now: () => Date,
  base: BaseSnapshot
): Promise<string> {
  const fallback = name === SNAPSHOT ? 'the previous snapshot is used' : 'it is not used'
  if (!mayWrite) return `${name} is damaged (${reason}); ${fallback}`
  const target = `${name}.corrupt-${fileTime(now())}`
  try {
    let unique = target
    for (let n = 2; await fs.exists(join(dir, unique)); n++) unique = `${target}-${n}`
    await fs.rename(join(dir, name), join(dir, unique))
    await fs.syncDir(dir)
    return `${name} was damaged (${reason}); it was renamed to ${unique} and ${fallback}`
  } catch (error) {
    base.readOnly = `${name} is damaged and could not be set aside (${describeError(error)})`
    return `${name} is damaged (${reason}) and could not be renamed: ${describeError(error)}`
  }
}

async function readSnapshotFile(
  fs: StoreFs,
  path: string,
  briefingId: string
): Promise<SnapshotRead> {
  let text: string
  try {
    text = Buffer.from(await fs.readFile(path)).toString('utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' }
    return { kind: 'unreadable', reason: describeError(error) }
  }
  return parseSnapshot(text, briefingId)
}

/** Parses and checks snapshot text for `briefingId`. */
export function parseSnapshot(text: string, briefingId: string): SnapshotRead {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { kind: 'invalid', reason: `invalid JSON: ${(error as Error).message}` }
  }
  // A snapshot without a checksum predates checksums: accepted, and summed at the next compaction.
  const { value, status } = verifyChecksum(json)
  const version = versionOf(value)
  const checked = checkSnapshot(value)
  // A newer app may sum differently: its version is believed (read-only loses nothing).
  if (version !== undefined && version > ANNOTATION_SCHEMA_VERSION) {
    const usable = checked.ok && checked.value.briefingId === briefingId && status !== 'damaged'
    return { kind: 'newer', version, snapshot: usable ? checked.value : undefined }
  }
  if (!checked.ok) return { kind: 'invalid', reason: checked.message }
  // Covers the sequence number too: a wrong one would skip or replay journal changes.
  if (status === 'damaged') return { kind: 'invalid', reason: 'checksum mismatch' }
  if (checked.value.briefingId !== briefingId) {
    return { kind: 'invalid', reason: `it belongs to briefing "${checked.value.briefingId}"` }
  }
  return { kind: 'ok', snapshot: checked.value }
}

/**
 * Writes snapshot.json atomically: temp file, fsync, read back and check, keep the old snapshot
 * as snapshot.prev.json, rename the temp file over, fsync the folder. Throws on any failure;
 * snapshot.json is then either the old one or (if only the folder fsync failed) the new one.
 */
export async function writeSnapshot(
  fs: StoreFs,
  dir: string,
  snapshot: SnapshotFile
): Promise<void> {
  const text = `${JSON.stringify(withChecksum(snapshot), null, 1)}\n`
  const tmp = join(dir, SNAPSHOT_TMP)
  await writeDurably(fs, tmp, text)
  const back = Buffer.from(await fs.readFile(tmp)).toString('utf8')
  const reread = parseSnapshot(back, snapshot.briefingId)
  if (back !== text || reread.kind !== 'ok' || reread.snapshot.seq !== snapshot.seq) {
    throw new Error(`${SNAPSHOT_TMP} did not read back as written`)
  }
  const path = join(dir, SNAPSHOT)
  // Between these renames snapshot.json is missing; loading then uses snapshot.prev.json and the
  // journal, which still holds every change since that snapshot.
  if (await fs.exists(path)) await fs.rename(path, join(dir, SNAPSHOT_PREV))
  await fs.rename(tmp, path)
  await fs.syncDir(dir)
}

/** Creates or replaces `path` with `text` and fsyncs it (not atomic: use a temp name). */
export async function writeDurably(fs: StoreFs, path: string, text: string): Promise<void> {
  const handle = await fs.open(path, 'w')
  try {
    await handle.writeFile(text)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    throw error
  }
  await handle.close()
}
