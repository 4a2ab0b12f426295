// The entity benchmark scores each annotated article and writes a row for each and the totals.

import { describe, expect, it } from 'vitest'

import { entityBenchLines, runEntityBenchmark } from './entity-bench'

describe('runEntityBenchmark', () => {
  it('scores the three annotated articles', () => {
    const scores = runEntityBenchmark()
    expect(scores.map((s) => s.article)).toHaveLength(3)
    for (const s of scores) {
      expect(s.correct).toBeLessThanOrEqual(s.proposed)
      expect(s.found).toBeLessThanOrEqual(s.required)
    }
    expect(entityBenchLines(scores).filter((l) => l.startsWith('| '))).toHaveLength(5)
  })
})
