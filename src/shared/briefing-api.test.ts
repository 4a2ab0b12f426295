import { describe, expect, it, vi } from 'vitest'

import { API_METHODS } from './api-methods'
import { createBriefingApi } from './briefing-api'
import { CHANNELS } from './ipc-contract'

describe('createBriefingApi', () => {
  it('exposes one named method per contract channel and nothing else', () => {
    const api = createBriefingApi(vi.fn())
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_METHODS).sort())
    expect(Object.values(API_METHODS).sort()).toEqual([...CHANNELS].sort())
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('sends each method on its channel with the request', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 'done' }))
    const api = createBriefingApi(invoke)
    await api.search({ query: 'modi' })
    await api.getBriefing({ id: 'b1' })
    await api.listBriefings()
    expect(invoke.mock.calls).toEqual([
      ['search:query', { query: 'modi' }],
      ['briefing:get', { id: 'b1' }],
      ['library:list', undefined]
    ])
  })
})
