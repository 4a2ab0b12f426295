import { describe, expect, it } from 'vitest'

import { KeySequence, SEQUENCE_MS } from './key-sequence'

describe('KeySequence', () => {
  it('opens the notebook with g then n', () => {
    const keys = new KeySequence()
    expect(keys.feed('g', 0)).toBe('pending')
    expect(keys.feed('n', 100)).toBe('notebook')
    // Done: n alone is nothing.
    expect(keys.feed('n', 200)).toBeNull()
  })

  it('forgets a first key left too long', () => {
    const keys = new KeySequence()
    keys.feed('g', 0)
    expect(keys.feed('n', SEQUENCE_MS + 1)).toBeNull()
  })

  it('lets a broken sequence start again', () => {
    const keys = new KeySequence()
    keys.feed('g', 0)
    expect(keys.feed('x', 10)).toBeNull()
    expect(keys.feed('g', 20)).toBe('pending')
    expect(keys.feed('g', 30)).toBe('pending')
    expect(keys.feed('N', 40)).toBe('notebook')
  })
})
