// Loads and validates dataset files (docs/dataset-format.md): JSON syntax, then the schema, then the
// semantic checks, then the merge of every file in a folder into one Library.

import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type { Briefing, DatasetFile, Entity } from '../../shared/dataset'
import { findJsonSyntaxError } from './json-syntax'
import type { Library } from './library'
import { childPath, DatasetLoadError, type DatasetProblem } from './problems'
import { schemaProblems } from './schema-problems'
import { semanticProblems } from './semantic-checks'

export { DatasetLoadError, formatProblem, type DatasetProblem } from './problems'
export { findUntaggedMentions, type UntaggedMention } from './untagged'

/** Every problem of a parsed dataset file: schema violations first; semantic checks if none. */
export function validateDataset(json: unknown, file: string): DatasetProblem[] {
  const problems = schemaProblems(json, file)
  if (problems.length > 0) return problems
  return semanticProblems(json as DatasetFile, file)
}

/** Parses and validates the text of a dataset file; `dataset` is set only when there are no problems. */
export function parseDatasetFile(
  source: string,
  file: string
): { dataset?: DatasetFile; problems: DatasetProblem[] } {
  const text = withoutBom(source)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const found = findJsonSyntaxError(text)
    const message = found
      ? `invalid JSON at line ${found.line}, column ${found.column}: ${found.message}`
      : `invalid JSON: ${(error as Error).message}`
    return { problems: [{ file, path: '', message }] }
  }
  const problems = validateDataset(json, file)
  return problems.length > 0 ? { problems } : { dataset: json as DatasetFile, problems }
}

/**
 * The text of a file whose checks passed in another process (main, which sends the index process
 * each file's size and mtime as it read it): parsed, not checked again. Text that no longer parses
 * (or is no dataset at all) is checked in full, so its problems are told as they would be.
 */
export function parseCheckedFile(
  source: string,
  file: string
): { dataset?: DatasetFile; problems: DatasetProblem[] } {
  let json: Partial<DatasetFile> | null = null
  try {
    json = JSON.parse(withoutBom(source)) as Partial<DatasetFile> | null
  } catch {
    // Told below, by the full check.
  }
  const shaped = Array.isArray(json?.briefings) && Array.isArray(json?.entities)
  return shaped ? { dataset: json as DatasetFile, problems: [] } : parseDatasetFile(source, file)
}

/** The text without the byte-order mark some editors write first (JSON.parse refuses it). */
function withoutBom(source: string): string {
  return source.startsWith('\uFEFF') ? source.slice(1) : source
}

/**
 * Loads every `*.json` file in `dir` (in name order) into one Library. Throws DatasetLoadError
 * listing every problem: invalid files, a briefing id used by two files, an entity id defined
 * differently by two files (repeating an identical entity record is fine), a missing or empty folder.
 */
export async function loadDatasetDir(dir: string): Promise<Library> {
  let names: string[]
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => entry.name)
      .sort()
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read'
    throw new DatasetLoadError([
      { file: dir, path: '', message: `dataset folder ${reason} (${(error as Error).message})` }
    ])
  }
  if (names.length === 0) {
    throw new DatasetLoadError([
      { file: dir, path: '', message: 'dataset folder contains no dataset files (*.json)' }
    ])
  }

  const problems: DatasetProblem[] = []
  const entities = new Map<string, { entity: Entity; file: string }>()
  const briefings = new Map<string, { briefing: Briefing; file: string }>()
  for (const name of names) {
    const file = join(dir, name)
    const parsed = parseDatasetFile(await readFile(file, 'utf8'), file)
    problems.push(...parsed.problems)
    if (!parsed.dataset) continue
    parsed.dataset.entities.forEach((entity, i) => {
      const earlier = entities.get(entity.id)
      if (!earlier) entities.set(entity.id, { entity, file })
      else if (!sameEntity(earlier.entity, entity)) {
        problems.push({
          file,
          path: childPath('$.entities', i),
          message: `entity "${entity.id}" is already defined differently in ${earlier.file}`
        })
      }
    })
    parsed.dataset.briefings.forEach((briefing, i) => {
      const earlier = briefings.get(briefing.id)
      if (!earlier) briefings.set(briefing.id, { briefing, file })
      else {
        problems.push({
          file,
          path: `${childPath('$.briefings', i)}.id`,
          message: `briefing id "${briefing.id}" is already used in ${earlier.file}`
        })
      }
    })
  }
  if (problems.length > 0) throw new DatasetLoadError(problems)

  return {
    entities: new Map([...entities].map(([id, { entity }]) => [id, entity])),
    briefings: [...briefings.values()].map(({ briefing }) => briefing)
  }
}

/** Same record, ignoring the order of keys (files may be written by different tools). */
export function sameEntity(a: Entity, b: Entity): boolean {
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    a.description === b.description &&
    a.aliases.length === b.aliases.length &&
    a.aliases.every((alias, i) => alias === b.aliases[i])
  )
}
