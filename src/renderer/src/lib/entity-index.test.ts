// Unit tests of the per-briefing entity index.

import { describe, expect, it } from 'vitest'

import type { Briefing, Entity } from '../../../shared/dataset'
import { indexEntities } from './entity-index'

const entities: Entity[] = [
  { id: 'modi', kind: 'person', name: 'Narendra Modi', aliases: [] },
  { id: 'abe', kind: 'person', name: 'Abe Shinzo', aliases: [] },
  { id: 'tokyo', kind: 'place', name: 'Tokyo', aliases: [] },
  { id: 'unused', kind: 'organisation', name: 'Unused', aliases: [] }
]

function section(id: string, ids: string[]) {
  return {
    id,
    heading: id.toUpperCase(),
    text: 'x'.repeat(100),
    tags: [],
    mentions: ids.map((entity, i) => ({ start: i * 10, end: i * 10 + 5, entity, text: 'xxxxx' }))
  }
}

const briefing: Briefing = {
  id: 'b',
  title: 'B',
  source: 'S',
  published: '2024-01-02',
  tags: [],
  sections: [
    section('one', ['modi', 'tokyo', 'modi']),
    section('two', ['abe']),
    section('three', ['modi', 'ghost'])
  ]
}

describe('indexEntities', () => {
  const index = indexEntities(briefing, entities)

  it('counts mentions over the whole briefing and lists the sections per entity', () => {
    expect(index.byId.get('modi')?.total).toBe(3)
    expect(index.byId.get('modi')?.sections).toEqual([
      { sectionId: 'one', index: 0, heading: 'ONE', count: 2 },
      { sectionId: 'three', index: 2, heading: 'THREE', count: 1 }
    ])
    expect(index.byId.get('ghost')).toBeUndefined()
  })

  it('groups by kind in kind order, most mentioned first, and skips empty kinds', () => {
    expect(index.groups.map((g) => [g.kind, g.stats.map((s) => s.entity.id)])).toEqual([
      ['person', ['modi', 'abe']],
      ['place', ['tokyo']]
    ])
  })
})
