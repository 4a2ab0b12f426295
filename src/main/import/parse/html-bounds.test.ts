// Parsing an imported page is bounded: a page nested deeper than any readable one, or one whose
// tree would outgrow the heap budget, is refused early with a sentence for the analyst.
import { parse } from 'parse5'
import { describe, expect, it } from 'vitest'

import { boundedTreeAdapter, HtmlTooLargeError, MAX_HTML_DEPTH } from './html-bounds'
import { parseHtml } from './html'
import { parseMarkdown } from './markdown'

const nestedList = (levels: number) =>
  `<html><body><h1>Deep</h1>${'<ul><li>level '.repeat(levels)}</body></html>`

describe('bounded HTML parsing', () => {
  it('refuses a deeply nested list at the depth limit, quickly and before the tree grows', () => {
    // 1,000,000 levels: 15 MB, which parse5 alone would turn into gigabytes.
    const html = nestedList(1_000_000)
    const started = performance.now()
    expect(() => parseHtml(html, 'deep.html')).toThrow(
      new HtmlTooLargeError(
        'it nests its elements more than 1,000 levels deep, deeper than any readable page; it was not imported.'
      )
    )
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('reads a page nested deeply but within the limit', () => {
    // Each level is a <ul> and an <li>; html and body count too.
    const levels = Math.floor((MAX_HTML_DEPTH - 2) / 2)
    const doc = parseHtml(nestedList(levels), 'nested.html')
    expect(doc.title).toBe('Deep')
    const paragraphs = [...doc.lead, ...doc.sections.flatMap((s) => s.paragraphs)]
    expect(paragraphs).toHaveLength(levels)
    expect(paragraphs[0]).toEqual({ kind: 'list-item', level: 1, ordered: false, text: 'level' })
    expect(paragraphs.at(-1)).toMatchObject({ kind: 'list-item', level: levels })
  })

  it('bounds HTML inside Markdown too', () => {
    expect(() => parseMarkdown(`# Notes\n\n<div>${'<div>'.repeat(5000)}x</div>\n`, 'n.md')).toThrow(
      /more than 1,000 levels deep/
    )
  })

  it('stops when the heap outgrows the budget, naming the budget', () => {
    const adapter = boundedTreeAdapter({ maxHeapBytes: 512 * 2 ** 20, heapUsed: () => 2 ** 30 })
    const wide = `<body>${'<p>x</p>'.repeat(40_000)}</body>`
    expect(() => parse(wide, { treeAdapter: adapter })).toThrow(
      'reading it needs more than the 512 MB an import may use; it was not imported.'
    )
    expect(() => parse(wide, { treeAdapter: boundedTreeAdapter() })).not.toThrow()
  })
})
