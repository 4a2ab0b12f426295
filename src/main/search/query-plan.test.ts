// Planning a query text once: the same text gives the same plan, shared and frozen, and a query
// that cannot be planned is refused every time.

import { describe, expect, it } from 'vitest'

import { AppError } from '../errors'
import { planQuery } from './query-plan'
import { createSearchPipeline } from './section-index'

describe('planQuery', () => {
  it('plans a text once and hands out the same frozen plan again', () => {
    const pipeline = createSearchPipeline()
    const first = planQuery('heading:japan milit* "South China Sea"', pipeline)
    const again = planQuery('heading:japan milit* "South China Sea"', pipeline)
    expect(again).toBe(first)
    expect(Object.isFrozen(first.clauses)).toBe(true)
    expect(Object.isFrozen(first.scoring[0]!.clause)).toBe(true)
    expect(() => (first.clauses as unknown[]).push({})).toThrow(TypeError)
  })

  it('plans another text, or the same text for another pipeline, afresh', () => {
    const pipeline = createSearchPipeline()
    const plan = planQuery('japan', pipeline)
    expect(planQuery('japanese', pipeline)).not.toBe(plan)
    expect(planQuery('japan', createSearchPipeline())).not.toBe(plan)
    expect(planQuery('japan', createSearchPipeline())).toEqual(plan)
  })

  it('refuses a query it cannot plan every time it is asked', () => {
    const pipeline = createSearchPipeline()
    for (let i = 0; i < 2; i++) {
      expect(() => planQuery('*ilitary', pipeline)).toThrow(AppError)
    }
  })
})
