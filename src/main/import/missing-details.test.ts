// The details a file did not give (and toBriefing guessed): the app asks for exactly these.

import { describe, expect, it } from 'vitest'

import { parseHtml } from './parse/html'
import { parseMarkdown } from './parse/markdown'
import { missingDetails } from './missing-details'
import { parsePlainText } from './parse/plain-text'

describe('missingDetails', () => {
  it('names what a plain text file lacks', () => {
    const titled = parsePlainText('Port visit\n\nThe destroyer called at Tokyo.\n', 'a.txt')
    expect(missingDetails(titled)).toEqual(['source', 'published'])
    const bare = parsePlainText(
      'The destroyer called at Tokyo on Monday, officials said.\n',
      'b.txt'
    )
    expect(missingDetails(bare)).toEqual(['title', 'source', 'published'])
    const full = parsePlainText(
      'Port visit\n\nBy Naval News | 3 May 2024\n\nThe destroyer called at Tokyo.\n',
      'c.txt'
    )
    expect(missingDetails(full)).toEqual([])
  })

  it('reads Markdown front matter and HTML metadata as given', () => {
    const md = parseMarkdown('---\ntitle: T\nsource: S\ndate: 2024-05-02\n---\n\nText.\n', 'a.md')
    expect(missingDetails(md)).toEqual([])
    expect(missingDetails(parseMarkdown('## Only a section\n\nText.\n', 'b.md'))).toEqual([
      'title',
      'source',
      'published'
    ])
    const html = parseHtml(
      '<meta property="og:site_name" content="Wire"><article><p>Text <time datetime="2021-02-03">' +
        'then</time>.</p></article>',
      'c.html'
    )
    expect(missingDetails(html)).toEqual(['title'])
  })
})
