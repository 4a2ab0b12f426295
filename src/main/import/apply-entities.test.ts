// Applying the analyst's decisions on proposed entities: accepted ones become entities with unique
// ids, renamed ones keep the proposed name as an alias, merged names become aliases, rejected ones
// go; mentions are tagged at word boundaries; a decision that cannot apply changes nothing.

import { describe, expect, it } from 'vitest'

import type { Briefing, Entity } from '../../shared/dataset'
import type { EntityProposal } from '../../shared/entity-review'
import { applyEntityDecisions } from './apply-entities'

const entity = (id: string, name: string, kind: Entity['kind'] = 'place'): Entity => ({
  id,
  kind,
  name,
  aliases: []
})

const LIBRARY = new Map<string, Entity>([
  ['japan', entity('japan', 'Japan')],
  ['olaf-scholz', entity('olaf-scholz', 'Olaf Scholz', 'person')],
  ['nairobi', entity('nairobi', 'Nairobi')]
])

const TEXT =
  'Scholz met Emmanuel Macron in Nairobi. Macron and the Macronists spoke of Siemens; ' +
  'Siemensstadt was not named. Japan sent Kishida.'

const BRIEFING: Briefing = {
  id: 'talks',
  title: 'Talks',
  source: 'Wire',
  published: '2024-01-01',
  tags: [],
  sections: [
    {
      id: 'lead',
      heading: 'Overview',
      text: TEXT,
      tags: [],
      mentions: [
        { start: 30, end: 37, entity: 'nairobi', text: 'Nairobi' },
        {
          start: TEXT.indexOf('Japan'),
          end: TEXT.indexOf('Japan') + 5,
          entity: 'japan',
          text: 'Japan'
        }
      ]
    }
  ]
}

const proposal = (name: string, kind: EntityProposal['kind']): EntityProposal => ({
  name,
  kind,
  count: 1,
  examples: []
})
const PROPOSALS = [
  proposal('Emmanuel Macron', 'person'),
  proposal('Macron', 'person'),
  proposal('Scholz', 'person'),
  proposal('Siemens', 'organisation'),
  proposal('Kishida', 'person')
]

function apply(decisions: Parameters<typeof applyEntityDecisions>[3], library = LIBRARY) {
  const result = applyEntityDecisions(BRIEFING, library, PROPOSALS, decisions)
  if ('error' in result) throw new Error(result.error)
  return result
}

const tagged = (briefing: Briefing) =>
  briefing.sections[0]!.mentions.map((m) => `${m.text}@${m.start}=${m.entity}`)

describe('applyEntityDecisions', () => {
  it('accepts, renames, merges and rejects; mentions are tagged at word boundaries', () => {
    const result = apply([
      {
        name: 'Emmanuel Macron',
        action: 'accept',
        as: { name: 'Emmanuel Macron', kind: 'person' }
      },
      { name: 'Macron', action: 'accept', as: { name: 'Emmanuel Macron', kind: 'person' } },
      { name: 'Scholz', action: 'merge', into: 'olaf-scholz' },
      { name: 'Siemens', action: 'accept', as: { name: 'Siemens AG', kind: 'organisation' } },
      { name: 'Kishida', action: 'reject' }
    ])
    expect(result).toMatchObject({ accepted: 3, merged: 1, rejected: 1, remaining: [] })
    expect(result.entities.get('emmanuel-macron')).toEqual({
      id: 'emmanuel-macron',
      kind: 'person',
      name: 'Emmanuel Macron',
      aliases: ['Macron']
    })
    expect(result.entities.get('siemens-ag')).toMatchObject({
      name: 'Siemens AG',
      aliases: ['Siemens']
    })
    expect(result.entities.get('olaf-scholz')?.aliases).toEqual(['Scholz'])
    expect(LIBRARY.get('olaf-scholz')?.aliases).toEqual([])
    // "Macronists" and "Siemensstadt" continue a word: not tagged; the rejected name is not.
    expect(tagged(result.briefing)).toEqual([
      'Scholz@0=olaf-scholz',
      'Emmanuel Macron@11=emmanuel-macron',
      'Nairobi@30=nairobi',
      'Macron@39=emmanuel-macron',
      'Siemens@74=siemens-ag',
      `Japan@${TEXT.indexOf('Japan')}=japan`
    ])
    expect(result).toMatchObject({ mentionsBefore: 2, mentionsAfter: 6 })
    expect(result.fileEntities.map((e) => e.id).sort()).toEqual([
      'emmanuel-macron',
      'japan',
      'nairobi',
      'olaf-scholz',
      'siemens-ag'
    ])
  })

  it('gives new entities ids unique in the library and safe for any name', () => {
    const library = new Map(LIBRARY).set(
      'siemens',
      entity('siemens', 'Siemens Group', 'organisation')
    )
    const result = apply(
      [
        { name: 'Siemens', action: 'accept', as: { name: 'Siemens', kind: 'organisation' } },
        { name: 'Kishida', action: 'accept', as: { name: '岸田文雄', kind: 'person' } }
      ],
      library
    )
    const ids = [...result.entities.keys()]
    expect(ids).toContain('siemens-2')
    expect(ids).toContain('entity')
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('leaves undecided proposals for later and drops those whose name is now known', () => {
    const result = apply([
      { name: 'Macron', action: 'accept', as: { name: 'Emmanuel Macron', kind: 'person' } }
    ])
    expect(result.remaining.map((p) => p.name)).toEqual(['Scholz', 'Siemens', 'Kishida'])
  })

  it('refuses, changing nothing, a stale proposal, a known name or a missing merge target', () => {
    const refusals = [
      [{ name: 'Nobody', action: 'reject' as const }],
      [
        { name: 'Kishida', action: 'reject' as const },
        { name: 'Kishida', action: 'reject' as const }
      ],
      [
        {
          name: 'Kishida',
          action: 'accept' as const,
          as: { name: 'Japan', kind: 'person' as const }
        }
      ],
      [{ name: 'Scholz', action: 'merge' as const, into: 'angela-merkel' }],
      [
        {
          name: 'Macron',
          action: 'accept' as const,
          as: { name: 'Macron', kind: 'person' as const }
        },
        {
          name: 'Emmanuel Macron',
          action: 'accept' as const,
          as: { name: 'Macron', kind: 'place' as const }
        }
      ]
    ]
    const messages = refusals.map((decisions) => {
      const result = applyEntityDecisions(BRIEFING, LIBRARY, PROPOSALS, decisions)
      return 'error' in result ? result.error : 'applied'
    })
    expect(messages).toEqual([
      '“Nobody” is not among the entities to review (any more).',
      '“Kishida” is not among the entities to review (any more).',
      '“Japan” is already the library’s entity “Japan”: merge with it instead.',
      'There is no entity “angela-merkel” to merge with.',
      '“Macron” was accepted twice, as person and place.'
    ])
    expect(LIBRARY.size).toBe(3)
    expect(BRIEFING.sections[0]!.mentions).toHaveLength(2)
  })
})
