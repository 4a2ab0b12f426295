// parseDatasetFile reports JSON syntax errors by line and column; loadDatasetDir merges a folder of
// files and throws DatasetLoadError for bad, conflicting or missing files.

import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { DatasetLoadError, loadDatasetDir, parseDatasetFile } from './load-dataset'
import { minimal } from '../../test-support/dataset'

describe('parseDatasetFile', () => {
  it('returns the dataset of a valid file', () => {
    const result = parseDatasetFile(JSON.stringify(minimal(), null, 2), 'ok.json')
    expect(result).toEqual({ dataset: minimal(), problems: [] })
  })

  it('reports invalid JSON with line and column', () => {
    const source = '{\n  "format": "briefing-reader/dataset",\n  "version": 1,,\n}'
    expect(parseDatasetFile(source, 'broken.json')).toEqual({
      problems: [
        {
          file: 'broken.json',
          path: '',
          message: expect.stringMatching(
            /^invalid JSON at line 3, column 16: unexpected character ","/
          )
        }
      ]
    })
  })

  it('reports a truncated file at its end', () => {
    const { problems } = parseDatasetFile('{\n  "entities": [', 'short.json')
    expect(problems[0]?.message).toMatch(
      /^invalid JSON at line 2, column 16: unexpected end of input/
    )
  })

  it('accepts a byte order mark', () => {
    expect(parseDatasetFile('\uFEFF' + JSON.stringify(minimal()), 'bom.json').problems).toEqual([])
  })
})

describe('loadDatasetDir', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dataset-test-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const put = (name: string, data: unknown) =>
    writeFile(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data))

  async function loadError(): Promise<DatasetLoadError> {
    const error = await loadDatasetDir(dir).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(DatasetLoadError)
    return error as DatasetLoadError
  }

  it('merges files in name order; an identical entity repeated across files is fine', async () => {
    const second = minimal()
    second.briefings[0]!.id = 'second-briefing'
    await put('b.json', second)
    await put('a.json', minimal())
    await put('notes.txt', 'not a dataset')
    const library = await loadDatasetDir(dir)
    expect(library.briefings.map((b) => b.id)).toEqual(['modi-in-tokyo', 'second-briefing'])
    expect([...library.entities.keys()]).toEqual(['narendra-modi', 'tokyo'])
  })

  it('throws DatasetLoadError naming the bad file and path', async () => {
    const bad = minimal()
    Object.assign(bad.entities[1]!, { kind: 'city' })
    await put('good.json', { ...minimal(), briefings: [] })
    await put('bad.json', bad)
    const error = await loadError()
    expect(error.problems).toEqual([
      {
        file: join(dir, 'bad.json'),
        path: '$.entities[1].kind',
        message: 'must be one of person, organisation, place, programme (got "city")'
      }
    ])
    expect(error.message).toContain(`${join(dir, 'bad.json')}: $.entities[1].kind: must be one of`)
  })

  it('rejects a briefing id or a differing entity defined by two files', async () => {
    const other = minimal()
    other.entities[1]!.description = 'Another description.'
    await put('a.json', minimal())
    await put('b.json', other)
    const error = await loadError()
    expect(error.problems).toEqual([
      expect.objectContaining({ file: join(dir, 'b.json'), path: '$.entities[1]' }),
      expect.objectContaining({ file: join(dir, 'b.json'), path: '$.briefings[0].id' })
    ])
    expect(error.message).toContain(`entity "tokyo" is already defined differently in`)
    expect(error.message).toContain(`briefing id "modi-in-tokyo" is already used in`)
  })

  it('reports invalid JSON in a file', async () => {
    await put('broken.json', '{ "format": ')
    const error = await loadError()
    expect(error.message).toContain(
      `${join(dir, 'broken.json')}: invalid JSON at line 1, column 13`
    )
  })

  it('rejects an empty or missing folder', async () => {
    expect((await loadError()).message).toContain('contains no dataset files')
    await rm(dir, { recursive: true })
    expect((await loadError()).message).toContain(`${dir}: dataset folder does not exist`)
  })
})
