// The Node child-process port: writes to a process that just died must not crash the caller.

import { setImmediate as nextTurn } from 'node:timers/promises'

import { describe, expect, it } from 'vitest'

import { forkNodeProcess } from './node-process'

describe('forkNodeProcess', () => {
  it('drops messages posted to a process that is dying, and still reports its exit', async () => {
    const port = forkNodeProcess('index')
    const uncaught: unknown[] = []
    const record = (error: unknown) => uncaught.push(error)
    process.on('uncaughtException', record)
    try {
      const exited = new Promise<string>((resolve) => port.onExit(resolve))
      let done = false
      void exited.then(() => (done = true))
      port.kill()
      // Keep writing until the exit is seen: some writes land on a closed pipe (EPIPE).
      let id = 0
      while (!done) {
        port.post({ type: 'call', id: ++id, method: 'status', args: [] })
        await nextTurn()
      }
      expect(await exited).toMatch(/signal SIGTERM|exit/)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(uncaught).toEqual([])
    } finally {
      process.off('uncaughtException', record)
    }
  })
})
