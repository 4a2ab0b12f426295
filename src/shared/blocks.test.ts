// Block kinds over canonical text: building text from blocks, the default paragraphs, and the
// checks a dataset's blocks must pass.
import { describe, expect, it } from 'vitest'

import { blockProblems, buildSectionText, canonicalBlockText, sectionBlocks } from './blocks'
import { canonicalText } from './canonical-text'

describe('buildSectionText', () => {
  it('gives plain paragraphs exactly the canonical text, without blocks', () => {
    const built = buildSectionText([
      { kind: 'paragraph', text: '  One   line\nwrapped ' },
      { kind: 'paragraph', text: '' },
      { kind: 'paragraph', text: 'Two' }
    ])
    expect(built).toEqual({ text: canonicalText('One line wrapped\n\nTwo') })
  })

  it('keeps code whitespace, list levels and table cells as offsets over one text', () => {
    const built = buildSectionText([
      { kind: 'paragraph', text: 'Install it:' },
      { kind: 'code', text: '\nnpm  install\n\n  --save  \n', language: 'sh' },
      { kind: 'list-item', text: 'first', level: 1, ordered: true },
      { kind: 'list-item', text: 'nested', level: 14, ordered: false },
      { kind: 'table-row', text: ' Name \t Value ', header: true },
      { kind: 'quote', text: 'Said  so.' }
    ])
    expect(built.text).toBe(
      'Install it:\n\nnpm  install\n\n  --save\n\nfirst\n\nnested\n\nName\tValue\n\nSaid so.'
    )
    const slices = built.blocks?.map((b) => built.text.slice(b.start, b.end))
    expect(slices).toEqual([
      'Install it:',
      'npm  install\n\n  --save',
      'first',
      'nested',
      'Name\tValue',
      'Said so.'
    ])
    expect(built.blocks?.[1]).toMatchObject({ kind: 'code', language: 'sh' })
    expect(built.blocks?.[2]).toMatchObject({ level: 1, ordered: true })
    expect(built.blocks?.[3]).toMatchObject({ level: 8, ordered: false })
    expect(built.blocks?.[4]).toMatchObject({ kind: 'table-row', header: true })
    expect(blockProblems(built.text, built.blocks ?? [])).toEqual([])
  })
})

describe('sectionBlocks', () => {
  it('splits text without blocks into paragraphs', () => {
    expect(sectionBlocks({ text: 'a b\n\ncd' })).toEqual([
      { kind: 'paragraph', start: 0, end: 3 },
      { kind: 'paragraph', start: 5, end: 7 }
    ])
  })
})

describe('canonicalBlockText', () => {
  it('keeps one tab between table cells, including empty ones', () => {
    expect(canonicalBlockText('table-row', 'a \t\t  b')).toBe('a\t\tb')
    expect(canonicalBlockText('table-row', ' \t ')).toBe('')
  })
})

describe('blockProblems', () => {
  const text = 'Intro\n\nline one\n  line two'
  it('accepts blocks that cover the text', () => {
    expect(
      blockProblems(text, [
        { kind: 'paragraph', start: 0, end: 5 },
        { kind: 'code', start: 7, end: text.length }
      ])
    ).toEqual([])
  })

  it('names gaps, uncovered ends, non-canonical text and misplaced fields', () => {
    const problems = blockProblems(text, [
      { kind: 'paragraph', start: 0, end: 4, level: 2 },
      { kind: 'paragraph', start: 7, end: 20 }
    ])
    expect(problems).toEqual([
      { index: 0, field: 'level', message: '"level" is only allowed on list-item blocks' },
      {
        index: 1,
        field: 'start',
        message: 'must start at 6, two units after the previous block (got 7)'
      },
      { index: 1, message: expect.stringContaining('paragraph block is not canonical') },
      { index: -1, message: `blocks must cover the text to its end (${text.length})` }
    ])
  })

  it('wants a level on every list item', () => {
    expect(blockProblems('x', [{ kind: 'list-item', start: 0, end: 1 }])).toEqual([
      { index: 0, field: 'level', message: 'a list item needs a level from 1 to 8' }
    ])
  })
})
