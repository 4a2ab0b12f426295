import { describe, expect, it } from 'vitest'

import { excerptOf } from './briefings'

describe('excerptOf', () => {
  it('joins the first texts with whitespace folded', () => {
    expect(excerptOf(['First  para.\n\nSecond.', 'Next section.'])).toBe(
      'First para. Second. Next section.'
    )
  })

  it('cuts a long text at a word and marks the cut', () => {
    const text = 'word '.repeat(100)
    const excerpt = excerptOf([text])
    expect(excerpt.length).toBeLessThanOrEqual(241)
    expect(excerpt.endsWith('word…')).toBe(true)
  })
})
