// Unit tests of the Markdown view model: structure, and that hostile input stays inert text.

import fc from 'fast-check'
import { Parser } from 'commonmark'
import { describe, expect, it } from 'vitest'

import { httpsUrl, markdownView, MAX_DEPTH, plainText } from './markdown'
import type { MdBlock, MdInline } from './markdown'
import {
  DEEP_QUOTE_NOTE,
  HOSTILE_NOTES,
  LINK_OPENERS_NOTE,
  markdownNote,
  WORDS
} from '../../../test-support/hostile-markdown'

function firstInlines(blocks: MdBlock[]): MdInline[] {
  const first = blocks[0]
  if (first?.kind !== 'paragraph') throw new Error(`expected a paragraph, got ${first?.kind}`)
  return first.children
}

/** Every link in the view model, however deep. */
function links(value: unknown): Extract<MdInline, { kind: 'link' }>[] {
  const found: Extract<MdInline, { kind: 'link' }>[] = []
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      if ((v as MdInline).kind === 'link') found.push(v as Extract<MdInline, { kind: 'link' }>)
      Object.values(v).forEach(walk)
    }
  }
  walk(value)
  return found
}

describe('markdownView', () => {
  it('builds paragraphs, emphasis, strong, code and breaks', () => {
    expect(firstInlines(markdownView('A *b* **c** `d`  \ne\nf'))).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'emph', children: [{ kind: 'text', text: 'b' }] },
      { kind: 'text', text: ' ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'c' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd' },
      { kind: 'linebreak' },
      { kind: 'text', text: 'e' },
      { kind: 'softbreak' },
      { kind: 'text', text: 'f' }
    ])
  })

  it('builds headings, quotes, lists, code blocks and rules', () => {
    const view = markdownView('## Title\n\n> quoted\n\n3. one\n4. two\n\n```ts\nx < 1\n```\n\n---')
    expect(view.map((b) => b.kind)).toEqual([
      'heading',
      'block_quote',
      'list',
      'code_block',
      'thematic_break'
    ])
    expect(view[0]).toMatchObject({ kind: 'heading', level: 2 })
    expect(view[2]).toMatchObject({ kind: 'list', ordered: true, start: 3, tight: true })
    expect((view[2] as Extract<MdBlock, { kind: 'list' }>).items).toHaveLength(2)
    expect(view[3]).toEqual({ kind: 'code_block', text: 'x < 1', info: 'ts' })
  })

  it('keeps raw HTML and script tags as literal text', () => {
    const view = markdownView('<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there')
    expect(view[0]).toEqual({ kind: 'html', text: '<script>alert(1)</script>' })
    expect(firstInlines(view.slice(1))).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'html', text: '<img src=x onerror=alert(1)>' },
      { kind: 'text', text: ' there' }
    ])
  })

  it('marks only https links as openable', () => {
    const source = [
      '[ok](https://example.org/a?b=1 "Example")',
      '[js](javascript:alert(1))',
      '[JS2](JaVaScRiPt:alert(1))',
      '[file](file:///etc/passwd)',
      '[data](data:text/html,<script>alert(1)</script>)',
      '[http](http://example.org)',
      '[rel](/relative)',
      '<javascript:alert(2)>',
      '<https://auto.example/x>'
    ].join('\n\n')
    const found = links(markdownView(source))
    expect(found.map((l) => [l.url, l.href])).toEqual([
      ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
      ['javascript:alert(1)', null],
      ['JaVaScRiPt:alert(1)', null],
      ['file:///etc/passwd', null],
      ['data:text/html,%3Cscript%3Ealert(1)%3C/script%3E', null],
      ['http://example.org', null],
      ['/relative', null],
      ['javascript:alert(2)', null],
      ['https://auto.example/x', 'https://auto.example/x']
    ])
    expect(found[0]!.title).toBe('Example')
  })

  it('shows images as their alt text only', () => {
    expect(firstInlines(markdownView('![a *map* of Tokyo](https://x.example/i.png)'))).toEqual([
      { kind: 'image', alt: 'a map of Tokyo', url: 'https://x.example/i.png' }
    ])
  })

  it('flattens nesting deeper than MAX_DEPTH into text', () => {
    const deep = '>'.repeat(MAX_DEPTH * 3) + ' bottom'
    const json = JSON.stringify(markdownView(deep))
    expect(json).toContain('bottom')
    expect(json.split('block_quote').length - 1).toBeLessThanOrEqual(MAX_DEPTH)
  })

  it('returns nothing for empty text', () => {
    expect(markdownView('')).toEqual([])
  })
})

/** How deeply blocks and inlines nest in a view model (1 for a flat paragraph of text). */
function viewDepth(value: unknown): number {
  if (Array.isArray(value)) return Math.max(0, ...value.map(viewDepth))
  if (!value || typeof value !== 'object') return 0
  const own = 'kind' in value ? 1 : 0
  return own + Math.max(0, ...Object.values(value).map(viewDepth))
}

/** Every string in a view model, in order. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

const count = (texts: string[], word: string): number =>
  texts.reduce((n, text) => n + text.split(word).length - 1, 0)

describe('markdownView of hostile notes', () => {
  it('shows the 33,000-deep quote and the 25,000 link openers whole, as plain text', () => {
    for (const note of [DEEP_QUOTE_NOTE, LINK_OPENERS_NOTE]) {
      const [only, ...rest] = markdownView(note)
      expect(rest).toEqual([])
      expect(only).toMatchObject({ kind: 'plain', text: note })
      expect((only as Extract<MdBlock, { kind: 'plain' }>).reason).toMatch(/levels deep/)
    }
  })

  it('never throws and stays within MAX_DEPTH on every known worst case', () => {
    for (const [name, note] of Object.entries(HOSTILE_NOTES)) {
      const view = markdownView(note)
      // Blocks and inlines both count, plus the list item level between a list and its blocks.
      expect(viewDepth(view), name).toBeLessThanOrEqual(2 * MAX_DEPTH + 2)
      expect(strings(view).join('').length, name).toBeGreaterThan(0)
    }
  })

  it('shows notes with too much markup to format at once unformatted, whole', () => {
    const note = '*a_ '.repeat(12_000)
    expect(markdownView(note)).toEqual([
      { kind: 'plain', text: note, reason: expect.stringMatching(/shown unformatted/) }
    ])
  })

  it('never throws, bounds depth and keeps every word on generated Markdown', () => {
    fc.assert(
      fc.property(markdownNote, (note) => {
        const view = markdownView(note)
        expect(viewDepth(view)).toBeLessThanOrEqual(2 * MAX_DEPTH + 2)
        const texts = strings(view)
        for (const word of WORDS) expect(count(texts, word)).toBe(count([note], word))
      }),
      { numRuns: 300 }
    )
  })
})

describe('plainText', () => {
  it('reads text 100,000 levels deep without recursion', () => {
    const doc = new Parser().parse('> '.repeat(50_000) + 'bottom\n\n' + '*a '.repeat(20_000))
    const text = plainText(doc)
    expect(text.startsWith('bottom\n')).toBe(true)
    expect(text.length).toBeGreaterThan(40_000)
  })

  it('joins blocks with line breaks and inlines without', () => {
    const doc = new Parser().parse('# T *e* `c`\n\n- a\n- b\n\n> q\nr')
    expect(plainText(doc)).toBe('T e c\na\nb\nq\nr')
  })
})

describe('httpsUrl', () => {
  it('accepts https only, normalised', () => {
    expect(httpsUrl('HTTPS://Example.org')).toBe('https://example.org/')
    expect(httpsUrl(' javascript:alert(1)')).toBeNull()
    expect(httpsUrl('not a url')).toBeNull()
  })
})
