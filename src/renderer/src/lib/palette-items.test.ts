import { describe, expect, it } from 'vitest'

import type { BriefingDetail, BriefingSummary } from '../../../shared/library'
import { paletteItems, rankItems } from './palette-items'

const library = [
  { id: 'b1', title: 'Harbour survey of the northern port', source: 'Desk A' },
  { id: 'b2', title: 'Energy outlook', source: 'Desk B' }
] as BriefingSummary[]
const open = {
  id: 'b2',
  sections: [
    { id: 's1', heading: 'Overview' },
    { id: 's2', heading: 'Gas storage levels' }
  ]
} as BriefingDetail

describe('palette items', () => {
  it('lists commands with their keys, then sections of the open briefing, then briefings', () => {
    const items = paletteItems({ library, open, mac: false })
    const exportNotes = items.find((i) => i.kind === 'command' && i.id === 'export-notes')
    expect(exportNotes?.detail).toBe('Ctrl+E')
    expect(items.filter((i) => i.kind === 'section').map((i) => i.label)).toEqual([
      'Overview',
      'Gas storage levels'
    ])
    expect(items.filter((i) => i.kind === 'briefing')).toHaveLength(2)
  })
  it('shows macOS keys on macOS and leaves section commands out in the library', () => {
    const items = paletteItems({ library, open: null, mac: true })
    expect(items.find((i) => i.kind === 'command' && i.id === 'back')?.detail).toBe('⌘[')
    expect(items.some((i) => i.kind === 'section')).toBe(false)
    expect(items.some((i) => i.kind === 'command' && i.id === 'next-section')).toBe(false)
  })
  it('finds a command, a section and a briefing by a fuzzy query', () => {
    const items = paletteItems({ library, open, mac: false })
    expect(rankItems(items, 'expnot')[0]?.item.label).toBe('Export Notes…')
    expect(rankItems(items, 'gas stor')[0]?.item.label).toBe('Gas storage levels')
    expect(rankItems(items, 'harb north')[0]?.item.label).toBe(
      'Harbour survey of the northern port'
    )
  })
})
