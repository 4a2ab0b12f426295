// The dataset schema states the same briefing-id rule as src/shared/ids.ts, so a dataset file
// loads exactly when its ids would pass every request validator and name a profile folder.

import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import type { DatasetFile } from '../../shared/dataset'
import { BRIEFING_ID_MAX_LENGTH, BRIEFING_ID_PATTERN, isBriefingId } from '../../shared/ids'
import { minimal } from '../../test-support/dataset'
import { BUNDLED_PATH } from '../../test-support/fixtures'
import schema from './dataset.schema.json' with { type: 'json' }
import { validateDataset } from './load-dataset'

describe('briefing ids in dataset files', () => {
  it('are described by the schema with the shared rule', () => {
    expect(schema.$defs.id.pattern).toBe(BRIEFING_ID_PATTERN.source)
    expect(schema.$defs.id.maxLength).toBe(BRIEFING_ID_MAX_LENGTH)
  })

  it('of the bundled dataset satisfy the rule', () => {
    const bundled = JSON.parse(readFileSync(BUNDLED_PATH, 'utf8')) as DatasetFile
    for (const briefing of bundled.briefings) expect(isBriefingId(briefing.id)).toBe(true)
  })

  it.each(['b', 'india-japan-2022', 'x'.repeat(128), 'x'.repeat(129), 'a--b', '-a', 'A', 'a_b'])(
    'load exactly when the rule accepts them: %s',
    (id) => {
      const data = minimal()
      data.briefings[0]!.id = id
      const idProblems = validateDataset(data, 'f.json').filter(
        (p) => p.path === '$.briefings[0].id'
      )
      expect(idProblems.length === 0).toBe(isBriefingId(id))
    }
  )
})
