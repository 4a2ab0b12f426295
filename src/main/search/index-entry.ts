// Entry of the search index process: serves a SearchIndex, made from the parent's options, to
// the parent (main in the app, the CLI or the e2e harness). It loads no Electron module and
// nothing of the import (the NLP and HTML parsers would slow its start).

import { parentPort, serveOnInit } from '../background/serve'
import type { EngineOptions } from './index-engine'
import { SearchIndex } from './search-index'

serveOnInit(
  parentPort(),
  (options: EngineOptions) =>
    new SearchIndex(options, (error) => console.error('Search index:', error)),
  'The search index has not been started yet.'
)
