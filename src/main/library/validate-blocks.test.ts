// Dataset version 2: sections may carry block kinds; their text is checked per kind, problems name
// the block's JSON path, and version 1 files (no blocks) still load exactly as written.

import { describe, expect, it } from 'vitest'

import type { TextBlock } from '../../shared/blocks'
import { DATASET_VERSION, type DatasetFile } from '../../shared/dataset'
import { minimal, structured } from '../../test-support/dataset'
import { parseDatasetFile, validateDataset } from './load-dataset'

const BLOCKS = '$.briefings[0].sections[0].blocks'

function problemsOf(breakIt: (blocks: TextBlock[], data: DatasetFile) => void) {
  const data = structured()
  breakIt(data.briefings[0]!.sections[0]!.blocks!, data)
  return validateDataset(JSON.parse(JSON.stringify(data)), 'bad.json')
}

const at = (path: string, message: string) => ({
  file: 'bad.json',
  path,
  message: expect.stringContaining(message) as unknown as string
})

describe('dataset version 2 (blocks)', () => {
  it('is the version written', () => {
    expect(DATASET_VERSION).toBe(2)
  })

  it('accepts code with its indentation and blank lines, and table rows with tabs', () => {
    const parsed = parseDatasetFile(JSON.stringify(structured()), 'v2.json')
    expect(parsed.problems).toEqual([])
    const section = parsed.dataset!.briefings[0]!.sections[0]!
    const kinds = section.blocks!.map((b) => section.text.slice(b.start, b.end))
    expect(kinds).toContain('if (ready) {\n\n    go()\n}')
    expect(kinds).toContain('Tokyo\t\tMonday')
  })

  it('loads a version 1 file unchanged, without blocks', () => {
    const v1 = minimal()
    expect(v1.version).toBe(1)
    const parsed = parseDatasetFile(JSON.stringify(v1), 'v1.json')
    expect(parsed.problems).toEqual([])
    expect(parsed.dataset).toEqual(v1)
    expect(parsed.dataset!.briefings[0]!.sections[0]!.blocks).toBeUndefined()
  })

  it('keeps the one-line rule for text without blocks, even in version 2', () => {
    const problems = problemsOf((_blocks, data) => {
      Reflect.deleteProperty(data.briefings[0]!.sections[0]!, 'blocks')
    })
    expect(problems).toContainEqual(at('$.briefings[0].sections[0].text', 'text is not canonical'))
  })

  it.each([
    [
      'blocks in a version 1 file',
      (_b: TextBlock[], d: DatasetFile) => Object.assign(d, { version: 1 }),
      at(BLOCKS, 'blocks need dataset version 2 (this file is version 1)')
    ],
    [
      'unknown kind',
      (b: TextBlock[]) => Object.assign(b[0]!, { kind: 'heading' }),
      at(`${BLOCKS}[0].kind`, 'must be one of paragraph, list-item, quote, code, table-row')
    ],
    [
      'list level too deep',
      (b: TextBlock[]) => Object.assign(b[2]!, { level: 9 }),
      at(`${BLOCKS}[2].level`, 'must be at most 8 (got 9)')
    ],
    [
      'unknown block field',
      (b: TextBlock[]) => Object.assign(b[0]!, { style: 'bold' }),
      at(`${BLOCKS}[0].style`, 'unknown field "style"')
    ],
    ['empty block list', (b: TextBlock[]) => b.splice(0), at(BLOCKS, 'at least 1')]
  ])('schema: %s', (_name, breakIt, expected) => {
    expect(problemsOf(breakIt)).toContainEqual(expected)
  })

  it.each([
    [
      'a gap between blocks',
      (b: TextBlock[]) => Object.assign(b[1]!, { start: b[1]!.start + 1 }),
      at(`${BLOCKS}[1].start`, 'two units after the previous block')
    ],
    [
      'blocks not reaching the end',
      (b: TextBlock[]) => b.pop(),
      at(BLOCKS, 'blocks must cover the text to its end')
    ],
    [
      'end past the text',
      (b: TextBlock[]) => Object.assign(b[b.length - 1]!, { end: 999 }),
      at(`${BLOCKS}[6].end`, 'at most the text length')
    ],
    [
      'multi-line text marked as a paragraph',
      (b: TextBlock[]) => Object.assign(b[1]!, { kind: 'paragraph', language: undefined }),
      at(`${BLOCKS}[1]`, 'text of a paragraph block is not canonical')
    ],
    [
      'a table row marked as a quote (tabs)',
      (b: TextBlock[]) => Object.assign(b[4]!, { kind: 'quote', header: undefined }),
      at(`${BLOCKS}[4]`, 'text of a quote block is not canonical')
    ],
    [
      'a list field on a paragraph',
      (b: TextBlock[]) => Object.assign(b[0]!, { ordered: true }),
      at(`${BLOCKS}[0].ordered`, '"ordered" is only allowed on list-item blocks')
    ],
    [
      'a list item without level',
      (b: TextBlock[]) => Reflect.deleteProperty(b[2]!, 'level'),
      at(`${BLOCKS}[2].level`, 'a list item needs a level from 1 to 8')
    ]
  ])('semantics: %s', (_name, breakIt, expected) => {
    expect(problemsOf(breakIt)).toContainEqual(expected)
  })

  it('rejects trailing spaces in code, which the reader would keep', () => {
    const data = structured()
    const section = data.briefings[0]!.sections[0]!
    const code = section.blocks![1]!
    const text = section.text
    section.text = `${text.slice(0, code.end)} ${text.slice(code.end)}`
    section.blocks = section.blocks!.map((b, i) =>
      i === 1 ? { ...b, end: b.end + 1 } : i > 1 ? { ...b, start: b.start + 1, end: b.end + 1 } : b
    )
    section.mentions.forEach((m) => {
      if (m.start > code.end) Object.assign(m, { start: m.start + 1, end: m.end + 1 })
    })
    expect(validateDataset(data, 'bad.json')).toEqual([
      at(`${BLOCKS}[1]`, 'text of a code block is not canonical')
    ])
  })
})
