// Entry of the search index process: serves a SearchIndex, made from the parent's options, to
// the parent (main in the app, the CLI or the e2e harness). It loads no Electron module and
// nothing of the import (the NLP and HTML parsers would slow its start).

import { lowerOwnPriority } from '../background/background-priority'
import { parentPort, serveOnInit } from '../background/serve'
import { installProcessLogger, log } from '../log/log'
import type { EngineOptions } from './engine-types'
import { SearchIndex } from './search-index'

installProcessLogger('index')
// Before the index reads anything: the build starts low, and threads made later inherit it.
const refused = lowerOwnPriority()
if (refused) log.warn(`search index: its priority was not lowered everywhere (${refused})`)
serveOnInit(
  parentPort(),
  (options: EngineOptions) =>
    new SearchIndex(options, (error) =>
      log.error('search index: the library could not be read', error)
    ),
  'The search index has not been started yet.'
)
