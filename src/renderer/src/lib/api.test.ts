// Unit tests of the renderer's door to main: every channel of the table is a method, answers
// arrive unwrapped, failures arrive as ApiError with main's code, and a missing preload says so.

import { afterEach, describe, expect, it, vi } from 'vitest'

import { API_METHODS } from '../../../shared/api-methods'
import { createBriefingApi } from '../../../shared/briefing-api'
import { api, ApiError } from './api'

afterEach(() => {
  vi.unstubAllGlobals()
})

/** Installs a `window.briefing` whose transport answers with `answer(channel, request)`. */
function installBridge(answer: (channel: string, request: unknown) => unknown) {
  const invoke = vi.fn(async (channel: string, request: unknown) => answer(channel, request))
  const subscribe = vi.fn(() => () => {})
  vi.stubGlobal('window', { briefing: createBriefingApi(invoke, subscribe) })
  return { invoke, subscribe }
}

describe('api', () => {
  it('has a method for every channel of the table, and the menu listener', () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_METHODS), 'onMenuCommand'].sort())
  })

  it('sends the request on the method’s channel and answers with the value', async () => {
    const { invoke } = installBridge(() => ({ ok: true, value: { briefingId: 'b', records: [] } }))
    await expect(api.loadAnnotations({ briefingId: 'b' })).resolves.toEqual({
      briefingId: 'b',
      records: []
    })
    expect(invoke).toHaveBeenCalledWith('annotations:load', { briefingId: 'b' })
  })

  it('turns a failure into an ApiError with main’s code and message', async () => {
    installBridge(() => ({ ok: false, error: { code: 'not-found', message: 'No such briefing.' } }))
    const failure = api.getBriefing({ id: 'nope' })
    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({ code: 'not-found', message: 'No such briefing.' })
  })

  it('passes menu commands through to the listener', () => {
    const { subscribe } = installBridge(() => undefined)
    const stop = api.onMenuCommand(() => {})
    expect(subscribe).toHaveBeenCalledTimes(1)
    expect(typeof stop).toBe('function')
  })

  it('says the preload did not run when there is no bridge', () => {
    vi.stubGlobal('window', {})
    expect(() => api.whenReady()).toThrow(ApiError)
  })
})
