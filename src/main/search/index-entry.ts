// Entry of the search index process: runs the IndexEngine for the parent (main in the app, the
// CLI or the e2e harness). It loads no Electron module and nothing of the import (the NLP and
// HTML parsers would slow its start).

import { IndexEngine } from './index-engine'
import { AppError } from '../errors'
import { memory } from '../background/process-memory'
import { serve } from '../background/serve'

let engine: IndexEngine | undefined

function started(): IndexEngine {
  if (!engine) throw new AppError('not-ready', 'The search index has not been started yet.')
  return engine
}

serve(
  {
    sync: () => started().sync(),
    whenComplete: () => started().whenComplete(),
    status: async () => started().status(),
    search: async (query) => started().search(query),
    stats: async () => ({ ...(await started().stats()), ...memory() })
  },
  (options) => {
    engine ??= new IndexEngine(options)
    // Starts loading at once; calls from the parent wait for it where they need to.
    void engine.sync().catch((error: unknown) => console.error('Search index:', error))
  }
)
