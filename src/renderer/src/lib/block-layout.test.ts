import { describe, expect, it } from 'vitest'

import { buildSectionText, sectionBlocks } from '../../../shared/blocks'
import type { BlockInput } from '../../../shared/blocks'
import { cellRanges, layoutBlocks } from './block-layout'
import type { BlockGroup, ListNode } from './block-layout'
import type { Paragraph, Run } from './segments'

function section(inputs: BlockInput[]): { text: string; blocks: ReturnType<typeof sectionBlocks> } {
  const built = buildSectionText(inputs)
  return { text: built.text, blocks: sectionBlocks(built) }
}

const textOf = (runs: readonly Run[]): string =>
  runs.flatMap((r) => r.pieces.map((p) => p.text)).join('')
const cells = (row: { cells: Paragraph[] }): string[] => row.cells.map((c) => textOf(c.runs))

/** A list as nested arrays of item texts, for readable expectations. */
function outline(list: ListNode): unknown[] {
  return list.items.flatMap((item) => [
    textOf(item.runs),
    ...item.lists.map((l) => [l.ordered ? 'ol' : 'ul', ...outline(l)])
  ])
}

const kinds = (groups: BlockGroup[]): string[] => groups.map((g) => g.kind)

describe('layoutBlocks', () => {
  it('renders a text without blocks as its paragraphs', () => {
    const text = 'One.\n\nTwo.'
    const groups = layoutBlocks(text, sectionBlocks({ text }), [])
    expect(kinds(groups)).toEqual(['paragraph', 'paragraph'])
    expect(groups.map((g) => (g.kind === 'paragraph' ? textOf(g.runs) : ''))).toEqual([
      'One.',
      'Two.'
    ])
  })

  it('keeps a code block whole, blank lines and indentation included', () => {
    const code = 'fn main() {\n    let x = 1;\n\n    println!("{x}");\n}'
    const { text, blocks } = section([
      { kind: 'paragraph', text: 'Before.' },
      { kind: 'code', text: code, language: 'rust' },
      { kind: 'paragraph', text: 'After.' }
    ])
    const groups = layoutBlocks(text, blocks, [])
    expect(kinds(groups)).toEqual(['paragraph', 'code', 'paragraph'])
    const block = groups[1]!
    expect(block.kind === 'code' && textOf(block.runs)).toBe(code)
    expect(block.kind === 'code' && block.language).toBe('rust')
  })

  it('nests list items by level and starts a new list when numbering changes', () => {
    const { text, blocks } = section([
      { kind: 'list-item', text: 'a', level: 1 },
      { kind: 'list-item', text: 'a.1', level: 2, ordered: true },
      { kind: 'list-item', text: 'a.2', level: 2, ordered: true },
      { kind: 'list-item', text: 'a.2.1', level: 3 },
      { kind: 'list-item', text: 'b', level: 1 },
      { kind: 'list-item', text: 'one', level: 1, ordered: true }
    ])
    const groups = layoutBlocks(text, blocks, [])
    expect(kinds(groups)).toEqual(['list', 'list'])
    const [first, second] = groups
    expect(first?.kind === 'list' && first.list.ordered).toBe(false)
    expect(first?.kind === 'list' && outline(first.list)).toEqual([
      'a',
      ['ol', 'a.1', 'a.2', ['ul', 'a.2.1']],
      'b'
    ])
    expect(second?.kind === 'list' && [second.list.ordered, ...outline(second.list)]).toEqual([
      true,
      'one'
    ])
  })

  it('takes a level jump as one level deeper and a first item at its top level', () => {
    const { text, blocks } = section([
      { kind: 'list-item', text: 'deep first', level: 3 },
      { kind: 'list-item', text: 'jump', level: 4 },
      { kind: 'list-item', text: 'back', level: 1 }
    ])
    const [group] = layoutBlocks(text, blocks, [])
    expect(group?.kind === 'list' && outline(group.list)).toEqual([
      'deep first',
      ['ul', 'jump'],
      'back'
    ])
  })

  it('ends a list at any other block', () => {
    const { text, blocks } = section([
      { kind: 'list-item', text: 'a', level: 1 },
      { kind: 'paragraph', text: 'between' },
      { kind: 'list-item', text: 'b', level: 2 }
    ])
    const groups = layoutBlocks(text, blocks, [])
    expect(kinds(groups)).toEqual(['list', 'paragraph', 'list'])
    const last = groups[2]!
    expect(last.kind === 'list' && outline(last.list)).toEqual(['b'])
  })

  it('joins consecutive quotes into one with a paragraph each', () => {
    const { text, blocks } = section([
      { kind: 'quote', text: 'First.' },
      { kind: 'quote', text: 'Second.' },
      { kind: 'paragraph', text: 'Said.' }
    ])
    const groups = layoutBlocks(text, blocks, [])
    expect(kinds(groups)).toEqual(['quote', 'paragraph'])
    const quote = groups[0]!
    expect(quote.kind === 'quote' && quote.paragraphs.map((p) => textOf(p.runs))).toEqual([
      'First.',
      'Second.'
    ])
    expect(quote.end).toBe(text.indexOf('Second.') + 'Second.'.length)
  })

  it('makes a table of consecutive rows, header rows first in its head', () => {
    const { text, blocks } = section([
      { kind: 'table-row', text: 'Port\tShips', header: true },
      { kind: 'table-row', text: 'Aden\t4' },
      { kind: 'table-row', text: 'Bari\t\t9' }
    ])
    const [table] = layoutBlocks(text, blocks, [])
    expect(table?.kind).toBe('table')
    if (table?.kind !== 'table') return
    expect(table.head.map(cells)).toEqual([['Port', 'Ships']])
    expect(table.body.map(cells)).toEqual([
      ['Aden', '4'],
      ['Bari', '', '9']
    ])
    expect(table.body[1]!.cells[1]!.runs).toEqual([])
  })

  it('keeps a header row after body rows in the body', () => {
    const { text, blocks } = section([
      { kind: 'table-row', text: 'a\tb' },
      { kind: 'table-row', text: 'Total\t2', header: true }
    ])
    const [table] = layoutBlocks(text, blocks, [])
    expect(table?.kind === 'table' && [table.head.length, table.body.length]).toEqual([0, 2])
    expect(table?.kind === 'table' && table.body[1]!.header).toBe(true)
  })

  it('paints a highlight across two list items and two table cells in every part', () => {
    const { text, blocks } = section([
      { kind: 'list-item', text: 'alpha beta', level: 1 },
      { kind: 'list-item', text: 'gamma delta', level: 1 },
      { kind: 'table-row', text: 'cell one\tcell two' }
    ])
    const from = text.indexOf('beta')
    const highlights = [
      { id: 'h1', start: from, end: text.indexOf('gamma') + 5 },
      { id: 'h2', start: text.indexOf('one'), end: text.indexOf('cell two') + 4 }
    ]
    const groups = layoutBlocks(text, blocks, [], [], highlights)
    const painted = (runs: readonly Run[], id: string): string =>
      runs
        .flatMap((r) => r.pieces)
        .filter((p) => p.highlights.includes(id))
        .map((p) => p.text)
        .join('')
    const list = groups[0]!
    if (list.kind !== 'list') throw new Error('expected a list')
    expect(list.list.items.map((item) => painted(item.runs, 'h1'))).toEqual(['beta', 'gamma'])
    const table = groups[1]!
    if (table.kind !== 'table') throw new Error('expected a table')
    expect(table.body[0]!.cells.map((c) => painted(c.runs, 'h2'))).toEqual(['one', 'cell'])
  })

  it('splits mentions and search marks at cell edges and keeps their offsets', () => {
    const { text, blocks } = section([{ kind: 'table-row', text: 'Red Sea\tRed Sea' }])
    const second = text.lastIndexOf('Red')
    const mentions = [{ start: second, end: second + 7, entity: 'e1' }]
    const [table] = layoutBlocks(text, blocks, mentions, [[0, 3]])
    if (table?.kind !== 'table') throw new Error('expected a table')
    const [a, b] = table.body[0]!.cells
    expect(a!.runs[0]!.pieces[0]).toMatchObject({ text: 'Red', start: 0, match: true })
    expect(b!.runs).toHaveLength(1)
    expect(b!.runs[0]!.mention?.entity).toBe('e1')
    expect(b!.runs[0]!.start).toBe(second)
  })
})

describe('cellRanges', () => {
  it('splits a row at its tabs, empty cells included', () => {
    const text = 'x\n\na\t\tb'
    expect(cellRanges(text, 3, text.length)).toEqual([
      [3, 4],
      [5, 5],
      [6, 7]
    ])
  })
})
