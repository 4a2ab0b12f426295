// A process started ahead of its use: handed over once, with what it said (or its exit) before
// anyone listened; stopped if never taken.

import { describe, expect, it } from 'vitest'

import type { BackgroundPort, ProcessMessage } from './rpc'
import { startAhead } from './start-ahead'

/** A port whose process the test makes speak and exit. */
function fakePort() {
  const onMessage: ((message: ProcessMessage) => void)[] = []
  const onExit: ((reason: string) => void)[] = []
  const state = { killed: false, posted: 0 }
  const port: BackgroundPort = {
    post: () => void (state.posted += 1),
    onMessage: (listener) => onMessage.push(listener),
    onExit: (listener) => onExit.push(listener),
    kill: () => void (state.killed = true)
  }
  const say = (message: ProcessMessage) => onMessage.forEach((listener) => listener(message))
  const exit = (reason: string) => onExit.forEach((listener) => listener(reason))
  return { port, say, exit, state }
}

const reply = (id: number): ProcessMessage => ({ type: 'reply', id, ok: true, value: id })

describe('startAhead', () => {
  it('starts the process at once and hands that one over first, a new one after', () => {
    const made = [fakePort(), fakePort()]
    let spawned = 0
    const ahead = startAhead(() => made[spawned++]!.port)
    expect(spawned).toBe(1)
    ahead.take().post({ type: 'init', options: {} })
    expect(made[0]!.state.posted).toBe(1)
    ahead.take()
    expect(spawned).toBe(2)
  })

  it('keeps what the process said before anyone listened, and its exit', () => {
    const fake = fakePort()
    const ahead = startAhead(() => fake.port)
    fake.say(reply(1))
    fake.exit('exit 1')
    const port = ahead.take()
    const heard: unknown[] = []
    port.onMessage((message) => heard.push(message))
    port.onExit((reason) => heard.push(reason))
    fake.say(reply(2))
    expect(heard).toEqual([reply(1), 'exit 1', reply(2)])
  })

  it('stops the process when it is never taken, and only then', () => {
    const fake = fakePort()
    const ahead = startAhead(() => fake.port)
    ahead.discard()
    expect(fake.state.killed).toBe(true)
    const other = fakePort()
    const taken = startAhead(() => other.port)
    taken.take()
    taken.discard()
    expect(other.state.killed).toBe(false)
  })
})
