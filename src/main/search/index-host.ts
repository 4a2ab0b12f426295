// Main's handle on the search index: the IndexEngine in its own process (the app, the CLI) or,
// when no process is given, in this thread (tests). Only the best hits travel back; the library
// text and the lunr indexes stay in the index process.

import type { IndexStatus, IpcErrorCode } from '../../shared/ipc-contract'
import { AppError } from '../ipc/app-error'
import { IndexEngine } from './index-engine'
import type { EngineOptions, TextQuery, TextResponse } from './index-engine'
import type { IndexMethod, IndexMethods, IndexPort, IndexStats } from './index-rpc'
import type { SearchService } from './search-service'

export interface IndexHost extends SearchService, IndexMethods {
  /** Stops the index process (or the in-thread engine); calls after this reject. */
  close(): Promise<void>
}

export interface IndexHostOptions extends EngineOptions {
  /** Starts the index process; without it the engine runs in this thread. */
  spawn?: () => IndexPort
}

export function startIndexHost(options: IndexHostOptions): IndexHost {
  const { spawn, ...engineOptions } = options
  return spawn ? processHost(spawn(), engineOptions) : threadHost(engineOptions)
}

function threadHost(options: EngineOptions): IndexHost {
  const engine = new IndexEngine(options)
  const started = engine.sync()
  started.catch(() => undefined)
  return {
    sync: () => engine.sync(),
    whenComplete: () => engine.whenComplete(),
    status: async () => engine.status(),
    search: async (query) => engine.search(query),
    stats: async () => {
      const usage = process.memoryUsage()
      const maxRss = process.resourceUsage().maxRSS * 1024
      return { ...(await engine.stats()), rss: usage.rss, heapUsed: usage.heapUsed, maxRss }
    },
    close: async () => engine.close()
  }
}

function processHost(port: IndexPort, options: EngineOptions): IndexHost {
  let nextId = 1
  let exited: string | undefined
  let onExited: () => void = () => undefined
  const exitedPromise = new Promise<void>((resolve) => (onExited = resolve))
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
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
    for (const call of waiting.values()) {
      call.reject(new AppError('internal', `The search index process stopped (${reason}).`))
    }
    waiting.clear()
  })
  port.post({ type: 'init', options })

  function call<T>(method: IndexMethod, params?: unknown): Promise<T> {
    if (exited !== undefined) {
      return Promise.reject(
        new AppError('internal', `The search index process stopped (${exited}).`)
      )
    }
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      if (waiting.size === 0) port.hold?.(true)
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
      port.post({ type: 'call', id, method, params })
    })
  }

  return {
    sync: () => call<void>('sync'),
    whenComplete: () => call<void>('whenComplete'),
    status: () => call<IndexStatus>('status'),
    search: (query: TextQuery) => call<TextResponse>('search', query),
    stats: () => call<IndexStats>('stats'),
    /** Stops the process and resolves once it has exited. */
    close: async () => {
      if (exited === undefined) {
        port.hold?.(true)
        port.kill()
      }
      await exitedPromise
    }
  }
}
