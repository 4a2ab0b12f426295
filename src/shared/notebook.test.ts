import { describe, expect, it } from 'vitest'

import { MAX_NOTEBOOK_PAGE, validateNotebookExport, validateNotebookRequest } from './notebook'

describe('notebook requests', () => {
  const ok = { filter: {}, group: 'briefing', sort: 'reading', offset: 0, limit: 100 }

  it('takes a filter of colours, tags, entities, briefings and days', () => {
    const filter = {
      colors: ['yellow'],
      tags: ['quad'],
      entities: ['modi'],
      briefingIds: ['india-japan-quad'],
      from: '2026-01-01',
      to: '2026-12-31'
    }
    expect(validateNotebookRequest({ ...ok, filter }).ok).toBe(true)
    expect(validateNotebookExport({ filter, groupBy: 'color' }).ok).toBe(true)
  })

  it('refuses unknown groupings, oversized pages, bad days and unknown fields', () => {
    expect(validateNotebookRequest({ ...ok, group: 'author' }).ok).toBe(false)
    expect(validateNotebookRequest({ ...ok, limit: MAX_NOTEBOOK_PAGE + 1 }).ok).toBe(false)
    expect(validateNotebookRequest({ ...ok, filter: { from: '1 May' } }).ok).toBe(false)
    expect(validateNotebookRequest({ ...ok, filter: { colors: ['purple'] } }).ok).toBe(false)
    expect(validateNotebookRequest({ ...ok, path: '/etc' }).ok).toBe(false)
  })
})
