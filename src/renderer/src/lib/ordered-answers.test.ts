// Answers are taken in the order their requests were sent, whichever arrives first; a failed or
// throwing one is its own request's outcome and does not hold up or fail the ones after it.

import { describe, expect, it } from 'vitest'

import { OrderedAnswers } from './ordered-answers'
import type { Outcome } from './ordered-answers'

/** A request whose answer the test gives when it likes. */
function held<T>() {
  let answer!: (value: T) => void
  let fail!: (error: Error) => void
  const promise = new Promise<T>((resolve, reject) => ((answer = resolve), (fail = reject)))
  return { request: () => promise, answer, fail }
}

describe('OrderedAnswers', () => {
  it('sends at once and takes the answers in the order sent', async () => {
    const answers = new OrderedAnswers()
    const taken: string[] = []
    const first = held<string>()
    const second = held<string>()
    const take = (outcome: Outcome<string>) => {
      taken.push(outcome.ok ? outcome.result : 'failed')
      return taken.length
    }
    const a = answers.send(first.request, take)
    const b = answers.send(second.request, take)
    expect(answers.inFlight).toBe(2)

    second.answer('two')
    first.answer('one')
    expect(await Promise.all([a, b])).toEqual([1, 2])
    expect(taken).toEqual(['one', 'two'])
    expect(answers.inFlight).toBe(0)
  })

  it('a failed request is taken as failed; a take that throws fails only its own request', async () => {
    const answers = new OrderedAnswers()
    const failing = held<string>()
    const throwing = held<string>()
    const after = held<string>()
    const outcome = answers.send(failing.request, (o) => (o.ok ? o.result : 'failed'))
    const thrown = answers.send(throwing.request, () => {
      throw new Error('could not apply')
    })
    const last = answers.send(after.request, (o) => (o.ok ? o.result : 'failed'))
    failing.fail(new Error('refused'))
    throwing.answer('x')
    after.answer('three')
    expect(await outcome).toBe('failed')
    await expect(thrown).rejects.toThrow('could not apply')
    expect(await last).toBe('three')
  })
})
