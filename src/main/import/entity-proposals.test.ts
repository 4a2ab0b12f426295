// Entity proposals an analyst can trust (issue #16): no name proposed inside a longer known or
// proposed one, names cut by a line break joined, cut names completed, and a known programme not
// tagged from a partial phrase naming other parties.

import { describe, expect, it } from 'vitest'

import type { Entity } from '../../shared/dataset'
import { proposeEntities, tagKnownEntities } from './entity-tagging'
import { bundledDataset } from '../../test-support/import'

const known = bundledDataset().entities
const names = (text: string, entities: readonly Entity[] = known) =>
  proposeEntities(text, entities).map((p) => `${p.name} (${p.kind})`)

describe('proposeEntities', () => {
  it('never proposes a name inside a longer known or proposed name', () => {
    const text =
      'Vessels of the People’s Republic of China patrolled the East China Sea and the South ' +
      'China Sea. Manila protested.'
    const proposed = names(text)
    expect(proposed).toContain('East China Sea (place)')
    expect(proposed.some((n) => n.startsWith('China '))).toBe(false)
    expect(proposed.some((n) => n.startsWith('South China'))).toBe(false)
  })

  it('joins names cut by a line break and completes names the NLP library cut', () => {
    const text =
      'A boat reached the ship at Second\nThomas Shoal on Monday, escorted by the Philippine\n' +
      'Coast Guard. Secretary of State Antony J. Blinken spoke with Manila.'
    const proposed = names(text)
    expect(proposed).toEqual(
      expect.arrayContaining([
        'Second Thomas Shoal (place)',
        'Philippine Coast Guard (organisation)',
        'Antony J. Blinken (person)'
      ])
    )
    for (const cut of ['Thomas Shoal', 'Philippine', 'Philippine coast', 'State Antony']) {
      expect(proposed.some((n) => n.startsWith(`${cut} (`))).toBe(false)
    }
  })

  it('counts and shows each mention in its context', () => {
    const [proposal] = proposeEntities(
      'Basa Air Base was upgraded. Later, Basa Air Base hosted drills.',
      known
    )
    expect(proposal).toMatchObject({ name: 'Basa Air Base', kind: 'place', count: 2 })
    expect(proposal?.examples).toEqual([
      'Basa Air Base was upgraded. Later, Basa Air Base hosted…',
      'Basa Air Base was upgraded. Later, Basa Air Base hosted drills.'
    ])
  })
})

describe('tagKnownEntities and programmes named in part', () => {
  const programme = (text: string) =>
    tagKnownEntities(text, known)
      .filter((m) => m.entity === 'india-japan-2-plus-2-dialogue')
      .map((m) => m.text)

  it('does not tag the India–Japan 2+2 from a 2+2 of other parties', () => {
    expect(
      programme('Japan and the Philippines held their first 2+2 ministerial dialogue.')
    ).toEqual([])
    expect(programme('The fourth Philippines-United States 2+2 dialogue met in Manila.')).toEqual(
      []
    )
  })

  it('still tags it where only its own parties, or none, are named', () => {
    expect(programme('India and Japan will hold the 2+2 dialogue in Tokyo.')).toEqual([
      '2+2 dialogue'
    ])
    expect(programme('The second 2+2 Ministerial Dialogue was expected in April.')).toEqual([
      '2+2 Ministerial Dialogue'
    ])
    expect(programme('The India-Japan 2+2 Ministerial Dialogue met.')).toEqual([
      'India-Japan 2+2 Ministerial Dialogue'
    ])
  })
})
