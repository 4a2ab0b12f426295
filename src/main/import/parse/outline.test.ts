// The outline rule shared by the importers: title, section level, and no empty sections.

import { describe, expect, it } from 'vitest'

import { buildOutline } from './outline'
import type { Block } from './types'

const h = (level: number, text: string): Block => ({ kind: 'heading', level, text })
const p = (text: string): Block => ({ kind: 'paragraph', text })

describe('buildOutline', () => {
  it('takes a single level-1 heading as the title only when asked to', () => {
    const blocks = [h(1, 'Title'), p('lead'), h(2, 'A'), p('a')]
    expect(buildOutline(blocks, true)).toEqual({
      title: 'Title',
      lead: ['lead'],
      sections: [{ heading: 'A', paragraphs: ['a'] }]
    })
    expect(buildOutline(blocks, false).sections.map((s) => s.heading)).toEqual(['Title'])
  })

  it('makes sections of the highest level present; deeper headings are paragraphs', () => {
    const outline = buildOutline([p('x'), h(3, 'A'), p('a'), h(2, 'B'), h(3, 'B1'), p('b')], true)
    expect(outline).toEqual({
      title: undefined,
      lead: ['x', 'A', 'a'],
      sections: [{ heading: 'B', paragraphs: ['B1', 'b'] }]
    })
  })

  it('keeps every section non-empty and drops blank blocks', () => {
    const outline = buildOutline(
      [h(1, 'A'), h(1, ' '), h(1, 'B'), p('b'), p('  '), h(1, 'End')],
      false
    )
    expect(outline.sections).toEqual([{ heading: 'A', paragraphs: ['B', 'b', 'End'] }])
    expect(buildOutline([h(2, 'Only')], false)).toEqual({
      title: undefined,
      lead: ['Only'],
      sections: []
    })
  })

  it('with every level, makes each heading a section named after its parent heading', () => {
    const outline = buildOutline(
      [
        h(1, 'Title'),
        p('lead'),
        h(2, 'Trade'),
        p('t'),
        h(3, 'Tariffs'),
        p('ta'),
        h(3, 'Quotas'),
        p('q'),
        h(2, 'Defence'),
        h(3, 'Exercises'),
        p('e'),
        h(3, 'Talks'),
        h(2, 'Outlook'),
        p('o')
      ],
      true,
      true
    )
    expect(outline).toEqual({
      title: 'Title',
      lead: ['lead'],
      sections: [
        { heading: 'Trade', paragraphs: ['t'] },
        { heading: 'Trade › Tariffs', paragraphs: ['ta'] },
        { heading: 'Trade › Quotas', paragraphs: ['q'] },
        // "Defence" has no text of its own: it is named in its sub-section instead.
        { heading: 'Defence › Exercises', paragraphs: ['e', 'Talks'] },
        { heading: 'Outlook', paragraphs: ['o'] }
      ]
    })
  })

  it('with every level, keeps a same-level heading after an empty one as its first paragraph', () => {
    const outline = buildOutline([h(2, 'A'), h(2, 'Subtitle'), p('a'), h(3, 'End')], false, true)
    expect(outline.sections).toEqual([{ heading: 'A', paragraphs: ['Subtitle', 'a', 'End'] }])
  })
})
