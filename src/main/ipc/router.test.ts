import { describe, expect, it, vi } from 'vitest'

import { AppError } from '../errors'
import { createIpcRouter } from './router'

const trusted = { url: 'app://briefing-reader/index.html', isMainFrame: true }

function router(onInternalError = vi.fn()) {
  const r = createIpcRouter({
    isTrustedSender: (s) => s.url === trusted.url && s.isMainFrame,
    onInternalError
  })
  r.handle('briefing:get', ({ id }) => {
    if (id === 'boom') throw new Error('disk on fire')
    if (id === 'missing') throw new AppError('not-found', 'No briefing "missing"')
    return { id } as never
  })
  return r
}

describe('IPC router', () => {
  it('runs the handler with the validated request', async () => {
    expect(await router().dispatch(trusted, 'briefing:get', { id: 'b1' })).toEqual({
      ok: true,
      value: { id: 'b1' }
    })
  })

  it('refuses senders that are not the app top frame', async () => {
    const handler = vi.fn()
    const r = createIpcRouter({ isTrustedSender: (s) => s.isMainFrame })
    r.handle('library:list', handler)
    const result = await r.dispatch({ ...trusted, isMainFrame: false }, 'library:list', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses invalid arguments before running the handler, naming the field', async () => {
    const r = router()
    expect(await r.dispatch(trusted, 'briefing:get', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('request.id') }
    })
    expect(await r.dispatch(trusted, 'briefing:get', { id: 'x', path: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('"path"') }
    })
    expect(await r.dispatch(trusted, 'briefing:get', 'x')).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' }
    })
  })

  it('answers unknown and unregistered channels with unknown-channel', async () => {
    const r = router()
    for (const channel of ['fs:read', 'library:list', {}, '__proto__']) {
      expect(await r.dispatch(trusted, channel, undefined)).toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' }
      })
    }
  })

  it('passes AppError codes through and hides unexpected errors behind "internal"', async () => {
    const onInternalError = vi.fn()
    const r = router(onInternalError)
    expect(await r.dispatch(trusted, 'briefing:get', { id: 'missing' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No briefing "missing"' }
    })
    const failed = await r.dispatch(trusted, 'briefing:get', { id: 'boom' })
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(failed)).not.toContain('disk on fire')
    expect(onInternalError).toHaveBeenCalledWith('briefing:get', expect.any(Error))
  })

  it('refuses a second handler for the same channel', () => {
    const r = router()
    expect(() => r.handle('briefing:get', () => ({}) as never)).toThrow(/already registered/)
  })
})
