// Main's handle on the search index: a SearchIndex in its own process (the app, the CLI) or,
// when no process is given, in this thread (tests). Only the best hits travel back; the library
// text and the lunr indexes stay in the index process.

import { inThreadProxy, processProxy } from '../background/process-proxy'
import type { Remote } from '../background/process-proxy'
import { createRpcClient } from '../background/rpc-client'
import type { RpcClient } from '../background/rpc-client'
import type { BackgroundPort } from '../background/rpc'
import type { EngineOptions } from './engine-types'
import type { SearchIndex } from './search-index'

/** The index's methods; `close` stops its process (or the in-thread engine): later calls reject. */
export type IndexHost = Remote<SearchIndex>

export interface IndexHostOptions extends EngineOptions {
  /** Starts the background process; without it the engine runs in this thread. */
  spawn?: () => BackgroundPort
}

export function startIndexHost(options: IndexHostOptions): IndexHost {
  const { spawn, ...engineOptions } = options
  if (spawn) return processHost(spawn, engineOptions)
  // Made at once, as a process would be: the in-thread engine starts indexing now.
  const made = import('./search-index').then(({ SearchIndex }) => new SearchIndex(engineOptions))
  // A failure reaches every call; unheard until then, it must not count as unhandled.
  made.catch(() => undefined)
  // Closing an engine that never started has nothing to stop: it must not fail the caller's close.
  return inThreadProxy(() => made, {
    close: async () => (await made.catch(() => undefined))?.close()
  })
}

/**
 * The index in a background process. Should that process die (out of memory, killed), the calls
 * in flight fail with a message and the next call starts a new one, which loads from the cache.
 */
function processHost(spawn: () => BackgroundPort, options: EngineOptions): IndexHost {
  let closed = false
  let init = options
  let rpc = start()
  function start(): RpcClient {
    const port = spawn()
    const client = createRpcClient(port, 'The search index process')
    port.post({ type: 'init', options: init })
    // Only the first process waits to be told to read the library: a later one replaces a process
    // that died and reads it at once (beside main's load if it died that early: a rare cost).
    init = { ...options, libraryLater: undefined }
    return client
  }
  return processProxy<SearchIndex, Pick<IndexHost, 'close'>>(
    () => {
      if (rpc.stopped && !closed) rpc = start()
      return rpc
    },
    {
      close: () => {
        closed = true
        return rpc.close()
      }
    }
  )
}
