// Main's handle on the search index: the IndexEngine in its own process (the app, the CLI) or,
// when no process is given, in this thread (tests). Only the best hits travel back; the library
// text and the lunr indexes stay in the index process.

import type { IndexStatus } from '../../shared/search'
import { memory } from '../background/process-memory'
import { createRpcClient } from '../background/rpc-client'
import type { RpcClient } from '../background/rpc-client'
import type { BackgroundPort, IndexMethods, IndexStats } from '../background/rpc'

type IndexMethod = keyof IndexMethods
import { IndexEngine } from './index-engine'
import type { EngineOptions, TextQuery, TextResponse } from './index-engine'
import type { SearchService } from './search-service'

export interface IndexHost extends SearchService, IndexMethods {
  /** Stops the index process (or the in-thread engine); calls after this reject. */
  close(): Promise<void>
}

export interface IndexHostOptions extends EngineOptions {
  /** Starts the background process; without it the engine runs in this thread. */
  spawn?: () => BackgroundPort
}

export function startIndexHost(options: IndexHostOptions): IndexHost {
  const { spawn, ...engineOptions } = options
  return spawn ? processHost(spawn, engineOptions) : threadHost(engineOptions)
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
    stats: async () => ({ ...(await engine.stats()), ...memory() }),
    close: async () => engine.close()
  }
}

/**
 * The index in a background process. Should that process die (out of memory, killed), the calls
 * in flight fail with a message and the next call starts a new one, which loads from the cache.
 */
function processHost(spawn: () => BackgroundPort, options: EngineOptions): IndexHost {
  let closed = false
  let rpc = start()
  function start(): RpcClient {
    const port = spawn()
    const client = createRpcClient(port, 'The search index process')
    port.post({ type: 'init', options })
    return client
  }
  function call<T>(method: IndexMethod, params?: unknown): Promise<T> {
    if (rpc.stopped && !closed) rpc = start()
    return rpc.call<T>(method, params)
  }
  return {
    sync: () => call<void>('sync'),
    whenComplete: () => call<void>('whenComplete'),
    status: () => call<IndexStatus>('status'),
    search: (query: TextQuery) => call<TextResponse>('search', query),
    stats: () => call<IndexStats>('stats'),
    close: () => {
      closed = true
      return rpc.close()
    }
  }
}
