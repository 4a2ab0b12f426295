// Fixtures shared by the import tests: the seed article and the bundled dataset built from it.

import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { DatasetFile } from '../../shared/dataset'

const HERE = dirname(fileURLToPath(import.meta.url))
export const SEED_PATH = resolve(HERE, '../../../../shared/seed/india-japan-quad-briefing.txt')
export const BUNDLED_PATH = resolve(HERE, '../../../resources/dataset/india-japan-quad.json')

/** The raw seed article (beside the repository, in ../shared/seed). */
export function seedText(): string {
  return readFileSync(SEED_PATH, 'utf8')
}

/** The bundled dataset generated from the seed article. */
export function bundledDataset(): DatasetFile {
  return JSON.parse(readFileSync(BUNDLED_PATH, 'utf8')) as DatasetFile
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
