// Writes a benchmark corpus as the app's own files in a temporary folder: a bundled dataset folder
// (a copy of the app's) and a profile whose `library/` holds one dataset file per briefing, as
// imports leave them (src/main/core/library-loader.ts).

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import {
  type Briefing,
  DATASET_FORMAT,
  DATASET_VERSION,
  type DatasetFile,
  type Entity
} from '../../src/shared/dataset'
import { LIBRARY_DIR } from '../../src/main/library/library-loader'
import { formatProblem, validateDataset } from '../../src/main/library/load-dataset'

const BUNDLED = join(dirname(fileURLToPath(import.meta.url)), '../../resources/dataset')

export interface BenchFolders {
  root: string
  datasetDir: string
  userDataDir: string
  /** The profile's imported-briefings folder. */
  libraryDir: string
}

export function datasetFile(briefing: Briefing, entities: Entity[] = []): DatasetFile {
  return { format: DATASET_FORMAT, version: DATASET_VERSION, entities, briefings: [briefing] }
}

/** Writes `briefing` where an import would (atomicity is not needed here: nothing reads yet). */
export function writeBriefing(libraryDir: string, briefing: Briefing, entities?: Entity[]): void {
  const file = datasetFile(briefing, entities)
  writeFileSync(join(libraryDir, `${briefing.id}.json`), JSON.stringify(file))
}

/**
 * Creates the folders and writes every briefing. A sample of the files goes through the app's own
 * validator, so a corpus the app would refuse fails the benchmark loudly instead of measuring
 * an empty library.
 */
export function writeBenchFolders(
  briefings: readonly Briefing[],
  entitiesOf: (briefing: Briefing) => Entity[] = () => []
): BenchFolders {
  for (const briefing of briefings.filter((_, i) => i % 100 === 0)) {
    const file = datasetFile(briefing, entitiesOf(briefing))
    const problems = validateDataset(file, `${briefing.id}.json`)
    if (problems.length > 0) {
      throw new Error(
        `bench corpus is not a valid dataset: ${problems.map(formatProblem).join('; ')}`
      )
    }
  }
  const root = mkdtempSync(join(tmpdir(), 'bench-search-'))
  const datasetDir = join(root, 'dataset')
  const userDataDir = join(root, 'profile')
  const libraryDir = join(userDataDir, LIBRARY_DIR)
  try {
    mkdirSync(datasetDir)
    mkdirSync(libraryDir, { recursive: true })
    for (const name of readdirSync(BUNDLED).filter((n) => n.endsWith('.json'))) {
      copyFileSync(join(BUNDLED, name), join(datasetDir, name))
    }
    for (const briefing of briefings) writeBriefing(libraryDir, briefing, entitiesOf(briefing))
  } catch (error) {
    // A full disk mid-write: the gigabyte written so far is not left in the temporary folder.
    rmSync(root, { recursive: true, force: true })
    throw error
  }
  return { root, datasetDir, userDataDir, libraryDir }
}

export function removeBenchFolders(folders: BenchFolders): void {
  rmSync(folders.root, { recursive: true, force: true })
}
