// The Markdown export of passages over block kinds (dataset version 2): code as a fenced block,
// list items as nested list lines, table rows as GFM rows, quotes as `>`; compared byte for byte
// with __golden__/block-kinds.md (UPDATE_GOLDEN=1 rewrites it) and read back to the same text.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import type { AnchoredHighlight } from '../../shared/annotations'
import { buildSectionText } from '../../shared/blocks'
import type { Briefing } from '../../shared/dataset'
import { exportInput, highlightOn } from '../../test-support/export'
import { exportBriefingMarkdown } from './markdown-export'
import { pieceLines, quotePieces } from './markdown-block-kinds'
import { readMarkdownExport } from './markdown-read'

const GOLDEN = fileURLToPath(new URL('./__golden__/block-kinds.md', import.meta.url))

const built = buildSectionText([
  { kind: 'paragraph', text: 'Install the tool, then run it:' },
  { kind: 'code', text: 'npm install tool\n\nif (a) {\n\tb(`x`)\n    ```\n}', language: 'sh' },
  { kind: 'list-item', text: 'Read the *brief*', level: 1, ordered: true },
  { kind: 'list-item', text: 'check sources', level: 2 },
  { kind: 'list-item', text: '- a dash first', level: 2 },
  { kind: 'list-item', text: 'Write the summary', level: 1, ordered: true },
  { kind: 'table-row', text: 'Port\tShips | berths', header: true },
  { kind: 'table-row', text: 'Yokosuka\t12' },
  { kind: 'table-row', text: 'Sasebo\t\tspare' },
  { kind: 'quote', text: 'We will stay the course.' },
  { kind: 'quote', text: '# Not a heading' },
  { kind: 'paragraph', text: 'A plain closing paragraph.' }
])

const briefing: Briefing = {
  id: 'structured',
  title: 'Structured briefing',
  source: 'Test source',
  published: '2024-01-01',
  tags: [],
  sections: [
    { id: 'body', heading: 'Body', text: built.text, blocks: built.blocks, tags: [], mentions: [] }
  ]
}

/** An anchored highlight from the start of `from` to the end of `to` (phrases of the text). */
function passage(id: number, from: string, to: string): AnchoredHighlight {
  const start = built.text.indexOf(from)
  const end = built.text.indexOf(to, start) + to.length
  const phrase = built.text.slice(start, end)
  return highlightOn(briefing, 'body', phrase, {
    id: `00000000-0000-4000-8000-00000000000${id}`,
    minute: id
  })
}

const HIGHLIGHTS = [
  passage(1, 'Install the tool', 'A plain closing paragraph.'),
  passage(2, 'check sources', 'Ships | berths'),
  passage(3, 'if (a)', '\tb(`x`)'),
  passage(4, 'Yokosuka', 'spare'),
  passage(5, 'stay the course', '# Not'),
  passage(6, 'plain closing', 'paragraph')
]

const exported = (): string => {
  const input = exportInput(briefing, HIGHLIGHTS, [])
  return exportBriefingMarkdown(input, {
    groupBy: 'section',
    includeSectionNotes: true,
    includeEntities: false,
    includeOrphans: true
  })
}

describe('Markdown export of block kinds', () => {
  it('matches __golden__/block-kinds.md exactly', () => {
    const md = exported()
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, md)
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'))
  })

  it('reads every passage back as exactly the highlighted text', () => {
    const quotes = readMarkdownExport(exported()).items.map((item) => item.quote)
    const inOrder = [...HIGHLIGHTS].sort((a, b) => a.range!.start - b.range!.start)
    expect(quotes).toEqual(inOrder.map((h) => h.target.quote.exact))
  })

  it('writes code fenced with its language, longer than any backtick run inside', () => {
    expect(exported()).toContain(
      '> ````sh\n> npm install tool\n>\n> if (a) {\n> \tb(`x`)\n>     ```\n> }\n> ````'
    )
  })

  it('writes list items nested under their parent, numbered as in the section', () => {
    expect(exported()).toContain(
      '> 1. Read the \\*brief\\*\n>    - check sources\n>    - \\- a dash first\n> 2. Write the summary'
    )
    const fromSecond = quotePieces(built, built.text.indexOf('Write'), built.text.length)
    expect(pieceLines(fromSecond!.slice(0, 1))).toEqual(['2. Write the summary'])
  })

  it('writes table rows under their header row, or under an empty one', () => {
    const md = exported()
    expect(md).toContain(
      '> | Port | Ships \\| berths |  |\n> | --- | --- | --- |\n> | Yokosuka | 12 |\n> | Sasebo |  | spare |'
    )
    expect(md).toContain('> |  |  |  |\n> | --- | --- | --- |\n> | Yokosuka | 12 |\n')
  })

  it('keeps a passage over paragraphs only as a plain quote', () => {
    expect(quotePieces(built, built.text.indexOf('plain'), built.text.length)).toBeUndefined()
    expect(exported()).toContain(
      '> plain closing paragraph\n\n^hl-00000000-0000-4000-8000-000000000006'
    )
  })

  it('shows an orphan, or a passage whose text changed, as the quote it was', () => {
    const moved = { ...HIGHLIGHTS[1]!, range: { start: 0, end: 5 } }
    const orphan = { ...HIGHLIGHTS[2]!, status: 'orphaned' as const, range: undefined }
    const md = exportBriefingMarkdown(exportInput(briefing, [moved, orphan], []))
    expect(md).not.toContain('> | --- |')
    expect(md).not.toContain('> ```')
    expect(readMarkdownExport(md).items.map((i) => i.quote)).toEqual([
      moved.target.quote.exact,
      orphan.target.quote.exact
    ])
  })
})
