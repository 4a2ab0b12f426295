// A profile on disk for index engine tests: a bundled dataset folder holding the Quad briefing
// and a library folder with one dataset file per imported briefing, as the app stores imports.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Briefing, DatasetFile, Entity } from '../shared/dataset'
import { DATASET_FORMAT, DATASET_VERSION } from '../shared/dataset'
import { QUAD_BRIEFING, testLibrary } from './search-library'

export interface IndexProfile {
  datasetDir: string
  userDataDir: string
}

/** A dataset file of `briefings`, with the test library's entities unless others are given. */
export function datasetOf(briefings: Briefing[], entities?: Entity[]): DatasetFile {
  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    entities: entities ?? [...testLibrary().entities.values()],
    briefings
  }
}

/** Writes (or replaces) an imported briefing's file in the profile's library folder. */
export function writeBriefing(userDataDir: string, briefing: Briefing, entities?: Entity[]): void {
  const file = join(userDataDir, 'library', `${briefing.id}.json`)
  writeFileSync(file, JSON.stringify(datasetOf([briefing], entities)))
}

/** A new profile under the temp folder (its root pushed to `dirs`, for the test to remove). */
export function makeIndexProfile(
  prefix: string,
  imported: Briefing[],
  dirs: string[]
): IndexProfile {
  const root = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(root)
  const datasetDir = join(root, 'dataset')
  const userDataDir = join(root, 'profile')
  mkdirSync(datasetDir)
  mkdirSync(join(userDataDir, 'library'), { recursive: true })
  writeFileSync(join(datasetDir, 'bundled.json'), JSON.stringify(datasetOf([QUAD_BRIEFING])))
  for (const briefing of imported) writeBriefing(userDataDir, briefing)
  return { datasetDir, userDataDir }
}
