// Markdown import: front matter, the heading level that makes sections, structure kept as blocks
// (lists, quotes, code, tables) and inline formatting reduced to faithful plain text.

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

const item = (text: string, level = 1, ordered = false) => ({
  kind: 'list-item',
  level,
  ordered,
  text
})
const quote = (text: string) => ({ kind: 'quote', text })

describe('parseMarkdown: formatting becomes plain text, structure blocks', () => {
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

  it('writes lists as list items with their level and numbering', () => {
    expect(lead('- one\n- two\n  - two-a\n  - two-b\n- three\n\n3. c\n4. d\n\n1) e')).toEqual([
      item('one'),
      item('two'),
      item('two-a', 2),
      item('two-b', 2),
      item('three'),
      item('c', 1, true),
      item('d', 1, true),
      item('e', 1, true)
    ])
  })

  it('joins the paragraphs of a loose list item', () => {
    expect(lead('- first para\n\n  second para\n- next')).toEqual([
      item('first para second para'),
      item('next')
    ])
  })

  it('makes quoted paragraphs quotes, nested quotes and lists in them included', () => {
    expect(lead('> Quoted *text*\n> still.\n>\n> > inner\n>\n> - item')).toEqual([
      quote('Quoted text still.'),
      quote('inner'),
      quote('- item')
    ])
  })

  it('keeps a code block whole: its lines, indentation, blank lines and language', () => {
    expect(
      lead('```ts title="a.ts"\nconst a = 1\n\n  return a\n```\n\n    indented code\n      more')
    ).toEqual([
      { kind: 'code', text: 'const a = 1\n\n  return a\n', language: 'ts' },
      { kind: 'code', text: 'indented code\n  more\n' }
    ])
  })

  it('keeps a code block inside a list item after the item', () => {
    expect(lead('1. Run:\n\n   ```sh\n   npm test\n   ```\n2. Done')).toEqual([
      item('Run:', 1, true),
      { kind: 'code', text: 'npm test\n', language: 'sh' },
      item('Done', 1, true)
    ])
  })

  it('reads a GFM table as rows of tab-separated cells, the first a header', () => {
    expect(
      lead(
        'Incidents so far:\n| Date | Vessel \\| name | Outcome |\n|:---|:-:|--:|\n' +
          '| 5 March | *Unaizah May 4* | 1. water cannon |\n| 17 June | boats |'
      )
    ).toEqual([
      'Incidents so far:',
      { kind: 'table-row', header: true, text: 'Date\tVessel | name\tOutcome' },
      { kind: 'table-row', text: '5 March\tUnaizah May 4\t1. water cannon' },
      { kind: 'table-row', text: '17 June\tboats\t' }
    ])
    expect(lead('a | b\n--|--\n1 | 2')).toEqual([
      { kind: 'table-row', header: true, text: 'a\tb' },
      { kind: 'table-row', text: '1\t2' }
    ])
  })

  it('leaves a paragraph with pipes but no delimiter row as text', () => {
    expect(lead('a | b\nc | d')).toEqual(['a | b c | d'])
    expect(lead('| a | b |\n| --- |')).toEqual(['| a | b | | --- |'])
  })

  it('drops status badges and the targets of linked pictures, keeping a picture’s alt text', () => {
    expect(
      lead(
        '[![CI](https://github.com/o/r/actions/workflows/ci.yml/badge.svg)](https://github.com/o/r) ' +
          '[![npm](https://img.shields.io/npm/v/x.svg)](https://npm.im/x) ' +
          '[![Logo](logo.png)](https://example.org) A library.'
      )
    ).toEqual(['Logo A library.'])
  })

  it('strips HTML, keeping its text but never script content', () => {
    expect(
      lead(
        '<div class="x"><p>Inside <b>html</b></p><script>alert(1)</script></div>\n\nA <span>span</span>'
      )
    ).toEqual(['Inside html', 'A span'])
    expect(
      lead('<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></table>')
    ).toEqual([
      { kind: 'table-row', header: true, text: 'k\tv' },
      { kind: 'table-row', text: 'a\t1' }
    ])
    expect(lead('Inline <script>alert(1)</script>script and <style>p{}</style>style.')).toEqual([
      'Inline script and style.'
    ])
  })

  it('drops thematic breaks and a heading inside a list stays text', () => {
    expect(lead('Before\n\n***\n\nAfter\n\n- # Heading in item')).toEqual([
      'Before',
      'After',
      item('Heading in item')
    ])
  })

  it('survives deeply nested quotes without recursion', () => {
    const doc = parseMarkdown(`${'>'.repeat(5000)} deep`, 'deep.md')
    expect(doc.lead).toEqual([quote('deep')])
  })
})
