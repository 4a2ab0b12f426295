// Changing an imported briefing's title, source or date: its library file is rewritten
// atomically and the library (and search index, which holds the title) swapped in.

import { join } from 'node:path'

import type { Briefing, DatasetFile } from '../../shared/dataset'
import { DATASET_FORMAT, DATASET_VERSION } from '../../shared/dataset'
import type { BriefingDetailsUpdate } from '../../shared/import-requests'
import { AppError } from '../errors'
import { writeFileAtomically } from '../fs/atomic-write'
import { nodeStoreFs } from '../fs/node-fs'
import { LIBRARY_DIR } from '../library/library-loader'
import { validateDataset } from '../library/load-dataset'
import type { ImportServices } from './import-services'
import { usedEntities } from './prepare-briefing'

/** Applies `update` to an imported briefing; bundled briefings are read-only. */
export async function updateBriefingDetails(
  services: ImportServices,
  userDataDir: string,
  update: BriefingDetailsUpdate
): Promise<Briefing> {
  const { briefingId } = update
  const current = services.library.briefings.find((b) => b.id === briefingId)
  if (!current)
    throw new AppError('not-found', `No briefing with id "${briefingId}" is in the library.`)
  if (!services.imported.has(briefingId)) {
    throw new AppError('read-only', `"${current.title}" came with the app and cannot be changed.`)
  }
  if (update.published !== undefined && Number.isNaN(Date.parse(`${update.published}T00:00:00Z`))) {
    throw new AppError('invalid-request', `"${update.published}" is not a date.`)
  }
  const briefing: Briefing = {
    ...current,
    ...(update.title !== undefined ? { title: update.title.trim() } : {}),
    ...(update.source !== undefined ? { source: update.source.trim() } : {}),
    ...(update.published !== undefined ? { published: update.published } : {})
  }
  const dataset: DatasetFile = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    entities: usedEntities(briefing, [...services.library.entities.values()]),
    briefings: [briefing]
  }
  const problems = validateDataset(dataset, `${briefingId}.json`)
  if (problems.length > 0) throw new AppError('invalid-request', problems[0]!.message)
  await writeFileAtomically(
    nodeStoreFs,
    join(userDataDir, LIBRARY_DIR, `${briefingId}.json`),
    JSON.stringify(dataset, null, 2)
  )
  const briefings = services.library.briefings.map((b) => (b.id === briefingId ? briefing : b))
  await services.replaceLibrary(
    { entities: services.library.entities, briefings },
    services.imported
  )
  return briefing
}
