// How the search sees a section: its tags then its briefing's, and the entities it mentions, each
// once and in the order first listed (what filters and facets count).

import { describe, expect, it } from 'vitest'

import type { Briefing, Section } from '../../shared/dataset'
import { indexedSection, once } from './section-index'

const section = (tags: string[], entities: string[]): Section => ({
  id: 's1',
  heading: 'Heading',
  text: 'Text.',
  tags,
  mentions: entities.map((entity, i) => ({ start: i, end: i + 1, entity, text: 'T' }))
})

const briefing = (tags: string[]): Briefing => ({
  id: 'b1',
  title: 'Title',
  source: 'Source',
  published: '2026-01-01',
  tags,
  sections: []
})

describe('indexedSection', () => {
  it("lists the section's tags, then its briefing's, each once", () => {
    const b = briefing(['asia', 'defence', 'asia'])
    const entry = indexedSection(b, section(['navy', 'asia', 'navy'], []), once(b.tags))
    expect(entry.tags).toEqual(['navy', 'asia', 'defence'])
  })

  it("shares the briefing's tags, made once, among its sections that have none", () => {
    const briefingTags = once(['asia', 'defence', 'asia'])
    expect(briefingTags).toEqual(['asia', 'defence'])
    const entry = indexedSection(briefing([]), section([], []), briefingTags)
    expect(entry.tags).toBe(briefingTags)
    expect(entry.entities).toEqual([])
  })

  it('lists each entity the section mentions once, in the order first mentioned', () => {
    const entry = indexedSection(briefing([]), section([], ['e2', 'e1', 'e2', 'e3', 'e1']), [])
    expect(entry.entities).toEqual(['e2', 'e1', 'e3'])
  })

  it('does the same for long lists (hundreds of mentions, dozens of tags)', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `e${i % 120}`)
    const tags = Array.from({ length: 40 }, (_, i) => `t${i % 25}`)
    const entry = indexedSection(briefing([]), section(tags, ids), once(['t3', 'extra']))
    expect(entry.entities).toEqual(Array.from({ length: 120 }, (_, i) => `e${i}`))
    expect(entry.tags).toEqual([...Array.from({ length: 25 }, (_, i) => `t${i}`), 'extra'])
  })
})
