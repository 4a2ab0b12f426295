// Main's handle on the search index: the IndexEngine in its own process (the app, the CLI) or,
// when no process is given, in this thread (tests). Only the best hits travel back; the library
// text and the lunr indexes stay in the index process.

import type { IndexStatus } from '../../shared/ipc-contract'
import { createRpcClient } from '../background/rpc-client'
import type { BackgroundPort, IndexMethods, IndexStats } from '../background/rpc'
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

function processHost(port: BackgroundPort, options: EngineOptions): IndexHost {
  const rpc = createRpcClient(port, 'The search index process')
  port.post({ type: 'init', options })
  return {
    sync: () => rpc.call<void>('sync'),
    whenComplete: () => rpc.call<void>('whenComplete'),
    status: () => rpc.call<IndexStatus>('status'),
    search: (query: TextQuery) => rpc.call<TextResponse>('search', query),
    stats: () => rpc.call<IndexStats>('stats'),
    close: () => rpc.close()
  }
}
