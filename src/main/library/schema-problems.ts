// Structural validation of a dataset file against dataset.schema.json (ajv, JSON Schema 2020-12),
// with ajv's errors rewritten as short messages that name the JSON path of the offending value.
// The validator is compiled ahead of time (scripts/gen-dataset-validator.ts): compiling the schema
// at first use cost every process ~0.5 s of its start.

import type { ErrorObject } from 'ajv'

import validate from './dataset-validator.generated'
import { childPath, pointerToPath, type DatasetProblem } from './problems'

/** Checks `json` against the dataset schema; returns one problem per violation (none when valid). */
export function schemaProblems(json: unknown, file: string): DatasetProblem[] {
  if (validate(json)) return []
  return (validate.errors ?? []).map((error) => ({ file, ...describe(error) }))
}

/** Messages for the patterned strings, keyed by the `$defs` entry that declares the pattern. */
const PATTERN_MESSAGES: Record<string, string> = {
  id: 'must be a lowercase kebab-case id such as "narendra-modi"',
  tag: 'must be a lowercase kebab-case tag such as "defence"',
  date: 'must be a date written YYYY-MM-DD'
}

function describe(error: ErrorObject): { path: string; message: string } {
  const path = pointerToPath(error.instancePath)
  const params = error.params as Record<string, unknown>
  const got = ` (got ${show(error.data)})`
  switch (error.keyword) {
    case 'type':
      return { path, message: `expected ${String(params.type)}, got ${typeName(error.data)}` }
    case 'required':
      return { path, message: `missing required field "${String(params.missingProperty)}"` }
    case 'additionalProperties': {
      const field = String(params.additionalProperty)
      return { path: childPath(path, field), message: `unknown field "${field}"` }
    }
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}${got}`
      }
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}${got}` }
    case 'pattern': {
      const def = /#\/\$defs\/([^/]+)\/pattern$/.exec(error.schemaPath)?.[1] ?? ''
      const message = PATTERN_MESSAGES[def] ?? `must match the pattern ${String(params.pattern)}`
      return { path, message: message + got }
    }
    case 'minLength':
      return { path, message: 'must not be empty' }
    case 'minItems':
      return { path, message: `must have at least ${String(params.limit)} item(s)` }
    case 'minimum':
      return { path, message: `must be at least ${String(params.limit)}${got}` }
    case 'maximum':
      return { path, message: `must be at most ${String(params.limit)}${got}` }
    case 'uniqueItems':
      return {
        path,
        message: `has duplicate items: [${String(params.j)}] and [${String(params.i)}] are equal`
      }
    default:
      return { path, message: error.message ?? `fails the "${error.keyword}" rule` }
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number' && !Number.isInteger(value)) return `number ${value}`
  return typeof value
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
