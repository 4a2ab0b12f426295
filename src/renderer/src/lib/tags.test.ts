// Unit tests of tag entry rules.

import { describe, expect, it } from 'vitest'

import { addTag, parseTag } from './tags'

describe('parseTag', () => {
  it('trims and drops a leading "#"', () => {
    expect(parseTag('  #urgent ')).toEqual({ tag: 'urgent' })
    expect(parseTag('two words')).toEqual({ tag: 'two words' })
  })

  it('refuses empty, long and forbidden characters', () => {
    expect(parseTag('  ')).toHaveProperty('error')
    expect(parseTag('#')).toHaveProperty('error')
    expect(parseTag('a,b')).toHaveProperty('error')
    expect(parseTag('a#b')).toHaveProperty('error')
    expect(parseTag('x'.repeat(61))).toHaveProperty('error')
  })
})

describe('addTag', () => {
  it('adds once, ignoring case', () => {
    expect(addTag(['Urgent'], 'urgent')).toEqual(['Urgent'])
    expect(addTag(['a'], 'b')).toEqual(['a', 'b'])
  })
})
