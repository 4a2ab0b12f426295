// The checked-in dataset validator must be what the generator makes from today's schema and ajv:
// a schema change without regenerating fails here, naming the command that fixes it.

import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import {
  generateDatasetValidator,
  SCHEMA_FILE,
  TYPES_FILE,
  VALIDATOR_FILE
} from './gen-dataset-validator'

const STALE = 'is stale: run `npm run gen:validator` and commit the result'

describe('generated dataset validator', () => {
  it('is byte-identical to a fresh generation from dataset.schema.json', () => {
    const { js, dts } = generateDatasetValidator()
    expect(readFileSync(VALIDATOR_FILE, 'utf8') === js, `${VALIDATOR_FILE} ${STALE}`).toBe(true)
    expect(readFileSync(TYPES_FILE, 'utf8') === dts, `${TYPES_FILE} ${STALE}`).toBe(true)
  })

  it('changes when the schema changes, so a stale file is caught', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { title: string }
    schema.title += ' (edited)'
    expect(generateDatasetValidator(JSON.stringify(schema)).js).not.toBe(
      readFileSync(VALIDATOR_FILE, 'utf8')
    )
  })

  it("counts string lengths in code units, which the schema's limits cannot tell apart", () => {
    // Every length limit in the schema, by where it stands.
    const limits: string[] = []
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return
      const record = node as Record<string, unknown>
      if ('minLength' in record) limits.push(`${at} minLength ${String(record.minLength)}`)
      if ('maxLength' in record) {
        limits.push(`${at} maxLength pattern ${String(record.pattern)}`)
      }
      for (const [key, value] of Object.entries(record)) walk(value, `${at}/${key}`)
    }
    walk(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')), '#')
    // At least one character, whatever is counted; an id's characters are ASCII, one unit each.
    expect(limits.sort()).toEqual([
      '#/$defs/id maxLength pattern ^[a-z0-9]+(-[a-z0-9]+)*$',
      '#/$defs/nonEmptyString minLength 1'
    ])
    expect(generateDatasetValidator().js).not.toContain('ucs2length')
  })
})
