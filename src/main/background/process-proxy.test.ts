// A served object and main's proxy of it, over an in-memory channel: methods are called by name
// with their arguments, errors come back as AppErrors with their code, and only the object's own
// methods can be reached.

import { describe, expect, it } from 'vitest'

import { AppError } from '../errors'
import { inThreadProxy, processProxy } from './process-proxy'
import { createRpcClient } from './rpc-client'
import type { BackgroundPort, HostMessage, ProcessMessage } from './rpc'
import { serve, serveOnInit } from './serve'
import type { ParentPort } from './serve'

class Counter {
  #count = 0
  add(by: number, times = 1): number {
    return (this.#count += by * times)
  }
  async fail(): Promise<never> {
    throw new AppError('query-syntax', 'Not a query.')
  }
}

/** Both ends of a channel whose messages are copied, as they would be between processes. */
function channel(): { host: BackgroundPort; child: ParentPort } {
  const toChild: ((message: unknown) => void)[] = []
  const toHost: ((message: ProcessMessage) => void)[] = []
  const deliver = <M>(listeners: ((m: M) => void)[], message: M) =>
    queueMicrotask(() => listeners.forEach((listener) => listener(structuredClone(message))))
  return {
    host: {
      post: (message: HostMessage) => deliver(toChild, message),
      onMessage: (listener) => toHost.push(listener),
      onExit: () => undefined,
      kill: () => undefined
    },
    child: {
      onMessage: (listener) => toChild.push(listener),
      post: (message) => deliver(toHost, message)
    }
  }
}

describe('processProxy and serve', () => {
  it('calls the served object’s methods with their arguments', async () => {
    const { host, child } = channel()
    serve(child, new Counter())
    const client = createRpcClient(host, 'The counter process')
    const counter = processProxy<Counter>(() => client)
    expect(await counter.add(2)).toBe(2)
    expect(await counter.add(3, 2)).toBe(8)
  })

  it('sends errors back as AppErrors with their code', async () => {
    const { host, child } = channel()
    serve(child, new Counter())
    const client = createRpcClient(host, 'The counter process')
    const error = await processProxy<Counter>(() => client)
      .fail()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('query-syntax')
    expect((error as AppError).message).toBe('Not a query.')
  })

  it('answers only the object’s own methods, not those every object inherits', async () => {
    const { host, child } = channel()
    serve(child, new Counter())
    const client = createRpcClient(host, 'The counter process')
    for (const method of ['missing', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      await expect(client.call(method, []), method).rejects.toThrow(/does not answer/)
    }
  })

  it('runs local methods here, and is no thenable', async () => {
    const { host, child } = channel()
    serve(child, new Counter())
    const client = createRpcClient(host, 'The counter process')
    const counter = processProxy<Counter, { close(): string }>(() => client, {
      close: () => 'closed here'
    })
    expect(counter.close()).toBe('closed here')
    expect(await Promise.resolve(counter)).toBe(counter)
  })

  it('fails calls as not ready until the parent’s options have made the object', async () => {
    const { host, child } = channel()
    const start = (from: number) => {
      const counter = new Counter()
      counter.add(from)
      return counter
    }
    serveOnInit(child, start, 'Not yet.')
    const client = createRpcClient(host, 'The counter process')
    const counter = processProxy<Counter>(() => client)
    await expect(counter.add(1)).rejects.toThrow('Not yet.')
    host.post({ type: 'init', options: 5 })
    expect(await counter.add(1)).toBe(6)
  })
})

describe('inThreadProxy', () => {
  it('loads the object at the first call, once, and calls its methods on it', async () => {
    let loads = 0
    const counter = inThreadProxy<Counter, { close(): string }>(
      async () => {
        loads++
        return new Counter()
      },
      { close: () => 'closed here' }
    )
    expect(counter.close()).toBe('closed here')
    expect(await Promise.resolve(counter)).toBe(counter)
    expect(loads).toBe(0)
    const [first, second] = await Promise.all([counter.add(2), counter.add(3, 2)])
    expect([first, second]).toEqual([2, 8])
    expect(loads).toBe(1)
    await expect(counter.fail()).rejects.toMatchObject({ code: 'query-syntax' })
  })

  it('fails every call with the loading error when the object cannot be loaded', async () => {
    const counter = inThreadProxy<Counter>(async () => {
      throw new Error('module missing')
    })
    await expect(counter.add(1)).rejects.toThrow('module missing')
  })
})
