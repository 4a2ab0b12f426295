// The serving side of a background process: reads calls from the parent (Electron's
// process.parentPort in a utility process, process.send / 'message' in a Node child process),
// runs the served object's method of that name and replies with the value or the error.

import { AppError, describeError } from '../errors'
import { isHostMessage } from './rpc'
import type { ProcessMessage } from './rpc'

/** The process's end of the channel to its parent. */
export interface ParentPort {
  onMessage(listener: (message: unknown) => void): void
  post(message: ProcessMessage): void
}

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

/** This process's parent: Electron's parentPort in a utility process, else Node's IPC channel. */
export function parentPort(): ParentPort {
  const electron = (process as unknown as { parentPort?: ElectronParentPort }).parentPort
  if (electron) {
    return {
      onMessage: (listener) => electron.on('message', (event) => listener(event.data)),
      post: (message) => electron.postMessage(message)
    }
  }
  return {
    onMessage: (listener) => process.on('message', listener),
    post: (message) => process.send?.(message)
  }
}

/** Answers the parent's calls with `object`'s methods. */
export function serve(port: ParentPort, object: object): void {
  serveFrom(port, () => object)
}

/**
 * Answers the parent's calls with the object `start` makes from the parent's `init` options
 * (the first `init` only); calls before it fail as not ready with `notReady`.
 */
export function serveOnInit<Options>(
  port: ParentPort,
  start: (options: Options) => object,
  notReady: string
): void {
  let object: object | undefined
  serveFrom(
    port,
    () => object ?? Promise.reject(new AppError('not-ready', notReady)),
    (options) => (object ??= start(options as Options))
  )
}

function serveFrom(
  port: ParentPort,
  served: () => object | Promise<never>,
  onInit: (options: unknown) => void = () => undefined
): void {
  port.onMessage((message) => {
    if (!isHostMessage(message)) return
    if (message.type === 'init') {
      onInit(message.options)
      return
    }
    const { id, method, args } = message
    Promise.resolve()
      .then(served)
      .then((object) => {
        const call = methodOf(object, method)
        if (!call) throw new AppError('not-ready', `This process does not answer "${method}".`)
        return call.apply(object, args)
      })
      .then(
        (value) => port.post({ type: 'reply', id, ok: true, value }),
        (error: unknown) => port.post({ type: 'reply', id, ok: false, error: asReplyError(error) })
      )
  })
}

/**
 * The object's own method `name` or one of its class's: never one every object inherits
 * (`toString`, `__proto__`, `constructor`), so the parent reaches only what the object offers.
 */
function methodOf(object: object, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (name === 'constructor') return undefined
  for (let at: object | null = object; at && at !== Object.prototype;) {
    if (Object.hasOwn(at, name)) {
      const value = (at as Record<string, unknown>)[name]
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : undefined
    }
    at = Object.getPrototypeOf(at) as object | null
  }
  return undefined
}

function asReplyError(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  return { code: 'internal', message: describeError(error) }
}
