import { describe, expect, it } from 'vitest'

import { validateBriefingRequest, validateNoRequest, validateSearchRequest } from './ipc-validators'

describe('IPC request validators', () => {
  it('accept well-formed requests', () => {
    expect(validateNoRequest(undefined)).toEqual({ ok: true, value: undefined })
    expect(validateBriefingRequest({ id: 'b' })).toEqual({ ok: true, value: { id: 'b' } })
    expect(validateSearchRequest({ query: 'kishida', limit: 5 })).toEqual({
      ok: true,
      value: { query: 'kishida', limit: 5 }
    })
  })

  it('reject wrong shapes with a message naming the field', () => {
    expect(validateNoRequest({})).toMatchObject({ ok: false })
    expect(validateBriefingRequest({ id: '' })).toMatchObject({
      message: 'request.id: expected a briefing id'
    })
    expect(validateBriefingRequest({ id: 'x'.repeat(201) })).toMatchObject({ ok: false })
    expect(validateBriefingRequest([])).toMatchObject({ ok: false })
    expect(validateSearchRequest({ query: 1 })).toMatchObject({
      message: 'request.query: expected a query of at most 1000 characters'
    })
    expect(validateSearchRequest({ query: 'a', limit: 0 })).toMatchObject({
      message: expect.stringContaining('request.limit')
    })
    expect(validateSearchRequest({ query: 'a'.repeat(1001) })).toMatchObject({ ok: false })
    expect(validateSearchRequest({ query: 'a', extra: 1 })).toMatchObject({
      message: 'request: unexpected field "extra"'
    })
  })

  it('hold briefing ids to the one rule, in requests and search filters', () => {
    for (const id of ['../x', 'Modi Tokyo', 'a--b', 'x'.repeat(129)]) {
      expect(validateBriefingRequest({ id })).toMatchObject({ ok: false })
      expect(validateSearchRequest({ query: 'a', filters: { briefingId: id } })).toMatchObject({
        message: 'request.filters.briefingId: expected a briefing id'
      })
    }
    const filters = { briefingId: 'b-1', entityId: 'narendra-modi', tag: 'quad', color: 'yellow' }
    expect(validateSearchRequest({ query: 'a', offset: 20, filters })).toEqual({
      ok: true,
      value: { query: 'a', offset: 20, filters }
    })
    expect(validateSearchRequest({ query: 'a', filters: { color: 'mauve' } })).toMatchObject({
      ok: false
    })
  })

  it('reject objects that are not plain data', () => {
    class Sneaky {
      id = 'b'
    }
    expect(validateBriefingRequest(new Sneaky())).toMatchObject({ ok: false })
  })
})
