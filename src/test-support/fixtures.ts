// Paths of the files tests read: the repository's own fixtures (fixtures/, each with its source
// and licence) and the bundled dataset. Nothing here points outside the repository.

import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's root folder. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** The seed article the bundled briefing is built from. */
export const SEED_PATH = resolve(REPO_ROOT, 'fixtures/seed/india-japan-quad-briefing.txt')
/** The W3C Web Annotation model's example files (`correct/`, `incorrect/`). */
export const W3C_EXAMPLES_DIR = resolve(REPO_ROOT, 'fixtures/w3c-web-annotation')
/** The Hypothesis client's anchoring vectors. */
export const HYPOTHESIS_VECTORS_DIR = resolve(REPO_ROOT, 'fixtures/hypothesis-anchoring')
/** The bundled dataset folder and its one file. */
export const DATASET_DIR = resolve(REPO_ROOT, 'resources/dataset')
export const BUNDLED_PATH = resolve(DATASET_DIR, 'india-japan-quad.json')
/** PDF, Word and e-mail files made with LibreOffice, qpdf and Python (see its README), and broken ones. */
export const IMPORT_FORMATS_DIR = resolve(REPO_ROOT, 'fixtures/import-formats')
/** Saved news pages (nav, ads, byline, captions, related links, comments) for the HTML importer. */
export const WEB_PAGES_DIR = resolve(REPO_ROOT, 'fixtures/web-pages')
/** Articles annotated by hand (people, places, organisations) for the entity-proposal benchmark. */
export const ENTITY_ARTICLES_DIR = resolve(REPO_ROOT, 'fixtures/entity-articles')
