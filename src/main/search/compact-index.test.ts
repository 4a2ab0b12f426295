// The compact on-disk form must answer every kind of query exactly as the index it came from:
// same documents, same scores, same matched terms and fields.

import { describe, expect, it } from 'vitest'

import { compactIndex, loadCompactIndex } from './compact-index'
import { buildIndex, createSearchPipeline } from './section-index'
import { planQuery } from './query-plan'
import { viewOf } from './search-view'
import { ASEAN_BRIEFING, QUAD_BRIEFING, testLibrary } from './test-library'

describe('compact index', () => {
  const view = viewOf(testLibrary([QUAD_BRIEFING, ASEAN_BRIEFING]))
  const { index } = buildIndex([...view.hashes.keys()].flatMap((id) => view.documents(id)))
  const compact = loadCompactIndex(JSON.parse(JSON.stringify(compactIndex(index))))
  const pipeline = createSearchPipeline()

  it.each([
    'japan',
    'kishida modi',
    'milit*',
    'japn~1',
    'heading:military',
    'person:kishida',
    '+japan -tokyo',
    '"Andaman Sea"',
    'tag:defence asean'
  ])('answers %s like the original', (query) => {
    const { clauses } = planQuery(query, pipeline)
    const run = (target: typeof index) =>
      target.query((q) => clauses.forEach((clause) => q.clause({ ...clause })))
    const original = run(index)
    expect(original.length, query).toBeGreaterThan(0)
    expect(run(compact)).toEqual(original)
  })

  it('is smaller than lunr’s own JSON', () => {
    const own = JSON.stringify(index.toJSON()).length
    expect(JSON.stringify(compactIndex(index)).length).toBeLessThan(own * 0.8)
  })
})
