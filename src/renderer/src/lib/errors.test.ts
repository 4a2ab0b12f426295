import { describe, expect, it } from 'vitest'

import { ApiError } from './api'
import { messageOf } from './errors'

describe('messageOf', () => {
  it('gives an error’s own message, also one that came from main', () => {
    expect(messageOf(new Error('disk full'))).toBe('disk full')
    expect(messageOf(new ApiError('not-found', 'No briefing “x”.'))).toBe('No briefing “x”.')
  })

  it('turns anything else thrown into text', () => {
    expect(messageOf('offline')).toBe('offline')
    expect(messageOf(undefined)).toBe('undefined')
  })
})
