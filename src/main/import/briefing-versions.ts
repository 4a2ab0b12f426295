// Replacing an imported briefing with another text of it, keeping its id so its highlights and
// notes stay attached (issue #6): the current text is kept as a numbered version, the new one
// written, the library swapped, highlights re-anchored and reported. Restoring a kept version
// is the same change the other way.

import { join } from 'node:path'

import type { AnchoredHighlight, Highlight } from '../../shared/annotations'
import type { Briefing, DatasetFile, Entity } from '../../shared/dataset'
import { DATASET_FORMAT, DATASET_VERSION } from '../../shared/dataset'
import type { ReanchorReport, VersionList } from '../../shared/version-requests'
import { REANCHOR_STATUSES } from '../../shared/version-requests'
import { nodeStoreFs } from '../fs/node-fs'
import { writeFileAtomically } from '../fs/atomic-write'
import type { StoreFs } from '../fs/types'
import type { ImportServices } from './import-services'
import { LIBRARY_DIR } from '../library/library-loader'
import { validateDataset } from '../library/load-dataset'
import { reanchorPosition } from '../library/reading-positions'
import type { ReadingPositions } from '../library/reading-positions'
import { reanchor } from './reanchor-report'
import { AppError } from '../errors'
import { keepVersion, listVersions, readVersion } from './version-store'

export interface VersionDeps {
  services: ImportServices
  userDataDir: string
  /** Filesystem for the writes (tests inject a failing one); node:fs by default. */
  fs?: StoreFs
  now?: () => Date
  /** Reading positions: the briefing's moves to the same place in the new text. */
  positions?: ReadingPositions
}

/** The imported briefing `briefingId`, or an error saying why it cannot change version. */
export function replaceableBriefing(services: ImportServices, briefingId: string): Briefing {
  const current = services.library.briefings.find((b) => b.id === briefingId)
  if (!current)
    throw new AppError('not-found', `No briefing with id "${briefingId}" is in the library.`)
  if (!services.imported.has(briefingId)) {
    throw new AppError(
      'read-only',
      `“${current.title}” came with the app and cannot be replaced; import the file as a separate briefing instead.`
    )
  }
  return current
}

/**
 * Makes `next` (same id as the current briefing; `entities` holds every entity its mentions
 * name) the current text of the briefing. All or nothing: if keeping the old text, writing the
 * new one or swapping the library fails, the library file, the kept versions and the library in
 * memory are as before and the error is thrown. Re-anchored highlights are then stored through
 * the annotation store (queued and retried like any change if the disk refuses them).
 */
export async function changeVersion(
  deps: VersionDeps,
  next: Briefing,
  entities: Entity[],
  action: ReanchorReport['action']
): Promise<ReanchorReport> {
  const { services, userDataDir } = deps
  const fs = deps.fs ?? nodeStoreFs
  const at = (deps.now ?? (() => new Date()))().toISOString()
  const current = replaceableBriefing(services, next.id)
  const annotations = await services.annotations.load(next.id)
  if (annotations.readOnly) {
    throw new AppError(
      'read-only',
      `The notes of “${current.title}” are read-only (${annotations.readOnly}); it was not changed.`
    )
  }
  const dataset = datasetOf(next, entities)
  const problems = validateDataset(dataset, `${next.id}.json`)
  if (problems.length > 0) throw new AppError('invalid-request', problems[0]!.message)
  const placed = reanchor(
    current,
    next,
    { highlights: annotations.highlights.map(stored), notes: annotations.notes },
    at
  )

  const previous = datasetOf(current, entitiesOf(current, services.library.entities))
  const kept = await keepVersion(fs, userDataDir, previous, at).catch((error: Error) => {
    throw new AppError('internal', `The current text could not be kept: ${error.message}`)
  })
  const path = join(userDataDir, LIBRARY_DIR, `${next.id}.json`)
  try {
    await writeFileAtomically(fs, path, JSON.stringify(dataset, null, 2))
  } catch (error) {
    await kept.discard()
    throw new AppError('internal', `The new text could not be saved: ${(error as Error).message}`)
  }
  const merged = new Map(services.library.entities)
  for (const entity of entities) if (!merged.has(entity.id)) merged.set(entity.id, entity)
  const briefings = services.library.briefings.map((b) => (b.id === next.id ? next : b))
  try {
    await services.replaceLibrary({ entities: merged, briefings }, services.imported)
  } catch (error) {
    await writeFileAtomically(fs, path, JSON.stringify(previous, null, 2)).catch(() => undefined)
    await kept.discard()
    throw error
  }

  await movePosition(deps.positions, current, next)
  const merge = await services.annotations.importRecords(
    next.id,
    placed.changedHighlights,
    placed.changedNotes,
    new Set()
  )
  const counts = Object.fromEntries(
    REANCHOR_STATUSES.map((s) => [s, 0])
  ) as ReanchorReport['counts']
  for (const h of placed.highlights) counts[h.status] += 1
  return {
    briefingId: next.id,
    title: next.title,
    action,
    keptAs: kept.version,
    counts,
    highlights: placed.highlights,
    notes: placed.notes,
    saved: merge.saved && merge.problems.length === 0
  }
}

/** Moves the saved reading position into the new text; a failure only loses the place. */
async function movePosition(
  positions: ReadingPositions | undefined,
  previous: Briefing,
  next: Briefing
): Promise<void> {
  try {
    const saved = await positions?.get(next.id)
    if (saved) await positions?.move(reanchorPosition(saved, previous, next))
  } catch {
    // The analyst reopens at the nearest place they find; nothing else depends on it.
  }
}

/** Restores kept version `version`: the current text is kept as a new version in turn. */
export async function restoreVersion(
  deps: VersionDeps,
  briefingId: string,
  version: number
): Promise<ReanchorReport> {
  replaceableBriefing(deps.services, briefingId)
  const stored = await readVersion(deps.userDataDir, briefingId, version).catch((error: Error) => {
    const missing = (error as { code?: string }).code === 'ENOENT'
    throw new AppError(
      missing ? 'not-found' : 'invalid-request',
      missing ? `Version ${version} of this briefing is not kept.` : error.message
    )
  })
  // The library's own entity records win: the loader refuses a file that defines one differently.
  const library = deps.services.library.entities
  const entities = stored.dataset.entities.map((e) => library.get(e.id) ?? e)
  return changeVersion(deps, stored.dataset.briefings[0]!, entities, 'restored')
}

/** The kept versions of an imported briefing, newest first. */
export async function listBriefingVersions(
  services: ImportServices,
  userDataDir: string,
  briefingId: string
): Promise<VersionList> {
  const current = replaceableBriefing(services, briefingId)
  const versions = await listVersions(userDataDir, briefingId)
  return {
    briefingId,
    title: current.title,
    versions: versions.reverse().map(({ version, keptAt, dataset }) => {
      const b = dataset.briefings[0]!
      return {
        version,
        keptAt,
        title: b.title,
        source: b.source,
        published: b.published,
        sectionCount: b.sections.length
      }
    })
  }
}

/** The entities of `library` that the briefing's mentions name. */
export function entitiesOf(briefing: Briefing, library: ReadonlyMap<string, Entity>): Entity[] {
  const ids = new Set(briefing.sections.flatMap((s) => s.mentions.map((m) => m.entity)))
  return [...ids].map((id) => library.get(id)).filter((e): e is Entity => e !== undefined)
}

function datasetOf(briefing: Briefing, entities: Entity[]): DatasetFile {
  return { format: DATASET_FORMAT, version: DATASET_VERSION, entities, briefings: [briefing] }
}

/** The stored record of a highlight as the view shows it (without where it anchors now). */
function stored(view: AnchoredHighlight): Highlight {
  const record: Partial<AnchoredHighlight> = { ...view }
  delete record.status
  delete record.range
  return record as Highlight
}
