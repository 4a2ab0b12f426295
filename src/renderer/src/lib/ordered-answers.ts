// Requests that go out at once but whose answers are taken in the order the requests were sent:
// main runs a briefing's changes in that order, so each answer (a delta from the revision the one
// before left) must be applied after the earlier ones, whichever arrives first.

export type Outcome<T> = { ok: true; result: T } | { ok: false; error: unknown }

export class OrderedAnswers {
  #answers: Promise<unknown> = Promise.resolve()
  #inFlight = 0

  /** Requests sent whose answers have not been taken yet. */
  get inFlight(): number {
    return this.#inFlight
  }

  /** Sends `request` now; `take` gets its outcome after every earlier request's `take` ran. */
  send<T, R>(request: () => Promise<T>, take: (outcome: Outcome<T>) => Promise<R> | R): Promise<R> {
    this.#inFlight += 1
    const answer = (async () => request())().then(
      (result): Outcome<T> => ({ ok: true, result }),
      (error: unknown): Outcome<T> => ({ ok: false, error })
    )
    const taken = this.#answers.then(async () => {
      const outcome = await answer
      this.#inFlight -= 1
      return take(outcome)
    })
    // A `take` that throws fails its own request, not the ones after it.
    this.#answers = taken.catch(() => undefined)
    return taken
  }
}
