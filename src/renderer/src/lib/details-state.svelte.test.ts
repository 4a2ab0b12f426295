// The details form after an import: it opens by itself for each imported briefing whose file
// lacked details, one after another, saying which were guessed; Cancel or Save moves on.

import { describe, expect, it } from 'vitest'

import type { BriefingSummary } from '../../../shared/library'
import type { BriefingDetailsUpdate } from '../../../shared/import-requests'
import { DetailsState } from './details-state.svelte'

const summary = (id: string, imported = true): BriefingSummary => ({
  id,
  title: id,
  source: 'Unknown source',
  published: '2024-05-02',
  tags: [],
  sectionCount: 1,
  entityCount: 0,
  imported
})

function state() {
  const saved: string[] = []
  const updates: BriefingDetailsUpdate[] = []
  const details = new DetailsState(
    async (s) => void saved.push(s.id),
    async (update) => {
      updates.push(update)
      return { ...summary(update.briefingId), source: update.source ?? '' }
    }
  )
  return { details, saved, updates }
}

describe('DetailsState after an import', () => {
  it('asks about each briefing with guessed details in turn', async () => {
    const { details, saved, updates } = state()
    details.askAfterImport([
      { briefing: summary('a'), guessed: ['source', 'published'] },
      { briefing: summary('bundled', false), guessed: ['title'] },
      { briefing: summary('full'), guessed: [] },
      { briefing: summary('b'), guessed: ['title'] }
    ])
    expect(details.target?.id).toBe('a')
    expect(details.guessed).toEqual(['source', 'published'])
    expect(details.step).toEqual({ index: 1, total: 2 })

    await details.save({ title: 'A', source: 'Wire', published: '2024-05-02' })
    expect(updates.map((u) => u.briefingId)).toEqual(['a'])
    expect(saved).toEqual(['a'])
    expect(details.target?.id).toBe('b')
    expect(details.guessed).toEqual(['title'])
    expect(details.step).toEqual({ index: 2, total: 2 })

    details.close()
    expect(details.target).toBeNull()
    expect(details.guessed).toEqual([])
    expect(details.step).toBeNull()
  })

  it('opens alone, with no series, for one briefing or from the library', () => {
    const { details } = state()
    details.askAfterImport([{ briefing: summary('a'), guessed: ['source'] }])
    expect(details.step).toBeNull()
    details.close()
    details.show(summary('c'))
    expect(details.target?.id).toBe('c')
    expect(details.guessed).toEqual([])
    details.askAfterImport([{ briefing: summary('d'), guessed: ['source'] }])
    expect(details.target?.id).toBe('c')
  })
})
