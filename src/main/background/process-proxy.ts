// Main's typed handle on the object a background process serves (serve.ts), in the spirit of VS
// Code's ProxyChannel: every method of T becomes a call over the channel, so a method added to
// the served object is callable here with no other edit. In-thread, callers use the object itself.

import type { RpcClient } from './rpc-client'

type Method = (...args: never[]) => unknown

/** T's methods, each answering with a promise of what it returns (values cross by copy). */
export type Remote<T> = {
  [K in keyof T as T[K] extends Method ? K : never]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never
}

/**
 * Calls `client()`'s process for every method of T (the client is asked per call, so a process
 * that stopped can be replaced). `local` methods run here instead (closing the process, say).
 */
export function processProxy<T, Local extends object = object>(
  client: () => RpcClient,
  local?: Local
): Remote<T> & Local {
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>()
  return new Proxy((local ?? {}) as Remote<T> & Local, {
    get(target, name, receiver) {
      if (Reflect.has(target, name)) return Reflect.get(target, name, receiver) as unknown
      // Not a thenable (`await proxy` must not call the process), and symbols are no methods.
      if (typeof name !== 'string' || name === 'then') return undefined
      let method = methods.get(name)
      if (!method) {
        method = (...args: unknown[]) => client().call(name, args)
        methods.set(name, method)
      }
      return method
    }
  })
}
