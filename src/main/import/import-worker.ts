// Parsing imported files and proposing entities off main's thread: a 20 MB HTML page takes
// seconds in parse5, and the NLP of entity proposals seconds more. In the app and the CLI they
// run in a background process started on the first import; tests run them in this thread.

import { inThreadProxy, processProxy } from '../background/process-proxy'
import type { Remote } from '../background/process-proxy'
import { createRpcClient } from '../background/rpc-client'
import type { RpcClient } from '../background/rpc-client'
import type { BackgroundPort } from '../background/rpc'
import type { ImportJobs } from './import-jobs'

export interface ImportWorker extends Remote<ImportJobs> {
  close(): Promise<void>
}

/** With `spawn`, a background process started on first use; without, this thread (loaded then). */
export function startImportWorker(spawn?: () => BackgroundPort): ImportWorker {
  if (!spawn) {
    return inThreadProxy(async () => (await import('./import-jobs')).importJobs, {
      close: async () => undefined
    })
  }
  let rpc: RpcClient | undefined
  return processProxy<ImportJobs, Pick<ImportWorker, 'close'>>(
    () => {
      // A process that stopped (crashed on a hostile file, say) starts afresh for the next call.
      if (!rpc || rpc.stopped) rpc = createRpcClient(spawn(), 'The import process')
      return rpc
    },
    {
      close: async () => {
        await rpc?.close()
      }
    }
  )
}
