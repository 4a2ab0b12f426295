// Fixed cases of the Markdown export: the hostile texts, options, grouping, orphans, link
// reference definitions shared between notes, and block ids that stay the same across exports.

import { describe, expect, it } from 'vitest'

import type { AnchoredHighlight, Note } from '../../shared/annotations'
import { blockId } from './markdown-blocks'
import {
  exportBriefingMarkdown,
  exportBriefingsMarkdown,
  DEFAULT_MARKDOWN_OPTIONS
} from './markdown-export'
import { parseMarkdownBlocks, readMarkdownExport } from './markdown-read'
import { at, bundledDataset, exportInput, syntheticBriefing } from '../../test-support/export'

const briefing = syntheticBriefing('Briefing', ['One', 'Two'])

function hl(id: string, exact: string, fields: Partial<AnchoredHighlight> = {}): AnchoredHighlight {
  return {
    id,
    target: {
      briefingId: briefing.id,
      sectionId: 's0',
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length }
    },
    color: 'yellow',
    tags: [],
    note: '',
    createdAt: at(0),
    updatedAt: at(0),
    status: 'anchored',
    range: { start: 0, end: exact.length },
    ...fields
  }
}

function note(id: string, body: string, sectionId?: string): Note {
  return {
    id,
    briefingId: briefing.id,
    target: sectionId ? { kind: 'section', sectionId } : { kind: 'briefing' },
    body,
    tags: [],
    createdAt: at(1),
    updatedAt: at(1)
  }
}

const exportOf = (
  highlights: AnchoredHighlight[],
  notes: Note[] = [],
  options = DEFAULT_MARKDOWN_OPTIONS
): string => exportBriefingMarkdown(exportInput(briefing, highlights, notes), options)

const HOSTILE = [
  '---',
  'a\n---\nb',
  '# heading',
  '1. looks like a list',
  '- dash first',
  '+ plus first',
  '> angle first',
  '```\nfenced\n```',
  '~~~',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![img](x.png) [[wiki]] ==mark== %%hidden%% $x$ #tag ^id',
  '😀 👩🏽‍💻 emoji',
  'עברית ومرحبا RTL',
  'zero\u200bwidth\u200d',
  'trailing spaces   ',
  '   leading spaces',
  '\tleading tab',
  'line\r\ncrlf and cr\rhere',
  '    four spaces (code?)',
  'a  \nhard break?',
  '&amp; &#35; &copy',
  '\u00a0nbsp edges\u00a0',
  '2020. A year',
  '=\n==',
  '\\ backslash end\\'
]

describe('Markdown export: hostile text', () => {
  it.each(HOSTILE)('reads back the quote exactly: %j', (text) => {
    const read = readMarkdownExport(exportOf([hl('h1', text)]))
    expect(read.items[0]?.quote).toBe(text)
    expect(read.headings.map((h) => h.text)).toEqual(['Briefing', 'One', 'Two'])
  })

  it.each(HOSTILE)('keeps the note as its own Markdown: %j', (text) => {
    const read = readMarkdownExport(
      exportOf([hl('h1', 'quote', { note: text })], [note('n1', text)])
    )
    expect(read.headings.map((h) => h.text)).toEqual(['Briefing', 'One', 'Two'])
    for (const item of read.items) expect(item.note).toEqual(parseMarkdownBlocks(text))
  })

  it.each(HOSTILE)('reads back a title, heading and colour label exactly: %j', (text) => {
    const input = exportInput(syntheticBriefing(text, [text]), [hl('h1', 'q')], [])
    input.colorLabels.yellow = text
    const read = readMarkdownExport(exportBriefingMarkdown(input, DEFAULT_MARKDOWN_OPTIONS))
    expect(read.headings).toEqual([
      { level: 1, text },
      { level: 2, text }
    ])
    expect(read.items[0]?.label).toBe(text)
    expect((read.frontMatter as { title: string }).title).toBe(text)
  })

  it('keeps a heading inside a note out of the outline and writes it nested', () => {
    const md = exportOf([hl('h1', 'q', { note: '# Not a section\n\ntext' })])
    expect(md).toContain('  > # Not a section\n  >\n  > text')
    expect(readMarkdownExport(md).headings).toHaveLength(3)
  })

  it('shows U+0000 as U+FFFD, as every CommonMark reader must', () => {
    const read = readMarkdownExport(exportOf([hl('h1', 'a\0b', { note: 'c\0d' })]))
    expect(read.items[0]?.quote).toBe('a\uFFFDb')
    expect(read.items[0]?.note).toEqual(parseMarkdownBlocks('c\uFFFDd'))
  })

  it('escapes a quote readably: only what could be syntax', () => {
    const md = exportOf([hl('h1', 'Japan & India, 2+2 talks (May): 5% up — "US$5bn"\n1. next')])
    expect(md).toContain('> Japan & India, 2+2 talks (May): 5% up — "US\\$5bn"\\\n> 1\\. next')
  })
})

describe('Markdown export: layout and options', () => {
  const highlights = [
    hl('late', 'later text', { range: { start: 30, end: 40 }, color: 'blue', tags: ['b'] }),
    hl('early', 'early text', { range: { start: 2, end: 12 }, note: 'why' }),
    hl('lost', 'gone text', { status: 'orphaned', range: undefined }),
    hl('moved', 'other', { target: { ...hl('x', 'other').target, sectionId: 'deleted' } })
  ]
  const notes = [note('bn', 'Overall view'), note('sn', 'On section one', 's0')]

  it('orders highlights by position and puts orphans (and lost sections) last', () => {
    const read = readMarkdownExport(exportOf(highlights, notes))
    expect(read.items.map((i) => [i.blockId, i.headings])).toEqual([
      ['note-bn', []],
      ['note-sn', ['One']],
      ['hl-early', ['One']],
      ['hl-late', ['One']],
      ['hl-lost', ['Orphaned highlights', 'One']],
      ['hl-moved', ['Orphaned highlights', 'Section no longer in the briefing (deleted)']]
    ])
  })

  it('groups by colour label, with section headings below', () => {
    const options = { ...DEFAULT_MARKDOWN_OPTIONS, groupBy: 'color' as const }
    const read = readMarkdownExport(exportOf(highlights, notes, options))
    expect(read.headings.map((h) => `${h.level} ${h.text}`)).toEqual([
      '1 Briefing',
      '2 Key point',
      '3 One',
      '2 Question',
      '3 One',
      '2 Section notes',
      '3 One',
      '2 Orphaned highlights',
      '3 One',
      '3 Section no longer in the briefing (deleted)'
    ])
    expect(read.items.find((i) => i.blockId === 'hl-late')).toMatchObject({
      label: 'Question',
      color: 'blue',
      tags: ['b']
    })
  })

  it('omits section notes, entities and orphans when asked', () => {
    const options = {
      groupBy: 'section' as const,
      includeSectionNotes: false,
      includeEntities: false,
      includeOrphans: false
    }
    const md = exportOf(highlights, notes, options)
    const read = readMarkdownExport(md)
    expect(read.items.map((i) => i.blockId)).toEqual(['note-bn', 'hl-early', 'hl-late'])
    expect(read.frontMatter).not.toHaveProperty('entities')
    expect(md).not.toContain('Orphaned')
  })

  it('lists mentioned entities by kind in the front matter', () => {
    const data = bundledDataset()
    const b = data.briefings[0]
    if (!b) throw new Error('no briefing')
    const input = { ...exportInput(b, [], []), entities: data.entities }
    const fm = readMarkdownExport(exportBriefingMarkdown(input)).frontMatter as {
      entities: Record<string, string[]>
      published: string
    }
    expect(fm.entities.person?.slice(0, 2)).toEqual(['Narendra Modi', 'Joe Biden'])
    expect(Object.keys(fm.entities)).toEqual(['person', 'organisation', 'place', 'programme'])
    expect(fm.published).toBe('2022-05-23')
  })

  it('keeps block ids stable across exports and safe for Obsidian', () => {
    const odd = hl('id with spaces/and:colons', 'q')
    const first = exportOf([odd, ...highlights], notes)
    const second = exportOf([...highlights].reverse().concat(odd), notes)
    expect(second).toBe(first)
    const id = blockId('hl', 'id with spaces/and:colons')
    expect(id).toMatch(/^\^hl-id-with-spaces-and-colons-[0-9a-f]{12}$/)
    expect(blockId('hl', '0b6c2a52-8d1e-4b5e-9a57-3c1f0e2d9b11')).toBe(
      '^hl-0b6c2a52-8d1e-4b5e-9a57-3c1f0e2d9b11'
    )
  })

  it('writes Obsidian tags for plain tags and code spans for the rest', () => {
    const read = readMarkdownExport(
      exportOf([hl('h1', 'q', { tags: ['indo-pacific', 'a b', '2022', 'x_y', 'a/b'] })])
    )
    expect(read.items[0]?.tags).toEqual(['indo-pacific', 'a b', '2022', 'x_y', 'a/b'])
    expect(exportOf([hl('h1', 'q', { tags: ['indo-pacific', 'a b'] })])).toContain(
      '- **Key point** (yellow) · #indo-pacific `a b`'
    )
  })
})

describe('Markdown export: link reference definitions shared between notes', () => {
  it('shows a note as source when its links would resolve to another note’s definition', () => {
    const first = note('n1', 'See [1].\n\n[1]: https://one.example')
    const second = note('n2', 'Also [1].\n\n[1]: https://two.example', 's0')
    const third = note('n3', 'Plain [1] text', 's1')
    const md = exportOf([], [first, second, third])
    const read = readMarkdownExport(md)
    expect(read.items[0]?.note).toEqual(parseMarkdownBlocks(first.body))
    expect(read.items[1]?.note).toEqual([
      { type: 'code_block', info: 'markdown', literal: `${second.body}\n` }
    ])
    expect(read.items[2]?.note).toEqual([
      { type: 'code_block', info: 'markdown', literal: `${third.body}\n` }
    ])
  })

  it('leaves notes alone when the same definition is repeated or nothing collides', () => {
    const a = note('n1', 'See [1].\n\n[1]: https://same.example')
    const b = note('n2', 'See [1].\n\n[1]: https://same.example', 's0')
    const c = note('n3', 'No links here', 's1')
    const read = readMarkdownExport(exportOf([], [a, b, c]))
    for (const [i, n] of [a, b, c].entries())
      expect(read.items[i]?.note).toEqual(parseMarkdownBlocks(n.body))
  })
})

describe('Markdown export: several briefings in one file', () => {
  it('has one front matter, each briefing from its title, and checks references across them', () => {
    const other = { ...syntheticBriefing('Second: briefing', ['Alpha']), id: 'second' }
    const first = exportInput(briefing, [hl('h1', 'q')], [note('n1', '[1] here\n\n[1]: /one')])
    const second = exportInput(
      other,
      [],
      [{ ...note('n2', '[1] there\n\n[1]: /two'), briefingId: 'second' }]
    )
    const md = exportBriefingsMarkdown([first, second], DEFAULT_MARKDOWN_OPTIONS, {
      title: 'Briefing notes',
      exportedAt: at(5)
    })
    const read = readMarkdownExport(md)
    expect(read.frontMatter).toMatchObject({
      title: 'Briefing notes',
      briefings: [
        { briefing_id: 'synthetic' },
        { briefing_id: 'second', title: 'Second: briefing' }
      ]
    })
    expect(read.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      'Briefing',
      'Second: briefing'
    ])
    expect(read.items.map((i) => i.blockId)).toEqual(['note-n1', 'hl-h1', 'note-n2'])
    expect(read.items[2]?.note).toEqual([
      { type: 'code_block', info: 'markdown', literal: '[1] there\n\n[1]: /two\n' }
    ])
  })
})
