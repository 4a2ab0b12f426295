// validateDataset: each kind of bad input yields its specific problem, with the file and JSON path.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import type { DatasetFile } from '../../shared/dataset'
import { validateDataset, type DatasetProblem } from './load-dataset'
import { minimal } from '../../test-support/dataset'

const SECTION = '$.briefings[0].sections[0]'

/** Validates a broken copy of `minimal()` as "bad.json". */
function problemsAfter(breakIt: (data: DatasetFile & Record<string, unknown>) => void) {
  const data = minimal() as DatasetFile & Record<string, unknown>
  breakIt(data)
  return validateDataset(JSON.parse(JSON.stringify(data)), 'bad.json')
}

function problem(path: string, message: string): DatasetProblem {
  return { file: 'bad.json', path, message: expect.stringContaining(message) as unknown as string }
}

const section = (data: DatasetFile) => data.briefings[0]!.sections[0]!

describe('validateDataset', () => {
  it('accepts a valid file', () => {
    expect(validateDataset(minimal(), 'ok.json')).toEqual([])
  })

  it('accepts the minimal example in docs/dataset-format.md', () => {
    const doc = fileURLToPath(new URL('../../../docs/dataset-format.md', import.meta.url))
    const example = /```json\n([\s\S]*?)\n```/.exec(readFileSync(doc, 'utf8'))?.[1]
    expect(example, 'a ```json block in the doc').toBeDefined()
    expect(validateDataset(JSON.parse(example!), 'dataset-format.md')).toEqual([])
  })

  it.each([
    [
      'wrong type',
      (d: DatasetFile) => Object.assign(d.entities[0]!, { name: 42 }),
      problem('$.entities[0].name', 'expected string, got number')
    ],
    [
      'missing field',
      (d: DatasetFile) => Reflect.deleteProperty(section(d), 'heading'),
      problem(SECTION, 'missing required field "heading"')
    ],
    [
      'unknown field',
      (d: DatasetFile) => Object.assign(d.entities[1]!, { foo: 1 }),
      problem('$.entities[1].foo', 'unknown field "foo"')
    ],
    [
      'bad kind',
      (d: DatasetFile) => Object.assign(d.entities[1]!, { kind: 'city' }),
      problem('$.entities[1].kind', 'must be one of person, organisation, place, programme')
    ],
    [
      'wrong format',
      (d: DatasetFile) => Object.assign(d, { format: 'other' }),
      problem('$.format', 'must be "briefing-reader/dataset"')
    ],
    [
      'wrong version',
      (d: DatasetFile) => Object.assign(d, { version: 3 }),
      problem('$.version', 'must be one of 1, 2 (got 3)')
    ],
    [
      'bad id',
      (d: DatasetFile) => Object.assign(d.briefings[0]!, { id: 'Modi Tokyo' }),
      problem('$.briefings[0].id', 'lowercase kebab-case id')
    ],
    [
      'negative offset',
      (d: DatasetFile) => Object.assign(section(d).mentions[0]!, { start: -1 }),
      problem(`${SECTION}.mentions[0].start`, 'must be at least 0')
    ],
    [
      'fractional offset',
      (d: DatasetFile) => Object.assign(section(d).mentions[0]!, { end: 6.5 }),
      problem(`${SECTION}.mentions[0].end`, 'expected integer, got number 6.5')
    ],
    [
      'malformed date',
      (d: DatasetFile) => Object.assign(d.briefings[0]!, { published: '23 May 2022' }),
      problem('$.briefings[0].published', 'must be a date written YYYY-MM-DD')
    ],
    [
      'duplicate tag',
      (d: DatasetFile) => d.briefings[0]!.tags.push('diplomacy'),
      problem('$.briefings[0].tags', 'duplicate items')
    ],
    [
      'no sections',
      (d: DatasetFile) => d.briefings[0]!.sections.splice(0),
      problem('$.briefings[0].sections', 'at least 1')
    ],
    [
      'not an object',
      (d: DatasetFile) => Object.assign(d, { entities: {} }),
      problem('$.entities', 'expected array, got object')
    ]
  ])('schema: %s', (_name, breakIt, expected) => {
    expect(problemsAfter(breakIt)).toContainEqual(expected)
  })

  it.each([
    [
      'offsets cutting wrong text',
      (d: DatasetFile) =>
        Object.assign(section(d).mentions[1]!, {
          start: section(d).mentions[1]!.start + 1,
          end: section(d).mentions[1]!.end + 1
        }),
      problem(
        `${SECTION}.mentions[1].text`,
        'text "Tokyo" does not match the section text at [24, 29), which is "okyo."'
      )
    ],
    [
      'end past the text',
      (d: DatasetFile) => Object.assign(section(d).mentions[1]!, { end: 999 }),
      problem(`${SECTION}.mentions[1].end`, 'end 999 is past the end of the text (length 55)')
    ],
    [
      'empty range',
      (d: DatasetFile) => Object.assign(section(d).mentions[0]!, { start: 7 }),
      problem(`${SECTION}.mentions[0].end`, 'end 7 must be greater than start 7')
    ],
    [
      'overlapping mentions',
      (d: DatasetFile) =>
        section(d).mentions.splice(1, 0, {
          start: 3,
          end: 7,
          entity: 'narendra-modi',
          text: 'Modi'
        }),
      problem(`${SECTION}.mentions[1].start`, 'overlaps mentions[0] [0, 7)')
    ],
    [
      'unsorted mentions',
      (d: DatasetFile) => section(d).mentions.reverse(),
      problem(`${SECTION}.mentions[1].start`, 'must be sorted by start')
    ],
    [
      'unknown entity id',
      (d: DatasetFile) => Object.assign(section(d).mentions[0]!, { entity: 'nobody' }),
      problem(`${SECTION}.mentions[0].entity`, 'unknown entity "nobody"')
    ],
    [
      'duplicate entity id',
      (d: DatasetFile) => d.entities.push({ ...d.entities[0]! }),
      problem(
        '$.entities[2].id',
        'duplicate entity id "narendra-modi" (first used at $.entities[0])'
      )
    ],
    [
      'duplicate briefing id',
      (d: DatasetFile) => d.briefings.push(structuredClone(d.briefings[0]!)),
      problem('$.briefings[1].id', 'duplicate briefing id "modi-in-tokyo"')
    ],
    [
      'duplicate section id',
      (d: DatasetFile) => d.briefings[0]!.sections.push(structuredClone(section(d))),
      problem('$.briefings[0].sections[1].id', 'duplicate section id "lead"')
    ],
    [
      'text not NFC',
      (d: DatasetFile) => Object.assign(section(d), { text: 'Cafe\u0301', mentions: [] }),
      problem(`${SECTION}.text`, 'not in Unicode NFC form (first difference at offset 3)')
    ],
    [
      'text not canonical',
      (d: DatasetFile) => Object.assign(section(d), { text: 'One.\nTwo.', mentions: [] }),
      problem(`${SECTION}.text`, 'text is not canonical')
    ],
    [
      'impossible date',
      (d: DatasetFile) => Object.assign(d.briefings[0]!, { published: '2022-02-30' }),
      problem('$.briefings[0].published', '"2022-02-30" is not a real calendar date')
    ]
  ])('semantics: %s', (_name, breakIt, expected) => {
    expect(problemsAfter(breakIt)).toContainEqual(expected)
  })

  it('reports every problem of a file, not just the first', () => {
    const problems = problemsAfter((d) => {
      Object.assign(d.entities[0]!, { kind: 'human', aliases: 'PM Modi' })
      Reflect.deleteProperty(d.briefings[0]!, 'title')
    })
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['$.entities[0].kind', '$.entities[0].aliases', '$.briefings[0]'])
    )
  })
})
