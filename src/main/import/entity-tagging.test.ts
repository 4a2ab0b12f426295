// Entity tagging: on the seed text the known entities are found exactly where the bundled
// annotation has them, never inside a word; compromise proposes unknown people and places.

import { describe, expect, it } from 'vitest'

import type { Entity } from '../../shared/dataset'
import { isWordChar } from '../../shared/canonical-text'
import {
  cleanName,
  MAX_PROPOSAL_CHARS,
  proposalSample,
  proposeEntities,
  tagKnownEntities
} from './entity-tagging'
import { parsePlainText } from './parse/plain-text'
import { bundledDataset, seedText } from '../../test-support/import'
import { toBriefing } from './parse/to-briefing'

const dataset = bundledDataset()
const entities = dataset.entities
const imported = toBriefing(parsePlainText(seedText(), 'seed.txt'), {
  fileName: 'seed.txt',
  id: 'seed',
  importedAt: '2024-01-01T00:00:00Z'
})

const entity = (id: string, name: string, aliases: string[] = []): Entity => ({
  id,
  kind: 'place',
  name,
  aliases
})

describe('tagKnownEntities on the seed text with the bundled entities', () => {
  it('finds exactly the bundled annotation’s mentions, section by section', () => {
    const bundled = dataset.briefings[0]!.sections
    imported.sections.forEach((section, i) => {
      expect(tagKnownEntities(section.text, entities)).toEqual(bundled[i]!.mentions)
    })
  })

  it('tags only whole words, each a name or alias of its entity', () => {
    const surfaces = new Map(entities.map((e) => [e.id, [e.name, ...e.aliases]]))
    for (const section of imported.sections) {
      for (const m of tagKnownEntities(section.text, entities)) {
        expect(section.text.slice(m.start, m.end)).toBe(m.text)
        expect(surfaces.get(m.entity)).toContain(m.text)
        expect(isWordChar(section.text[m.start - 1]) && isWordChar(m.text[0])).toBe(false)
        expect(isWordChar(section.text[m.end]) && isWordChar(m.text.at(-1))).toBe(false)
      }
    }
  })
})

describe('tagKnownEntities rules', () => {
  const known = [
    entity('japan', 'Japan'),
    entity('us', 'United States', ['US']),
    { ...entity('us-2', 'ShinMaywa US-2', ['US-2']), kind: 'programme' as const },
    entity('scs', 'South China Sea'),
    entity('south', 'South'),
    entity('nato', 'NATO')
  ]
  const tags = (text: string) => tagKnownEntities(text, known).map((m) => `${m.entity}:${m.text}`)

  it('never tags inside a word, nor "US" inside "US-2"', () => {
    expect(tags('Japanese Japan-based JapanX US-2 US-led USB US.')).toEqual([
      'japan:Japan',
      'us-2:US-2',
      'us:US',
      'us:US'
    ])
  })

  it('is case-sensitive and takes the leftmost, longest match', () => {
    expect(tags('japan NATO nato the South China Sea and the South')).toEqual([
      'nato:NATO',
      'scs:South China Sea',
      'south:South'
    ])
  })

  it('reports UTF-16 offsets past astral characters', () => {
    const [mention] = tagKnownEntities('🇯🇵 Japan', known)
    expect(mention).toEqual({ start: 5, end: 10, entity: 'japan', text: 'Japan' })
  })

  it('splits "<other entity> <own name>" and cuts a title before the canonical name', () => {
    const people = [
      { ...entity('quad', 'QUAD'), kind: 'organisation' as const },
      {
        ...entity('summit', 'QUAD Leaders Summit', ['Leaders Summit']),
        kind: 'programme' as const
      },
      { ...entity('sj', 'S Jaishankar', ['Dr S Jaishankar']), kind: 'person' as const },
      { ...entity('modi', 'Narendra Modi', ['PM Modi', 'Modi']), kind: 'person' as const }
    ]
    const found = tagKnownEntities('QUAD Leaders Summit; Dr S Jaishankar; PM Modi', people)
    expect(found.map((m) => `${m.entity}:${m.text}@${m.start}`)).toEqual([
      'quad:QUAD@0',
      'summit:Leaders Summit@5',
      'sj:S Jaishankar@24',
      'modi:PM Modi@38'
    ])
  })

  it('gives a surface listed twice to the first entity', () => {
    const twice = [entity('a', 'Georgia'), entity('b', 'Georgia')]
    expect(tagKnownEntities('Georgia', twice).map((m) => m.entity)).toEqual(['a'])
  })
})

describe('proposeEntities', () => {
  const TEXT =
    'Chancellor Olaf Scholz met Emmanuel Macron in Berlin on Friday. Scholz’s aides said the ' +
    'European Union and Siemens would join the talks. Later, Macron flew to Nairobi, Kenya, where ' +
    'he met officials from Japan.'

  it('proposes unknown people, places and organisations with counts and examples', () => {
    const proposals = proposeEntities(TEXT, [entity('japan', 'Japan')])
    const byName = new Map(proposals.map((p) => [p.name, p]))
    expect(byName.get('Olaf Scholz')).toMatchObject({ kind: 'person', count: 1 })
    expect(byName.get('Emmanuel Macron')).toMatchObject({ kind: 'person', count: 1 })
    expect(byName.get('Berlin')).toMatchObject({ kind: 'place', count: 1 })
    expect(byName.get('Siemens')?.kind).toBe('organisation')
    expect(byName.get('Berlin')?.examples[0]).toBe(
      'Chancellor Olaf Scholz met Emmanuel Macron in Berlin on Friday. Scholz’s aides said the European…'
    )
    expect(byName.get('Nairobi')?.kind).toBe('place')
    expect(byName.get('Kenya')?.kind).toBe('place')
    expect(byName.has('Japan')).toBe(false)
    for (const proposal of proposals) {
      expect(proposal.name).toBe(cleanName(proposal.name))
      expect(proposal.count).toBeGreaterThan(0)
      expect(proposal.examples.length).toBeLessThanOrEqual(3)
    }
  })

  it('proposes nothing already known on the seed text, nor a part of a known name', () => {
    const text = imported.sections.map((s) => s.text).join('\n\n')
    const known = new Set(entities.flatMap((e) => [e.name, ...e.aliases]))
    const proposals = proposeEntities(text, entities)
    for (const proposal of proposals) expect(known.has(proposal.name)).toBe(false)
    const names = proposals.map((p) => p.name)
    for (const part of ['South China', 'MILAN', 'India-Japan', 'Joe Biden', 'S Jaishankar']) {
      expect(names).not.toContain(part)
    }
  })
})

describe('proposalSample', () => {
  it('limits proposals to the first MAX_PROPOSAL_CHARS characters, cut between words', () => {
    const filler = 'The committee met again and talked at length. '
    const text = `Olaf Scholz spoke. ${filler.repeat(MAX_PROPOSAL_CHARS / filler.length)}Emmanuel Macron replied.`
    const sample = proposalSample(text)
    expect(sample.length).toBeLessThanOrEqual(MAX_PROPOSAL_CHARS)
    expect(text.startsWith(sample) && text[sample.length]).toBe(' ')
    expect(proposalSample('short text')).toBe('short text')
    const names = proposeEntities(text, []).map((p) => p.name)
    expect(names).toContain('Olaf Scholz')
    expect(names).not.toContain('Emmanuel Macron')
  })
})

describe('cleanName', () => {
  it.each([
    ['President Joe Biden,', 'Joe Biden'],
    ['Scholz’s', 'Scholz'],
    ["Macron's", 'Macron'],
    ['foreign secretary Vinay Kwatra', 'Vinay Kwatra'],
    ['Minister Dr S Jaishankar', 'S Jaishankar'],
    ['the Northeast', 'Northeast'],
    ['Nairobi, Kenya.', 'Nairobi, Kenya'],
    ['U.S.', 'U.S.'],
    ['india', '']
  ])('%j → %j', (raw, clean) => {
    expect(cleanName(raw)).toBe(clean)
  })
})
