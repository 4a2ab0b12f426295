// Main's typed handle on the object a background process serves (serve.ts), in the spirit of VS
// Code's ProxyChannel: every method of T becomes a call over the channel, so a method added to
// the served object is callable here with no other edit. In-thread (tests), inThreadProxy calls
// the object itself, loaded on first use so main's start never evaluates what only it needs.

/** What the proxy needs of a client: one call by method name (an RpcClient is one). */
interface Caller {
  call(method: string, args: unknown[]): Promise<unknown>
}

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
  client: () => Caller,
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

/**
 * T's methods called on the object `load` resolves to, in this thread. Loading starts at the
 * first call (or at once, when the caller starts it): the modules behind T (the import parsers
 * and NLP, the search engine) are evaluated only by a process that uses them in-thread, never
 * by the app's main, whose work on them runs in background processes.
 */
export function inThreadProxy<T extends object, Local extends object = object>(
  load: () => Promise<T>,
  local?: Local
): Remote<T> & Local {
  let loaded: Promise<T> | undefined
  return processProxy<T, Local>(
    () => ({
      call: async (name, args) => {
        const target = (await (loaded ??= load())) as Record<string, (...a: unknown[]) => unknown>
        return target[name]!(...args)
      }
    }),
    local
  )
}
