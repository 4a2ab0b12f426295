// Test support only: a small library (two briefings, entities with aliases) for the search tests.
// Mention offsets are computed from the text, so the texts can be edited freely.

import { expect } from 'vitest'

import type { Briefing, Entity, Mention, Section } from '../shared/dataset'
import type { SearchHit } from '../shared/search'
import type { Library } from '../main/library/library'
import { ELLIPSIS } from '../main/search/snippet'

const ENTITIES: Entity[] = [
  { id: 'kishida', kind: 'person', name: 'Fumio Kishida', aliases: ['Kishida', 'PM Kishida'] },
  { id: 'modi', kind: 'person', name: 'Narendra Modi', aliases: ['Modi', 'PM Modi'] },
  { id: 'tokyo', kind: 'place', name: 'Tokyo', aliases: [] },
  { id: 'japan', kind: 'place', name: 'Japan', aliases: ['Nippon'] },
  {
    id: 'quad',
    kind: 'programme',
    name: 'Quadrilateral Security Dialogue',
    aliases: ['Quad']
  },
  { id: 'malabar', kind: 'programme', name: 'Exercise Malabar', aliases: ['Malabar'] },
  {
    id: 'asean',
    kind: 'organisation',
    name: 'Association of Southeast Asian Nations',
    aliases: ['ASEAN']
  }
]

/** Every occurrence of each surface form in `text`, as mentions of its entity. */
function mentionsIn(text: string, forms: Record<string, string>): Mention[] {
  const mentions: Mention[] = []
  for (const [surface, entity] of Object.entries(forms)) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      mentions.push({ start: at, end: at + surface.length, entity, text: surface })
    }
  }
  return mentions.sort((a, b) => a.start - b.start)
}

/** A section whose mentions are every occurrence in `text` of the surface forms in `forms`. */
export function section(
  id: string,
  heading: string,
  text: string,
  tags: string[],
  forms: Record<string, string> = {}
): Section {
  return { id, heading, text, tags, mentions: mentionsIn(text, forms) }
}

/** A long paragraph of filler around a sentence, for snippet windows. */
export const LONG_TEXT =
  'Officials spent the first morning on procedure, agendas and the seating plan for delegations. ' +
  'Press briefings were short and mostly about logistics, schedules and travel arrangements. ' +
  'Later, talks turned to maritime surveillance and the military exercises planned near the ' +
  'Andaman Sea, where both navies want a larger role. Observers expected little news before the ' +
  'closing dinner, which ran late and ended without a joint statement from either delegation.'

export const QUAD_BRIEFING: Briefing = {
  id: 'india-japan',
  title: 'India and Japan deepen ties',
  source: 'Test desk',
  published: '2024-03-01',
  tags: ['indo-pacific'],
  sections: [
    section(
      'lead',
      'Lead',
      'PM Kishida met PM Modi in Tokyo on Monday. Kishida said Japan wants the Quad to meet ' +
        'more often, and the meetings will now be held every year.',
      ['diplomacy'],
      { Kishida: 'kishida', Modi: 'modi', Tokyo: 'tokyo', Japan: 'japan', Quad: 'quad' }
    ),
    section(
      'military',
      'Military cooperation',
      'Navies of both countries will join Exercise Malabar. The army staff talks continue.',
      ['defence'],
      { 'Exercise Malabar': 'malabar' }
    ),
    section('long', 'Second day', LONG_TEXT, ['diplomacy']),
    section(
      'economy',
      'Economy',
      'Japanese investment in Indian rail grew. Nippon firms lead the high-speed line.',
      ['trade'],
      { Nippon: 'japan' }
    )
  ]
}

export const ASEAN_BRIEFING: Briefing = {
  id: 'asean-outlook',
  title: 'ASEAN outlook',
  source: 'Test desk',
  published: '2024-04-02',
  tags: ['asean'],
  sections: [
    section(
      'overview',
      'Overview',
      'Japan, Japan and again Japan: ASEAN members watch Japan closely as Tokyo expands aid.',
      ['economy'],
      { Japan: 'japan', ASEAN: 'asean', Tokyo: 'tokyo' }
    ),
    section(
      'security',
      'Security outlook',
      'Militarily, ASEAN stays neutral; members avoid the Quad and keep talking to everyone.',
      ['defence'],
      { ASEAN: 'asean', Quad: 'quad' }
    )
  ]
}

/** A library built from `briefings` (the two test briefings by default). */
export function testLibrary(briefings: Briefing[] = [QUAD_BRIEFING, ASEAN_BRIEFING]): Library {
  return { entities: new Map(ENTITIES.map((e) => [e.id, e])), briefings }
}

/** Ranges sorted and disjoint; snippet a substring of the text whose marks are match ranges. */
export function expectWellFormed(hit: SearchHit, text: string): void {
  let previousEnd = 0
  for (const [start, end] of hit.matches) {
    expect(start).toBeGreaterThanOrEqual(previousEnd)
    expect(end).toBeGreaterThan(start)
    expect(end).toBeLessThanOrEqual(text.length)
    previousEnd = end
  }
  const parts = [...hit.snippet]
  const leading = parts[0]?.text === ELLIPSIS && !parts[0].mark
  if (leading) parts.shift()
  const trailing = parts.at(-1)?.text === ELLIPSIS && !parts.at(-1)?.mark
  if (trailing) parts.pop()
  const body = parts.map((p) => p.text).join('')
  const ranges = new Set(hit.matches.map(([s, e]) => `${s}-${e}`))
  const offsets: number[] = []
  for (let at = text.indexOf(body); at >= 0; at = text.indexOf(body, at + 1)) offsets.push(at)
  const fits = offsets.some((offset) => {
    let at = offset
    return parts.every((part) => {
      const ok = !part.mark || ranges.has(`${at}-${at + part.text.length}`)
      at += part.text.length
      return ok
    })
  })
  expect(fits, `snippet ${JSON.stringify(hit.snippet)} is not in the text with its marks`).toBe(
    true
  )
  expect(leading).toBe(!text.startsWith(body))
  expect(trailing).toBe(!text.endsWith(body))
}
