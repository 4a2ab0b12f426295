// Imports are committed in one step (issue #13): an import's files are staged in
// `<userData>/import-staging/<owner>/` under the paths they will have, then a commit record makes
// them the import, and only then are they moved into place. Whatever a crash leaves is completed
// (committed) or rolled back (not committed, owner gone) here, before the library is read.

import { link, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

import { isBriefingId } from '../../shared/ids'
import { errorCode, nodeStoreFs } from '../fs/node-fs'
import { ownerMayLive } from '../fs/stray-temp-files'

/** Imported briefings live here, one dataset file per briefing. */
export const LIBRARY_DIR = 'library'
export const STAGING_DIR = 'import-staging'
/** In a staging folder: its existence is the commit. */
export const COMMIT_RECORD = 'commit.json'
/** `library/<id>.claim`, created exclusively: the id belongs to the staging folder it names. */
export const CLAIM_SUFFIX = '.claim'
const FORMAT = 'briefing-reader/import-commit'

export interface CommitRecord {
  format: typeof FORMAT
  version: 1
  /** Profile-relative paths staged in the folder, moved to the same path in the profile. */
  files: string[]
  /** Profile-relative paths removed (a stale proposal file under a new id). */
  removes: string[]
  /** Briefing ids claimed, released once the files are in place. */
  claims: string[]
}

export function commitRecord(files: string[], removes: string[], claims: string[]): CommitRecord {
  return { format: FORMAT, version: 1, files, removes, claims }
}

export function claimPath(userDataDir: string, id: string): string {
  return join(userDataDir, LIBRARY_DIR, `${id}${CLAIM_SUFFIX}`)
}

/** A staging folder's name: the owner's pid and the time, so a dead owner's can be told. */
export function stagingName(): string {
  const random = Math.random().toString(36).slice(2, 8)
  return `${process.pid}-${Date.now().toString(36)}-${random}`
}

function ownerGone(name: string): boolean {
  const [pid, at] = name.split('-')
  return !ownerMayLive(Number(pid), parseInt(at ?? '', 36))
}

/**
 * Moves a committed import's files into place, removes what it removes, releases its claims and
 * deletes its folder. Idempotent and safe beside its owner doing the same: a file already moved
 * is skipped.
 */
export async function completeCommit(
  userDataDir: string,
  name: string,
  record: CommitRecord
): Promise<void> {
  const folder = join(userDataDir, STAGING_DIR, name)
  const dirs = new Set<string>()
  for (const rel of record.files) {
    const to = join(userDataDir, rel)
    await mkdir(dirname(to), { recursive: true })
    try {
      await rename(join(folder, rel), to)
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error
    }
    dirs.add(dirname(to))
  }
  for (const rel of record.removes) await removeFile(join(userDataDir, rel))
  for (const dir of dirs) await nodeStoreFs.syncDir(dir)
  for (const id of record.claims) await removeFile(claimPath(userDataDir, id))
  await rm(folder, { recursive: true, force: true })
}

/** Releases the claims a staging folder holds and deletes it: an import that never committed. */
export async function rollBack(userDataDir: string, name: string): Promise<void> {
  for (const [id, owner] of await claims(userDataDir)) {
    if (owner === name) await removeFile(claimPath(userDataDir, id))
  }
  await rm(join(userDataDir, STAGING_DIR, name), { recursive: true, force: true })
}

/**
 * Completes every committed import, rolls back those whose owner is gone, and releases claims
 * whose folder no longer exists. One still being staged by a live process is left alone.
 */
export async function settleStagedImports(userDataDir: string): Promise<void> {
  const root = join(userDataDir, STAGING_DIR)
  const names = await readdir(root).catch(() => [] as string[])
  for (const name of names) {
    const record = await readRecord(join(root, name, COMMIT_RECORD))
    if (record) await completeCommit(userDataDir, name, record)
    else if (ownerGone(name)) await rollBack(userDataDir, name)
  }
  const left = new Set(await readdir(root).catch(() => [] as string[]))
  // A folder is made before its claims and deleted after them: a claim without one is orphaned.
  // (An empty claim is still being written where claims cannot be linked into place.)
  for (const [id, owner] of await claims(userDataDir)) {
    if (owner !== '' && !left.has(owner)) await removeFile(claimPath(userDataDir, id))
  }
}

/** Claimed ids and the staging folder each names. */
export async function claims(userDataDir: string): Promise<Map<string, string>> {
  const dir = join(userDataDir, LIBRARY_DIR)
  const names = await readdir(dir).catch(() => [] as string[])
  const found = new Map<string, string>()
  for (const name of names) {
    if (!name.endsWith(CLAIM_SUFFIX)) continue
    const owner = await readFile(join(dir, name), 'utf8').catch(() => undefined)
    if (owner !== undefined) found.set(name.slice(0, -CLAIM_SUFFIX.length), owner.trim())
  }
  return found
}

/** The commit record, or undefined when there is none (not committed) or it is unreadable. */
async function readRecord(path: string): Promise<CommitRecord | undefined> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return undefined
  }
  const record = json as Partial<CommitRecord> | null
  const paths = (v: unknown) => Array.isArray(v) && v.every((p) => typeof p === 'string')
  const inside = (p: string) => !p.split(/[\\/]/).includes('..') && !/^([\\/]|[a-z]:)/i.test(p)
  if (record?.format !== FORMAT || !paths(record.files) || !paths(record.removes)) return undefined
  if (!paths(record.claims) || !record.claims!.every((id) => isBriefingId(id))) return undefined
  if (![...record.files!, ...record.removes!].every(inside)) return undefined
  return record as CommitRecord
}

async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error
  }
}

/**
 * Claims `id` for the staging folder `owner`: the claim is written whole beside its path, then
 * hard-linked there, which fails when the path exists. False when the id is claimed already.
 */
export async function writeClaim(userDataDir: string, id: string, owner: string): Promise<boolean> {
  const path = claimPath(userDataDir, id)
  await mkdir(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`
  await writeFile(tmp, owner, { flag: 'wx' })
  try {
    await link(tmp, path)
    return true
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false
    if (!NO_HARD_LINKS.has(errorCode(error) ?? '')) throw error
    // A filesystem without hard links (FAT, some network shares): create exclusively instead.
    return writeFile(path, owner, { flag: 'wx' }).then(
      () => true,
      (failure: unknown) => {
        if (errorCode(failure) === 'EEXIST') return false
        throw failure
      }
    )
  } finally {
    await removeFile(tmp)
  }
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV'])

export function releaseClaim(userDataDir: string, id: string): Promise<void> {
  return removeFile(claimPath(userDataDir, id))
}
