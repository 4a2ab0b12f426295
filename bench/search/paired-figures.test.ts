import { describe, expect, it } from 'vitest'

import { PAIRED_ROUNDS, pairedLatency } from './paired-figures'
import type { BenchQuery } from './queries'

const q = (cls: BenchQuery['cls'], text: string): BenchQuery => ({ cls, text, terms: [text] })

describe('pairedLatency', () => {
  it('takes both sides of each query in alternation and pools them per class', async () => {
    const calls: string[] = []
    // A load that comes and goes: every burst taken while the clock is "busy" is slow, on
    // whichever side it lands.
    let tick = 0
    const burst = (side: string) => async (query: BenchQuery) => {
      calls.push(`${side}:${query.text}`)
      const slow = tick++ % 4 < 2
      return [slow ? 10 : 1, side === 'engine' ? 2 : 3]
    }
    const paired = await pairedLatency(
      [q('single', 'harbour'), q('single', 'treaty'), q('field', 'heading:fleet')],
      burst('engine'),
      burst('baseline')
    )
    expect(calls.slice(0, 2 * PAIRED_ROUNDS)).toEqual([
      'engine:harbour',
      'baseline:harbour',
      'baseline:harbour',
      'engine:harbour',
      'engine:harbour',
      'baseline:harbour'
    ])
    expect(calls).toHaveLength(3 * 2 * PAIRED_ROUNDS)
    expect(paired.engine.single?.runs).toBe(2 * PAIRED_ROUNDS * 2)
    expect(paired.baseline.field?.runs).toBe(PAIRED_ROUNDS * 2)
    // Pooled per side and class (the medians of each side's own samples); that the load falls on
    // both sides is what the call order above checks.
    expect(paired.engine.single?.median).toBe(2)
    expect(paired.baseline.single?.median).toBe(3)
  })
})
