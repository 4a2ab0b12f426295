// An index process's channel that lets a test (or the bench) act as main tells the process to read
// the library: hold the call back, or do something first (delete a file, start a clock).

import type { BackgroundPort } from '../main/background/rpc'

/**
 * `port`, calling `before` as main sends `readLibrary`; the call goes on once `before` returns,
 * or once the promise it returns resolves.
 */
export function onReadLibrary(
  port: BackgroundPort,
  before: () => void | Promise<unknown>
): BackgroundPort {
  return {
    ...port,
    post(message) {
      if (message.type !== 'call' || message.method !== 'readLibrary') return port.post(message)
      const waiting = before()
      if (waiting) void waiting.then(() => port.post(message))
      else port.post(message)
    }
  }
}
