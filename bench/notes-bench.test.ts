// The notes benchmark helper runs on a small sample and reports every hostile note twice (whole,
// and cut to the parse budget), the generated notes and a table row for each.

import { describe, expect, it } from 'vitest'

import { notesBenchLines, runNotesBenchmark } from './notes-bench'
import { HOSTILE_NOTES } from '../src/test-support/hostile-markdown'

describe('runNotesBenchmark', () => {
  it('measures each hostile note whole and within the budget, and generated notes', () => {
    const result = runNotesBenchmark({ runs: 1, samples: 5 })
    const count = Object.keys(HOSTILE_NOTES).length
    expect(result.rows).toHaveLength(2 * count)
    expect(result.rows.filter((r) => r.parsed).length).toBeGreaterThanOrEqual(count)
    expect(result.generated.samples).toBe(5)
    expect(notesBenchLines(result)).toHaveLength(2 * count + 2)
  })
})
