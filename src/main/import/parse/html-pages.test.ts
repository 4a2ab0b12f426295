// Saved news pages through Readability on linkedom: what a reader of the article sees survives,
// page furniture (nav, ads, share bars, captions, related links, comments) does not, nothing runs.

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import { parseHTML } from 'linkedom'
import { afterEach, describe, expect, it } from 'vitest'

import { WEB_PAGES_DIR } from '../../../test-support/fixtures'
import { parseHtml } from './html'
import { MAX_READABILITY_ELEMENTS } from './html-article'
import type { ParsedDocument } from './types'

const page = (name: string) => readFileSync(resolve(WEB_PAGES_DIR, name), 'utf8')
const allText = (doc: ParsedDocument) =>
  [...doc.lead, ...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n')
const GLOBALS = [
  '__pwned',
  '__pwnedOnload',
  '__pwnedImg',
  '__pwnedLink',
  '__pwnedEnd',
  '__pwnedDialogue'
]
const globals = globalThis as Record<string, unknown>

afterEach(() => {
  for (const name of GLOBALS) expect(globals[name], name).toBeUndefined()
})

describe('a modern news page (article, JSON-LD, figure, comments)', () => {
  const doc = parseHtml(page('coast-guard-shoal.html'), 'coast-guard-shoal.html')
  const text = allText(doc)

  it('keeps the headline, the metadata and the article body with its sections', () => {
    expect(doc).toMatchObject({
      title: 'Coast guard vessels shadow resupply mission near Second Thomas Shoal',
      source: 'Harbour Ledger',
      published: '2024-06-18',
      tags: ['South China Sea', 'Philippines']
    })
    expect(doc.lead[0]).toMatch(/^A Philippine resupply boat reached the grounded navy ship/)
    expect(doc.lead).toHaveLength(3)
    expect(doc.sections.map((s) => s.heading)).toEqual(['Diplomatic protests', 'Talks planned'])
    expect(doc.sections[1]?.paragraphs[0]).toMatch(/bilateral consultation mechanism/)
  })

  it('leaves out nav, ads, byline, caption, share bar, related links, comments and sidebar', () => {
    for (const gone of [
      'Asia',
      'Advertisement',
      'Story continues below',
      'By Maria Santos',
      'Photo: Harbour Ledger',
      'Share on X',
      'Copy link',
      'Related',
      'Scarborough',
      'Comments',
      'rusting away',
      'Most read',
      'All rights reserved',
      'Subscribe',
      'cookies',
      'Injected'
    ]) {
      expect(text, gone).not.toContain(gone)
    }
  })
})

describe('an older page of divs (no <article>, byline in spans)', () => {
  const doc = parseHtml(page('ministerial-dialogue.html'), 'ministerial-dialogue.html')
  const text = allText(doc)

  it('keeps the story, its heading and the date and site from the meta tags', () => {
    expect(doc).toMatchObject({
      title: 'Japan and Philippines hold first 2+2 ministerial dialogue',
      source: 'The Daily Meridian',
      published: '2023-04-10'
    })
    expect(doc.lead[0]).toMatch(/^TOKYO — Japan and the Philippines held their first 2\+2/)
    expect(doc.sections).toHaveLength(1)
    expect(doc.sections[0]?.heading).toBe('Defence equipment')
    expect(doc.sections[0]?.paragraphs).toHaveLength(2)
  })

  it('drops the ADVERTISEMENT labels, caption, share tools, read-more links and comments', () => {
    for (const gone of [
      'ADVERTISEMENT',
      'Advertisement',
      'Sponsored',
      'Kenji Watanabe',
      'Meridian photo',
      'WhatsApp',
      'Read more',
      'India and Japan review',
      'Loading comments',
      'Finally some progress',
      'Trending',
      'Log in',
      'Copyright'
    ]) {
      expect(text, gone).not.toContain(gone)
    }
  })
})

describe('byline and date from the page when the meta tags have none', () => {
  it('takes the byline (without "By" and the date) as the source and the JSON-LD date', () => {
    const body = '<p>The ministers met in Tokyo on Sunday, agreeing to expand exercises, talks.</p>'
    const doc = parseHtml(
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-03-04"}' +
        `</script><article><h1>Ministers meet</h1><p class="byline">By Ana Cruz · 4 March</p>${body.repeat(4)}</article>`,
      'x.html'
    )
    expect(doc).toMatchObject({
      title: 'Ministers meet',
      source: 'Ana Cruz',
      published: '2021-03-04'
    })
    expect(allText(doc)).not.toContain('Ana Cruz')
  })
})

describe('linkedom runs nothing', () => {
  it('builds a DOM from the raw page without running its scripts, handlers or script URLs', () => {
    for (const name of ['coast-guard-shoal.html', 'ministerial-dialogue.html']) {
      const { document, Event } = parseHTML(page(name))
      expect(document.querySelectorAll('script').length).toBeGreaterThan(0)
      for (const img of document.querySelectorAll('img')) img.dispatchEvent(new Event('error'))
      for (const link of document.querySelectorAll('a')) link.dispatchEvent(new Event('click'))
      document.body.dispatchEvent(new Event('load'))
    }
    // afterEach: no global was set by a <script>, onload, onerror or javascript: URL.
  })

  it('parseHtml gives no script text, handler or URL back', () => {
    const json = JSON.stringify(parseHtml(page('coast-guard-shoal.html'), 'a.html'))
    expect(json).not.toMatch(/__pwned|javascript:|onerror|onload|gpt\.js/)
  })
})

describe("Readability's bounds", () => {
  it('reads a page bigger than Readability takes by the plain pick, in reasonable time', () => {
    const row = '<div class="row"><p>Text, with a comma, in a paragraph of some length.</p></div>'
    const html = `<body><nav>Menu</nav><article>${row.repeat(MAX_READABILITY_ELEMENTS)}</article></body>`
    const doc = parseHtml(html, 'big.html')
    expect(doc.lead).toHaveLength(MAX_READABILITY_ELEMENTS)
    expect(doc.lead).not.toContain('Menu')
  }, 30_000)
})
