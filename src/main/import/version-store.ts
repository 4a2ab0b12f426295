// Previous versions of imported briefings, kept in the profile (issue #6) as
// `<userData>/versions/<briefingId>/<n>.json`: outside `<userData>/library`, which the loader
// scans, so a kept version is never loaded as a briefing. Each file is written atomically.

import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { DatasetFile } from '../../shared/dataset'
import { assertBriefingId } from '../annotations/store/layout'
import { writeFileAtomically } from '../fs/atomic-write'
import type { StoreFs } from '../fs/types'
import { parseDatasetFile } from '../library/load-dataset'

export const VERSIONS_DIR = 'versions'
const FORMAT = 'briefing-reader/version'

export interface StoredVersion {
  version: number
  /** When this text stopped being the current one. */
  keptAt: string
  /** The briefing as it was, with the entities its mentions name. */
  dataset: DatasetFile
}

export function versionsDir(userDataDir: string, briefingId: string): string {
  assertBriefingId(briefingId)
  return join(userDataDir, VERSIONS_DIR, briefingId)
}

/** Every readable kept version of a briefing, oldest first; damaged files are left out. */
export async function listVersions(
  userDataDir: string,
  briefingId: string
): Promise<StoredVersion[]> {
  const dir = versionsDir(userDataDir, briefingId)
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const numbers = names
    .map((name) => /^([1-9]\d{0,6})\.json$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
  const versions: StoredVersion[] = []
  for (const n of numbers) {
    const stored = await readVersion(userDataDir, briefingId, n).catch(() => undefined)
    if (stored) versions.push(stored)
  }
  return versions
}

/** Reads and validates kept version `n`; throws with a message saying what is wrong. */
export async function readVersion(
  userDataDir: string,
  briefingId: string,
  n: number
): Promise<StoredVersion> {
  const path = join(versionsDir(userDataDir, briefingId), `${n}.json`)
  const raw: unknown = JSON.parse(await readFile(path, 'utf8'))
  const record = raw as { format?: unknown; keptAt?: unknown; dataset?: unknown }
  if (record.format !== FORMAT || typeof record.keptAt !== 'string') {
    throw new Error(`${path} is not a kept version`)
  }
  const { dataset, problems } = parseDatasetFile(JSON.stringify(record.dataset), path)
  if (!dataset) throw new Error(`${path}: ${problems[0]?.message ?? 'invalid dataset'}`)
  if (dataset.briefings.length !== 1 || dataset.briefings[0]!.id !== briefingId) {
    throw new Error(`${path} holds another briefing`)
  }
  return { version: n, keptAt: record.keptAt, dataset }
}

/**
 * Keeps `dataset` (one briefing) as the next version number, written atomically. Returns the
 * number and a function that removes the file again (to undo it when a later step fails).
 */
export async function keepVersion(
  fs: StoreFs,
  userDataDir: string,
  dataset: DatasetFile,
  keptAt: string
): Promise<{ version: number; discard: () => Promise<void> }> {
  const briefingId = dataset.briefings[0]!.id
  const dir = versionsDir(userDataDir, briefingId)
  const existing = await readdir(dir).catch(() => [] as string[])
  const highest = existing
    .map((name) => Number(/^(\d+)\.json$/.exec(name)?.[1] ?? 0))
    .reduce((max, n) => Math.max(max, n), 0)
  const version = highest + 1
  const path = join(dir, `${version}.json`)
  await fs.mkdir(dir)
  await writeFileAtomically(fs, path, JSON.stringify({ format: FORMAT, keptAt, dataset }, null, 2))
  return { version, discard: () => fs.unlink(path).catch(() => undefined) }
}
