// Plain-text import: the seed article's exact sections, and the heading heuristic on other shapes.

import { describe, expect, it } from 'vitest'

import { canonicalText } from '../../../shared/canonical-text'
import { headingCandidate, parsePlainText } from './plain-text'
import { partText, type TextPart } from './types'
import { bundledDataset, seedText } from '../../../test-support/import'

const texts = (paragraphs: TextPart[]) => canonicalText(paragraphs.map(partText).join('\n\n'))

describe('parsePlainText on the seed article', () => {
  it('finds the lead and exactly the six headed sections of the bundled briefing', () => {
    const doc = parsePlainText(seedText(), 'india-japan-quad-briefing.txt')
    const bundled = bundledDataset().briefings[0]!.sections
    expect(doc.title).toBeUndefined()
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'QUAD Summit',
      'India-Japan 2+2 Ministerial Dialogue & More',
      'Military Cooperation',
      'Bilateral Talks',
      'Differences over the on-going Ukraine-Russia War',
      'Investments in Northeast'
    ])
    expect(texts(doc.lead)).toBe(bundled[0]!.text)
    expect(doc.sections.map((s) => texts(s.paragraphs))).toEqual(
      bundled.slice(1).map((s) => s.text)
    )
  })
})

describe('parsePlainText on other article shapes', () => {
  it('takes a heading-like first line as the title, with byline and date', () => {
    const doc = parsePlainText(
      [
        'Ministers Agree on Supply Chains',
        'By Jane Doe | 23 May 2022',
        'Trade ministers met in Tokyo on Monday.',
        'Background',
        'The talks began in 2021.',
        'Next Steps',
        'Officials will meet again in June.'
      ].join('\n\n'),
      'supply.txt'
    )
    expect(doc.title).toBe('Ministers Agree on Supply Chains')
    expect(doc.source).toBe('Jane Doe')
    expect(doc.published).toBe('2022-05-23')
    expect(doc.lead).toEqual(['Trade ministers met in Tokyo on Monday.'])
    expect(doc.sections).toEqual([
      { heading: 'Background', paragraphs: ['The talks began in 2021.'] },
      { heading: 'Next Steps', paragraphs: ['Officials will meet again in June.'] }
    ])
  })

  it('reads labelled metadata lines after the title', () => {
    const doc = parsePlainText(
      'Port Report\n\nSource: Harbour Weekly\nDate: 2023-01-09\n\nTags: ports, shipping\n\nShips waited.',
      'port.txt'
    )
    // A block of several lines is not metadata: only single-line blocks are read.
    expect(doc.source).toBeUndefined()
    const single = parsePlainText(
      'Port Report\n\nSource: Harbour Weekly\n\nDate: 2023-01-09\n\nTags: ports, shipping\n\nShips waited.',
      'port.txt'
    )
    expect(single).toMatchObject({
      title: 'Port Report',
      source: 'Harbour Weekly',
      published: '2023-01-09',
      tags: ['ports', 'shipping'],
      lead: ['Ships waited.'],
      sections: []
    })
  })

  it('makes sections of numbered headings, the shallowest level, with deeper ones as paragraphs', () => {
    const doc = parsePlainText(
      [
        'Maritime Security Review',
        'This review covers 2022.',
        '1. Background',
        'The navies have exercised together since 2015.',
        '2. Findings',
        '2.1 Naval exercises',
        'MILAN 22 drew 39 navies.',
        '2.2. Port visits',
        'Visits doubled.',
        '3 Outlook',
        'More exercises are planned.'
      ].join('\n\n'),
      'review.txt'
    )
    expect(doc.title).toBe('Maritime Security Review')
    expect(doc.lead).toEqual(['This review covers 2022.'])
    expect(doc.sections).toEqual([
      { heading: '1. Background', paragraphs: ['The navies have exercised together since 2015.'] },
      {
        heading: '2. Findings',
        paragraphs: [
          '2.1 Naval exercises',
          'MILAN 22 drew 39 navies.',
          '2.2. Port visits',
          'Visits doubled.'
        ]
      },
      { heading: '3 Outlook', paragraphs: ['More exercises are planned.'] }
    ])
  })

  it('treats a numbered first line as a section, not the title', () => {
    const doc = parsePlainText(
      '1. Scope\n\nThis note covers ports.\n\n2. Risks\n\nStorms.',
      'n.txt'
    )
    expect(doc.title).toBeUndefined()
    expect(doc.sections.map((s) => s.heading)).toEqual(['1. Scope', '2. Risks'])
  })

  it('recognises ALL-CAPS headings, the first one included when all headings are capitals', () => {
    const doc = parsePlainText(
      [
        'SUMMARY',
        'The ministers met for two hours.',
        'KEY POINTS',
        '- Supply chains\n- Critical minerals\n- Port access',
        'NEXT STEPS',
        'A working group reports in June.'
      ].join('\n\n'),
      'caps.txt'
    )
    expect(doc.title).toBeUndefined()
    expect(doc.lead).toEqual([])
    expect(doc.sections).toEqual([
      { heading: 'SUMMARY', paragraphs: ['The ministers met for two hours.'] },
      {
        heading: 'KEY POINTS',
        paragraphs: ['- Supply chains', '- Critical minerals', '- Port access']
      },
      { heading: 'NEXT STEPS', paragraphs: ['A working group reports in June.'] }
    ])
  })

  it('keeps a one-line sentence and quotations as paragraphs', () => {
    const doc = parsePlainText(
      [
        'Talks Stall Over Tariffs',
        'Negotiators left Geneva without a deal on Friday.',
        'The meeting ended early.',
        '“If they impose tariffs, we will respond”',
        'The Response',
        'The minister added, “we will respond”',
        'Trade Minister: “We Will Respond”',
        'Officials said the wording was deliberate and that talks would resume “within weeks”',
        'Was it worth it?'
      ].join('\n\n'),
      'quotes.txt'
    )
    expect(doc.title).toBe('Talks Stall Over Tariffs')
    expect(doc.lead).toEqual([
      'Negotiators left Geneva without a deal on Friday.',
      'The meeting ended early.',
      '“If they impose tariffs, we will respond”'
    ])
    // A short headline ending in a quotation is still a heading.
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'The Response',
      'Trade Minister: “We Will Respond”'
    ])
    expect(doc.sections[0]!.paragraphs).toEqual(['The minister added, “we will respond”'])
    expect(doc.sections[1]!.paragraphs).toEqual([
      'Officials said the wording was deliberate and that talks would resume “within weeks”',
      'Was it worth it?'
    ])
  })

  it('joins hard-wrapped lines, reads underlined headings and drops separators', () => {
    const doc = parsePlainText(
      'Quarterly Note\n==============\n\nThe first line\nwraps here.\n\n* * *\n\nShipping\n--------\n\nRates rose.\n',
      'wrapped.txt'
    )
    expect(doc.title).toBe('Quarterly Note')
    expect(doc.lead).toEqual(['The first line wraps here.'])
    expect(doc.sections).toEqual([{ heading: 'Shipping', paragraphs: ['Rates rose.'] }])
  })

  it('never leaves a section empty: a heading after a heading, or at the end, is text', () => {
    const doc = parsePlainText(
      'Opening paragraph here.\n\nDefence\n\nNaval Drills\n\nShips sailed.\n\nReporting by Jane Doe',
      'x.txt'
    )
    expect(doc.sections).toEqual([
      { heading: 'Defence', paragraphs: ['Naval Drills', 'Ships sailed.', 'Reporting by Jane Doe'] }
    ])
  })

  it('handles CRLF line ends and whitespace-only separator lines', () => {
    const doc = parsePlainText('Lead text.\r\n \r\nPorts\r\n\t\r\nBusy.\r\n', 'crlf.txt')
    expect(doc.lead).toEqual(['Lead text.'])
    expect(doc.sections).toEqual([{ heading: 'Ports', paragraphs: ['Busy.'] }])
  })
})

describe('headingCandidate', () => {
  it.each([
    ['QUAD Summit', 1],
    ['India-Japan 2+2 Ministerial Dialogue & More', 1],
    ['2.3 Outlook', 2],
    ['1. Background', 1],
    ['BACKGROUND', 1],
    ['東京での会談', 1]
  ])('accepts %j (level %d)', (line, level) => {
    expect(headingCandidate(line)?.level).toBe(level)
  })

  it.each([
    'The meeting ended early.',
    'What happens next?',
    'Background:',
    '“We will respond”',
    '- a list item',
    '1) a list item',
    'is expected to provide',
    'See https://example.com',
    '23 May 2022',
    'One two three four five six seven eight nine ten eleven twelve thirteen',
    'x'.repeat(81),
    '2022'
  ])('refuses %j', (line) => {
    expect(headingCandidate(line)).toBeUndefined()
  })
})
