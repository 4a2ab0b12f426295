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
      message: expect.stringContaining('"id"')
    })
    expect(validateBriefingRequest({ id: 'x'.repeat(201) })).toMatchObject({ ok: false })
    expect(validateBriefingRequest([])).toMatchObject({ ok: false })
    expect(validateSearchRequest({ query: 1 })).toMatchObject({
      message: '"query" must be a string'
    })
    expect(validateSearchRequest({ query: 'a', limit: 0 })).toMatchObject({
      message: expect.stringContaining('"limit"')
    })
    expect(validateSearchRequest({ query: 'a'.repeat(1001) })).toMatchObject({ ok: false })
    expect(validateSearchRequest({ query: 'a', extra: 1 })).toMatchObject({
      message: 'unexpected field "extra"'
    })
  })

  it('reject objects that are not plain data', () => {
    class Sneaky {
      id = 'b'
    }
    expect(validateBriefingRequest(new Sneaky())).toMatchObject({ ok: false })
  })
})
