import { describe, expect, it, vi } from 'vitest'

import { API_METHODS, MENU_EVENT } from './api-methods'
import { createBriefingApi } from './briefing-api'
import { CHANNELS } from './ipc-contract'

describe('createBriefingApi', () => {
  it('exposes one named method per contract channel, the menu listener, and nothing else', () => {
    const api = createBriefingApi(vi.fn(), vi.fn())
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_METHODS), 'onMenuCommand'].sort())
    expect(Object.values(API_METHODS).sort()).toEqual([...CHANNELS].sort())
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('sends each method on its channel with the request', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 'done' }))
    const api = createBriefingApi(invoke, vi.fn())
    await api.search({ query: 'modi' })
    await api.getBriefing({ id: 'b1' })
    await api.listBriefings()
    expect(invoke.mock.calls).toEqual([
      ['search:query', { query: 'modi' }],
      ['briefing:get', { id: 'b1' }],
      ['library:list', undefined]
    ])
  })

  it('passes on known menu commands only, and unsubscribes', () => {
    let deliver: (payload: unknown) => void = () => undefined
    const unsubscribe = vi.fn()
    const subscribe = vi.fn((_event: string, listener: (payload: unknown) => void) => {
      deliver = listener
      return unsubscribe
    })
    const api = createBriefingApi(vi.fn(), subscribe)
    const seen: string[] = []
    const stop = api.onMenuCommand((command) => seen.push(command))
    expect(subscribe).toHaveBeenCalledWith(MENU_EVENT, expect.any(Function))
    deliver('undo')
    deliver('rm -rf /')
    deliver({ command: 'undo' })
    deliver('export-notes')
    expect(seen).toEqual(['undo', 'export-notes'])
    stop()
    expect(unsubscribe).toHaveBeenCalled()
  })
})
