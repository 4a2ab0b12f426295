// The calling side of a background process: numbered calls, replies matched to them, errors as
// AppErrors, and every waiting call failed with a message if the process stops.

import type { IpcErrorCode } from '../../shared/ipc-result'
import { AppError } from '../errors'
import type { BackgroundPort } from './rpc'

export interface RpcClient {
  call<T>(method: string, args: unknown[]): Promise<T>
  /** Stops the process and resolves once it has exited. */
  close(): Promise<void>
  /** True once the process has exited (for whatever reason). */
  readonly stopped: boolean
}

/** `name` says which process in messages ("the search index process"). */
export function createRpcClient(port: BackgroundPort, name: string): RpcClient {
  let nextId = 1
  let exited: string | undefined
  let onExited: () => void = () => undefined
  const exitedPromise = new Promise<void>((resolve) => (onExited = resolve))
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  const stopped = (reason: string) => new AppError('internal', `${name} stopped (${reason}).`)

  port.onMessage((message) => {
    const call = waiting.get(message.id)
    if (!call) return
    waiting.delete(message.id)
    if (waiting.size === 0) port.hold?.(false)
    if (message.ok) call.resolve(message.value)
    else call.reject(new AppError(message.error.code as IpcErrorCode, message.error.message))
  })
  port.onExit((reason) => {
    exited = reason
    onExited()
    for (const call of waiting.values()) call.reject(stopped(reason))
    waiting.clear()
  })

  return {
    call<T>(method: string, args: unknown[]): Promise<T> {
      if (exited !== undefined) return Promise.reject(stopped(exited))
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        if (waiting.size === 0) port.hold?.(true)
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
        port.post({ type: 'call', id, method, args })
      })
    },
    get stopped() {
      return exited !== undefined
    },
    async close() {
      if (exited === undefined) {
        port.hold?.(true)
        port.kill()
      }
      await exitedPromise
    }
  }
}
