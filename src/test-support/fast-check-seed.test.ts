import { describe, expect, it } from 'vitest'

import { DEFAULT_FC_SEED, propertySeed } from './fast-check-seed'

describe('property-test seed', () => {
  it('is fixed unless FC_SEED asks for another or for a random one', () => {
    expect(propertySeed(undefined)).toBe(DEFAULT_FC_SEED)
    expect(propertySeed('42')).toBe(42)
    expect(propertySeed('random')).toBeUndefined()
    expect(() => propertySeed('soon')).toThrow(/FC_SEED must be an integer/)
  })
})
