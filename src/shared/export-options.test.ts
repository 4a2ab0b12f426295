import { describe, expect, it } from 'vitest'

import { MAX_EXPORT_BRIEFINGS, validateExportOptions } from './annotation-requests'

const request = (briefingIds: string[]) => ({
  scope: { kind: 'briefings', briefingIds },
  format: 'md',
  groupBy: 'section',
  includeSectionNotes: true,
  includeEntities: true,
  includeOrphans: true,
  layout: 'single'
})

describe('export:notes briefing lists', () => {
  it('exports a briefing named 10,000 times once, without working through the repeats', () => {
    const started = performance.now()
    const checked = validateExportOptions(request(Array(10_000).fill('quad-2022')))
    expect(checked).toMatchObject({ ok: true, value: { scope: { briefingIds: ['quad-2022'] } } })
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('keeps the order of first mention', () => {
    const checked = validateExportOptions(request(['b', 'a', 'b', 'c', 'a']))
    expect(checked).toMatchObject({ ok: true, value: { scope: { briefingIds: ['b', 'a', 'c'] } } })
  })

  it('refuses more different briefings than the limit, saying so', () => {
    const ids = Array.from({ length: MAX_EXPORT_BRIEFINGS + 1 }, (_, i) => `b-${i}`)
    expect(validateExportOptions(request(ids))).toEqual({
      ok: false,
      message:
        'request.scope.briefingIds: expected at most 1,000 different briefings (got 1,001); export the whole library instead'
    })
    expect(validateExportOptions(request(ids.slice(1)))).toMatchObject({ ok: true })
  })
})
