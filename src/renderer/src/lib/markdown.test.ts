// Unit tests of the Markdown view model: structure, and that hostile input stays inert text.

import { describe, expect, it } from 'vitest'

import { httpsUrl, markdownView, MAX_DEPTH } from './markdown'
import type { MdBlock, MdInline } from './markdown'

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

describe('httpsUrl', () => {
  it('accepts https only, normalised', () => {
    expect(httpsUrl('HTTPS://Example.org')).toBe('https://example.org/')
    expect(httpsUrl(' javascript:alert(1)')).toBeNull()
    expect(httpsUrl('not a url')).toBeNull()
  })
})
