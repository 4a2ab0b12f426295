// Starts the main-process core: loads the dataset and builds the search index once per start.
// Plain Node (no Electron), shared by the desktop app, the CLI and the e2e harness.

import type { AppInfo } from '../../shared/ipc-contract'
import { loadDatasetDir } from '../dataset/load-dataset'
import type { Library } from '../dataset/library'
import { createLunrSearch } from '../search/lunr-search'
import type { SearchService } from '../search/search-service'

export interface CoreOptions {
  /** Folder of dataset JSON files (the bundled one by default). */
  datasetDir: string
  /** The profile (user-data) folder; later features keep annotations and imports here. */
  userDataDir: string
  appVersion: string
}

export interface CoreServices {
  library: Library
  search: SearchService
  info: AppInfo
}

export interface AppCore {
  readonly options: CoreOptions
  /** Resolves once the dataset is loaded and indexed; rejects with the load error. */
  readonly ready: Promise<CoreServices>
}

export function startCore(options: CoreOptions): AppCore {
  const ready = load(options)
  // Callers await `ready` per request; this keeps an early failure from being "unhandled".
  ready.catch(() => undefined)
  return { options, ready }
}

async function load(options: CoreOptions): Promise<CoreServices> {
  const library = await loadDatasetDir(options.datasetDir)
  const search = createLunrSearch(library)
  const sectionCount = library.briefings.reduce((sum, b) => sum + b.sections.length, 0)
  return {
    library,
    search,
    info: {
      version: options.appVersion,
      briefingCount: library.briefings.length,
      sectionCount,
      entityCount: library.entities.size
    }
  }
}
