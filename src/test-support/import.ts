// Fixtures shared by the import tests: the seed article and the bundled dataset built from it.

import { readFileSync } from 'node:fs'

import type { DatasetFile } from '../shared/dataset'
import { BUNDLED_PATH, SEED_PATH } from './fixtures'

export { BUNDLED_PATH, SEED_PATH }

/** The raw seed article (fixtures/seed). */
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
