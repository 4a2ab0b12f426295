// Markdown import: front matter, the heading level that makes sections, and formatting reduced to
// faithful plain text (lists, quotes, code, links, images, HTML).

import { describe, expect, it } from 'vitest'

import { parseMarkdown } from './markdown'

describe('parseMarkdown: front matter and outline', () => {
  it('reads title, source, date and tags from YAML front matter and strips it', () => {
    const doc = parseMarkdown(
      [
        '---',
        'title: "PM Modi in Tokyo"',
        'source: Financial Express Online',
        'date: 2022-05-23',
        'tags: [india, japan, QUAD summit]',
        '---',
        'The lead paragraph.',
        '',
        '## QUAD Summit',
        '',
        'Leaders met.'
      ].join('\n'),
      'tokyo.md'
    )
    expect(doc).toEqual({
      title: 'PM Modi in Tokyo',
      source: 'Financial Express Online',
      published: '2022-05-23',
      tags: ['india', 'japan', 'QUAD summit'],
      lead: ['The lead paragraph.'],
      sections: [{ heading: 'QUAD Summit', paragraphs: ['Leaders met.'] }]
    })
  })

  it('accepts other front matter spellings: author list, published, comma-separated keywords', () => {
    const doc = parseMarkdown(
      '---\nauthor:\n  - name: Jane Doe\n  - John Roe\npublished: May 23, 2022\nkeywords: ports, trade\n...\nText.',
      'x.md'
    )
    expect(doc).toMatchObject({
      source: 'Jane Doe, John Roe',
      published: '2022-05-23',
      tags: ['ports', 'trade'],
      lead: ['Text.']
    })
  })

  it('warns about invalid front matter and keeps going', () => {
    const doc = parseMarkdown('---\ntitle: [unclosed\n---\nBody text.', 'bad.md')
    expect(doc.warnings?.[0]).toMatch(/front matter is not valid YAML and was left out/)
    expect(doc).toMatchObject({ lead: ['Body text.'], sections: [] })
  })

  it('does not take a thematic break and setext heading for front matter', () => {
    const doc = parseMarkdown('---\nJust a heading\n---\n\nText.', 'x.md')
    expect(doc.title).toBeUndefined()
    expect(doc.sections).toEqual([{ heading: 'Just a heading', paragraphs: ['Text.'] }])
  })

  it('uses a single h1 as the title and h2 as sections; h3 become paragraphs', () => {
    const doc = parseMarkdown(
      '# Briefing\n\nLead.\n\n## Defence\n\nDrills.\n\n### Naval\n\nShips.\n\n## Trade\n\nPorts.',
      'b.md'
    )
    expect(doc.title).toBe('Briefing')
    expect(doc.lead).toEqual(['Lead.'])
    expect(doc.sections).toEqual([
      { heading: 'Defence', paragraphs: ['Drills.', 'Naval', 'Ships.'] },
      { heading: 'Trade', paragraphs: ['Ports.'] }
    ])
  })

  it('makes sections of the highest level when there are several h1 (setext and ATX alike)', () => {
    const doc = parseMarkdown(
      'Defence\n=======\n\nDrills.\n\n## Naval\n\nShips.\n\n# Trade\n\nPorts.',
      'b.md'
    )
    expect(doc.title).toBeUndefined()
    expect(doc.sections).toEqual([
      { heading: 'Defence', paragraphs: ['Drills.', 'Naval', 'Ships.'] },
      { heading: 'Trade', paragraphs: ['Ports.'] }
    ])
  })

  it('makes sections of h2 when there is no h1', () => {
    const doc = parseMarkdown('Intro.\n\n## A\n\nOne.\n\nB\n---\n\nTwo.', 'b.md')
    expect(doc.lead).toEqual(['Intro.'])
    expect(doc.sections.map((s) => s.heading)).toEqual(['A', 'B'])
  })

  it('keeps a single h1 that differs from the front matter title as text', () => {
    const doc = parseMarkdown('---\ntitle: Official\n---\n# Working title\n\nText.', 'x.md')
    expect(doc.title).toBe('Official')
    expect(doc.lead).toEqual(['Working title', 'Text.'])
  })
})

describe('parseMarkdown: formatting becomes plain text', () => {
  const lead = (markdown: string) => parseMarkdown(markdown, 'f.md').lead

  it('keeps the text of emphasis, inline code and images, and joins soft and hard breaks', () => {
    expect(
      lead('Some *emphasis*, **strong**, `code` and ![a map of Tokyo](map.png).\nNext  \nline')
    ).toEqual(['Some emphasis, strong, code and a map of Tokyo. Next line'])
  })

  it('keeps a link’s URL when it differs from its text, and drops script URLs', () => {
    expect(
      lead(
        '[the report](https://example.com/r), <https://example.com>, [mail](mailto:a@b.org), ' +
          '[click](javascript:alert(1)), [rel](./x.md)'
      )
    ).toEqual([
      'the report (https://example.com/r), https://example.com, mail (mailto:a@b.org), click, rel'
    ])
  })

  it('writes lists as "- item" and "N. item" paragraphs, nested ones after their parent', () => {
    expect(lead('- one\n- two\n  - two-a\n  - two-b\n- three\n\n3. c\n4. d\n\n1) e')).toEqual([
      '- one',
      '- two',
      '- two-a',
      '- two-b',
      '- three',
      '3. c',
      '4. d',
      '1) e'
    ])
  })

  it('joins the paragraphs of a loose list item', () => {
    expect(lead('- first para\n\n  second para\n- next')).toEqual([
      '- first para second para',
      '- next'
    ])
  })

  it('prefixes quoted paragraphs with "> ", nested quotes and lists included', () => {
    expect(lead('> Quoted *text*\n> still.\n>\n> > inner\n>\n> - item')).toEqual([
      '> Quoted text still.',
      '> > inner',
      '> - item'
    ])
  })

  it('keeps each line of a code block', () => {
    expect(lead('```ts\nconst a = 1\n\n  return a\n```\n\n    indented code')).toEqual([
      'const a = 1',
      'return a',
      'indented code'
    ])
  })

  it('strips HTML, keeping its text but never script content', () => {
    expect(
      lead(
        '<div class="x"><p>Inside <b>html</b></p><script>alert(1)</script></div>\n\nA <span>span</span>'
      )
    ).toEqual(['Inside html', 'A span'])
    expect(lead('Inline <script>alert(1)</script>script and <style>p{}</style>style.')).toEqual([
      'Inline script and style.'
    ])
  })

  it('drops thematic breaks and a heading inside a list stays text', () => {
    expect(lead('Before\n\n***\n\nAfter\n\n- # Heading in item')).toEqual([
      'Before',
      'After',
      '- Heading in item'
    ])
  })

  it('survives deeply nested quotes without recursion', () => {
    const doc = parseMarkdown(`${'>'.repeat(5000)} deep`, 'deep.md')
    expect(doc.lead[0]).toMatch(/^(> ){5000}deep$/)
  })
})
