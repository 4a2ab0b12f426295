// findUntaggedMentions: whole-word, case-sensitive search for entity names that no mention covers.

import { describe, expect, it } from 'vitest'

import type { Entity, Mention } from '../../shared/dataset'
import { findWholeWord } from '../../shared/canonical-text'
import type { Library } from './library'
import { findUntaggedMentions } from './untagged'

const ENTITIES: Entity[] = [
  { id: 'japan', kind: 'place', name: 'Japan', aliases: [] },
  { id: 'united-states', kind: 'place', name: 'United States', aliases: ['US'] },
  { id: 'us-2', kind: 'programme', name: 'ShinMaywa US-2', aliases: ['US-2'] },
  { id: 'indo-pacific', kind: 'place', name: 'Indo-Pacific', aliases: ['Indo-Pacific Region'] },
  { id: 'nobuo-kishi', kind: 'person', name: 'Nobuo Kishi', aliases: ['Kishi'] }
]

/** A one-section library; mentions are given as surfaces, placed at their first occurrence. */
function library(text: string, tagged: [string, string][] = []): Library {
  const mentions: Mention[] = tagged.map(([surface, entity]) => {
    const start = text.indexOf(surface)
    return { start, end: start + surface.length, entity, text: surface }
  })
  return {
    entities: new Map(ENTITIES.map((e) => [e.id, e])),
    briefings: [
      {
        id: 'b',
        title: 'B',
        source: 'S',
        published: '2022-05-23',
        tags: [],
        sections: [{ id: 's', heading: 'S', text, tags: [], mentions }]
      }
    ]
  }
}

describe('findUntaggedMentions', () => {
  it('finds a planted untagged name', () => {
    const text = 'The minister flew to Japan on Monday.'
    expect(findUntaggedMentions(library(text))).toEqual([
      { briefingId: 'b', sectionId: 's', entityId: 'japan', surface: 'Japan', start: 21 }
    ])
  })

  it('ignores a name inside a larger word', () => {
    const text = 'Japanese and Indo-Japanese firms; Kishida met USA officials; USB ports.'
    expect(findUntaggedMentions(library(text))).toEqual([])
  })

  it('is case-sensitive', () => {
    expect(findUntaggedMentions(library('japan and us'))).toEqual([])
  })

  it('treats names covered by a mention as tagged', () => {
    const text = 'India bought no US-2 aircraft; Japan hosted the US delegation.'
    const tagged = library(text, [
      ['US-2', 'us-2'],
      ['Japan', 'japan']
    ])
    expect(findUntaggedMentions(tagged)).toEqual([
      { briefingId: 'b', sectionId: 's', entityId: 'united-states', surface: 'US', start: 48 }
    ])
  })

  it('reports a name once, as its longest untagged surface', () => {
    const text = 'Security in the Indo-Pacific Region matters to Nobuo Kishi.'
    expect(findUntaggedMentions(library(text))).toEqual([
      expect.objectContaining({ entityId: 'indo-pacific', surface: 'Indo-Pacific Region' }),
      expect.objectContaining({ entityId: 'nobuo-kishi', surface: 'Nobuo Kishi' })
    ])
  })
})

describe('findWholeWord', () => {
  it('matches only where the surface is not glued to letters or digits', () => {
    expect(findWholeWord('Japan, Japanese, (Japan) Japan’s Japan2', 'Japan')).toEqual([0, 18, 25])
    expect(findWholeWord('the 2+2 and 12+2', '2+2')).toEqual([4])
  })
})
