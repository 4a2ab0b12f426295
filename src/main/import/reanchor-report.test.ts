import { describe, expect, it } from 'vitest'

import { describeRange } from '../../shared/anchoring/describe'
import type { Highlight, Note } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import { reanchor } from './reanchor-report'

const AT = '2026-03-01T12:00:00.000Z'

function briefing(sections: [id: string, heading: string, text: string][]): Briefing {
  return {
    id: 'port-visit',
    title: 'Port visit',
    source: 'Desk',
    published: '2026-01-01',
    tags: [],
    sections: sections.map(([id, heading, text]) => ({ id, heading, text, tags: [], mentions: [] }))
  }
}

const OLD = briefing([
  ['lead', 'Overview', 'The destroyer called at Tokyo on Monday, officials said.'],
  ['talks', 'Talks', 'Ministers agreed to expand joint exercises in the Indian Ocean next year.'],
  ['outlook', 'Outlook', 'Further visits are planned before the summit in the autumn.'],
  ['costs', 'Costs', 'The budget for the programme was not disclosed by either government.']
])

/** A highlight of `quote` in section `sectionId` of OLD. */
function highlightOf(id: string, sectionId: string, quote: string): Highlight {
  const text = OLD.sections.find((s) => s.id === sectionId)!.text
  const start = text.indexOf(quote)
  const target = describeRange(text, start, start + quote.length, {
    briefingId: OLD.id,
    sectionId
  })!
  return {
    id,
    target,
    color: 'yellow',
    tags: [],
    note: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z'
  }
}

function sectionNote(id: string, sectionId: string, body: string): Note {
  return {
    id,
    briefingId: OLD.id,
    target: { kind: 'section', sectionId },
    body,
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z'
  }
}

describe('re-anchoring a briefing on a new version', () => {
  const highlights = [
    highlightOf('same', 'lead', 'called at Tokyo'),
    highlightOf('shifted', 'talks', 'joint exercises'),
    highlightOf('renamed', 'outlook', 'Further visits are planned'),
    highlightOf('edited', 'talks', 'in the Indian Ocean next year'),
    highlightOf('gone', 'costs', 'The budget for the programme was not disclosed')
  ]
  // Talks gets a sentence in front and one edited word; Outlook is renamed "Next steps" (new
  // section id); Costs is deleted.
  const NEW = briefing([
    ['lead', 'Overview', 'The destroyer called at Tokyo on Monday, officials said.'],
    [
      'talks',
      'Talks',
      'Talks ran late. Ministers agreed to expand joint exercises in the Indian Ocean this year.'
    ],
    ['next-steps', 'Next steps', 'Further visits are planned before the summit in the autumn.']
  ])
  const notes = [
    sectionNote('on-outlook', 'outlook', 'Check the summit date\nwith the desk'),
    sectionNote('on-costs', 'costs', 'Ask for the figures'),
    sectionNote('on-talks', 'talks', 'Still here')
  ]
  const result = reanchor(OLD, NEW, { highlights, notes }, AT)
  const byId = new Map(result.highlights.map((h) => [h.id, h]))

  it('classifies each highlight as unchanged, moved, edited or orphaned', () => {
    expect(Object.fromEntries(result.highlights.map((h) => [h.id, h.status]))).toEqual({
      same: 'unchanged',
      shifted: 'moved',
      renamed: 'moved',
      edited: 'edited',
      gone: 'orphaned'
    })
  })

  it('places moved highlights where their quote now is, in a renamed section too', () => {
    expect(byId.get('renamed')).toMatchObject({
      oldHeading: 'Outlook',
      sectionId: 'next-steps',
      heading: 'Next steps',
      newQuote: 'Further visits are planned'
    })
    const stored = result.changedHighlights.find((h) => h.id === 'renamed')!
    expect(stored.target.sectionId).toBe('next-steps')
    expect(stored.updatedAt).toBe(AT)
    const shifted = result.changedHighlights.find((h) => h.id === 'shifted')!
    const text = NEW.sections[1]!.text
    expect(text.slice(shifted.target.position.start, shifted.target.position.end)).toBe(
      'joint exercises'
    )
  })

  it('shows an edited quote beside the old one and stores the new text', () => {
    expect(byId.get('edited')).toMatchObject({
      oldQuote: 'in the Indian Ocean next year',
      newQuote: 'in the Indian Ocean this year'
    })
    const stored = result.changedHighlights.find((h) => h.id === 'edited')!
    expect(stored.target.quote.exact).toBe('in the Indian Ocean this year')
  })

  it('keeps orphans as they were and stores only what changed', () => {
    expect(byId.get('gone')).toMatchObject({
      oldHeading: 'Costs',
      oldQuote: highlights[4]!.target.quote.exact
    })
    expect(byId.get('gone')!.sectionId).toBeUndefined()
    expect(result.changedHighlights.map((h) => h.id).sort()).toEqual([
      'edited',
      'renamed',
      'shifted'
    ])
  })

  it('moves notes of a vanished section to the same heading, else to the whole briefing', () => {
    const renamedAgain = reanchor(
      OLD,
      briefing([['outlook-2', 'OUTLOOK ', 'Further visits are planned.']]),
      { highlights: [], notes },
      AT
    )
    expect(renamedAgain.changedNotes.find((n) => n.id === 'on-outlook')!.target).toEqual({
      kind: 'section',
      sectionId: 'outlook-2'
    })
    expect(result.notes).toEqual([
      { id: 'on-outlook', label: 'Check the summit date', oldHeading: 'Outlook' },
      { id: 'on-costs', label: 'Ask for the figures', oldHeading: 'Costs' }
    ])
    expect(result.changedNotes.map((n) => [n.id, n.target])).toEqual([
      ['on-outlook', { kind: 'briefing' }],
      ['on-costs', { kind: 'briefing' }]
    ])
  })

  it('prefers the exact quote in another section over a fuzzy match in its own', () => {
    const moved = reanchor(
      OLD,
      briefing([
        ['talks', 'Talks', 'Ministers agreed to expand joint exercise in the Indian Ocean.'],
        ['later', 'Later', 'They agreed to expand joint exercises, officials said.']
      ]),
      { highlights: [highlights[1]!], notes: [] },
      AT
    )
    expect(moved.highlights[0]).toMatchObject({ status: 'moved', sectionId: 'later' })
  })
})
