// Starts the main-process core: loads the dataset, builds the search index and opens the
// annotation store, once per start. Plain Node (no Electron), shared by the desktop app, the CLI
// and the e2e harness.

import type { AppInfo } from '../shared/app'
import { openAnnotationStore } from './annotations/store/annotation-store'
import type { AnnotationStore } from './annotations/store/types'
import type { StoreFs } from './fs/types'
import { changedBriefings } from './library/library'
import type { LibraryState } from './library/library'
import type { SearchServices } from './search/search-all'
import type { ImportServices } from './import/import-services'
import type { ExportServices } from './export/export-service'
import type { AnnotationImportServices } from './annotations/import-annotations'
import { attachWaiting } from './annotations/import-annotations'
import { createAnnotationService } from './annotations/annotation-service'
import { remoteAnnotationSearch } from './search/annotation-remote'
import { startIndexHost } from './search/index-host'
import type { IndexHost } from './search/index-host'
import type { EngineOptions } from './search/engine-types'
import type { BackgroundPort } from './background/rpc'
import { startImportWorker } from './import/import-worker'
import type { ImportWorker } from './import/import-worker'
import { ImportState } from './import/import-state'
import { pruneProfileTempFiles } from './import/profile-temp-files'
import { loadLibrary } from './library/library-loader'
import { SectionTextPacker, packChanged } from './library/text-packer'
import { log } from './log/log'
import { ProfileLock } from './fs/profile-lock'
import { AppError } from './errors'

export interface CoreOptions {
  /** Folder of dataset JSON files (the bundled one by default). */
  datasetDir: string
  /** The profile (user-data) folder: annotations live in `<userDataDir>/annotations`. */
  userDataDir: string
  appVersion: string
  /** Start-up problems the host found (e.g. a quarantined preferences file), shown to the analyst. */
  notices?: string[]
  /**
   * Filesystem calls of the annotation store; node:fs when omitted. Only tests set this (the e2e
   * harness injects a disk that fails on demand); the app and the CLI never do.
   */
  annotationFs?: StoreFs
  /**
   * Starts the search index process (an Electron utility process in the app, a Node child process
   * in the CLI and the e2e harness). Without it the index runs in this thread and `ready` waits
   * for it (unit tests).
   */
  spawnIndex?: () => BackgroundPort
  /** Starts the import worker process (on the first import); without it imports parse here. */
  spawnImport?: () => BackgroundPort
  /**
   * 'write' (the default): take the profile's writer lock, or open read-only beside its holder.
   * 'read': never write the profile and leave its lock alone (the CLI's reading commands).
   */
  access?: 'write' | 'read'
  /** Who holds the lock, as other processes name it ("Briefing Reader" by default). */
  holder?: string
  /**
   * Run once the library is loaded, before the index process is told to read it; what it returns
   * runs once the index's first build is complete (or has failed, or the core closes). The app's
   * main collects what the load left, and puts back V8's memory reducer, quiet since main started
   * (mainHeapAtStart, search/heap-settle.ts); the CLI, which exits soon, and tests do not.
   */
  afterLoad?: () => void | (() => void)
}

/** Everything loaded once per start; each domain's handlers take the part they read. */
export interface CoreServices
  extends LibraryState, SearchServices, ImportServices, ExportServices, AnnotationImportServices {
  /** Counts of the current library and the start-up notices. */
  readonly info: AppInfo
  /** Why this process may not write the profile (another holds it, or opened for reading). */
  readonly profileReadOnly: string | undefined
}

export interface AppCore {
  readonly options: CoreOptions
  /** Resolves once the dataset is loaded (search may still be indexing); rejects with the load error. */
  readonly ready: Promise<CoreServices>
  /**
   * The search index while the library is still loading, when it runs in a process of its own
   * (the app, the CLI): it answers from its cache meanwhile. Resolves once that process is
   * started (the profile lock comes first); without one, only once `ready` settled, to undefined
   * (as it does once `ready` settled in any case).
   */
  searchWhileLoading(): Promise<IndexHost | undefined>
  /** Writes what is pending and releases the annotation store; says what could not be written. */
  close(): Promise<{ pending: number; lastError?: string }>
}

export function startCore(options: CoreOptions): AppCore {
  let announce: (host: IndexHost | undefined) => void = () => undefined
  const early = new Promise<IndexHost | undefined>((resolve) => (announce = resolve))
  const state: CoreState = {
    importWorker: startImportWorker(options.spawnImport),
    lock: new ProfileLock(options.userDataDir, options.holder ?? 'Briefing Reader'),
    closing: false,
    announce
  }
  const ready = load(options, state)
  let loading = true
  // Callers await `ready` per request; this also keeps an early failure from being "unhandled".
  ready.then(
    () => ((loading = false), announce(undefined)),
    () => ((loading = false), announce(undefined))
  )
  return {
    options,
    ready,
    searchWhileLoading: async () => {
      const host = await early
      return loading ? host : undefined
    },
    async close() {
      state.closing = true
      await ready.catch(() => undefined)
      await Promise.all([state.search?.close(), state.importWorker.close()])
      const status = (await state.store?.close()) ?? { pending: 0 }
      await state.lock.release()
      return status
    }
  }
}

/** What the load makes and `close()` releases, filled in as the load goes. */
interface CoreState {
  readonly importWorker: ImportWorker
  readonly lock: ProfileLock
  search?: IndexHost
  store?: AnnotationStore
  /** The core is being closed: what fails meanwhile fails of it. */
  closing: boolean
  /** The index process, started before the library is loaded, can answer searches. */
  announce(search: IndexHost): void
}

async function load(options: CoreOptions, state: CoreState): Promise<CoreServices> {
  const { lock, importWorker } = state
  // The lock comes first, so nothing is read half written by a writer we would then refuse.
  const reading = options.access === 'read' ? 'the profile was opened for reading only' : undefined
  const attempt = reading === undefined ? await lock.acquire() : undefined
  // The index process starts now and loads its cache while main loads the library, so that
  // searches are answered before main is ready (`search:query` asks it alone until then). It
  // reads the library files once main has (reading alongside main slowed main's load: the cache
  // alone, read meanwhile, still delays main's ready; bench/results.md).
  const early = options.spawnIndex
    ? startIndexHost({ ...engineOptions(options), spawn: options.spawnIndex, libraryLater: true })
    : undefined
  if (early) {
    state.search = early
    state.announce(early)
  }
  // Loading completes or rolls back an import a crash interrupted; its temp files go too.
  // Main holds every section's text while it runs: packed so its collector never moves them.
  const loaded = await loadLibrary(options.datasetDir, options.userDataDir, {
    packer: new SectionTextPacker()
  }).catch((error: unknown) => {
    void early?.close()
    throw error
  })
  await pruneProfileTempFiles(options.userDataDir).catch((error: unknown) =>
    log.warn(`could not remove stray temp files: ${(error as Error).message}`)
  )
  // Before the index process's build or reading begins: a pause of main's now is in the load.
  // Not when closing: the collection would only lengthen the close.
  const afterBuild = state.closing ? undefined : options.afterLoad?.()
  // Never what fails the start or goes unhandled.
  const runAfterBuild = () => {
    try {
      afterBuild?.()
    } catch (error) {
      log.warn(`after the first build: ${String(error)}`)
    }
  }
  // The index process reads the same files itself and indexes in the background (without a
  // process, tests, the engine runs in this thread and the start waits for it).
  const search = early ?? startIndexHost(engineOptions(options))
  if (early) {
    // Answered at once: it fails when the process stopped (closing; or it died, and the next one
    // reads at once) or does not know the call (an index bundle older than main's).
    early.readLibrary([...loaded.files]).catch((error: unknown) => {
      if (!state.closing) log.error('search index: could not be told to read the library', error)
    })
  } else {
    state.search = search
    await search.whenComplete().finally(runAfterBuild)
  }
  // Once the first build is complete, or cannot complete (the process died, the core closing).
  if (early && afterBuild) void early.whenComplete().then(runAfterBuild, runAfterBuild)
  const store = await openAnnotationStore(options.userDataDir, {
    fs: options.annotationFs,
    lock,
    readOnly: reading ?? (attempt?.kind === 'other' ? attempt.reason : undefined)
  })
  state.store = store
  let library = loaded.library
  let imported: ReadonlySet<string> = loaded.imported
  // Annotation search runs in the index process; every briefing's annotations are sent there in
  // the background (searches meanwhile say those briefings are still indexing).
  const annotationSearch = remoteAnnotationSearch(search, () => state.closing)
  const annotations = createAnnotationService({
    store,
    library: () => library,
    search: annotationSearch
  })
  annotationSearch.indexWith((onProgress) => annotations.indexAll({ resend: true, onProgress }))
  await attachWaitingLogged({ library, annotations, userDataDir: options.userDataDir })
  const notices = [
    ...(options.notices ?? []),
    ...loaded.notices,
    ...store.warnings,
    ...(store.readOnly ? [`Annotations and imports are read-only: ${store.readOnly}`] : [])
  ]
  return {
    get library() {
      return library
    },
    search,
    userDataDir: options.userDataDir,
    get imported() {
      return imported
    },
    async replaceLibrary(next, nextImported) {
      // The index reads only the files of the briefings that differ (an import's, an edit's).
      const changes = { briefings: changedBriefings(library, next) }
      // Not awaited: the texts stay equal whether packed or not, and the import need not wait;
      // a failure only leaves some texts unpacked.
      void packChanged(library, next, changes.briefings).catch((error: unknown) =>
        log.error('could not pack the texts of changed briefings', error)
      )
      library = next
      imported = nextImported
      // The files are written and the library swapped: a search index that cannot follow right
      // now (its process died) must not turn that into a failure; it catches up on its next call.
      await Promise.all([
        annotations.indexAll(),
        search
          .sync(changes)
          .catch((error: unknown) => log.error('search index: sync failed', error))
      ])
      // Annotations that waited for a briefing just imported join it now.
      await attachWaitingLogged({ library, annotations, userDataDir: options.userDataDir })
    },
    annotationSearch,
    importWorker,
    annotations,
    importState: new WriterImportState(async () => {
      if (store.readOnly !== undefined) throw new AppError('read-only', store.readOnly)
      const taken = await lock.acquire()
      if (taken.kind === 'other') throw new AppError('read-only', taken.reason)
      if (taken.kind === 'failed') {
        throw new AppError('internal', `Could not lock the profile for writing: ${taken.error}`)
      }
    }),
    get profileReadOnly() {
      return store.readOnly
    },
    // Counted from the current library, so they stay right after an import.
    get info() {
      return {
        version: options.appVersion,
        briefingCount: library.briefings.length,
        sectionCount: library.briefings.reduce((sum, b) => sum + b.sections.length, 0),
        entityCount: library.entities.size,
        notices
      }
    }
  }
}

function engineOptions(options: CoreOptions): EngineOptions {
  return { datasetDir: options.datasetDir, userDataDir: options.userDataDir }
}

/** Attaching waiting annotations never fails a start or an import: it is retried next time. */
async function attachWaitingLogged(services: AnnotationImportServices): Promise<void> {
  try {
    await attachWaiting(services)
  } catch (error) {
    log.error('waiting annotations: could not attach', error)
  }
}

/** The import queue, run only while this process holds the profile's writer lock. */
class WriterImportState extends ImportState {
  constructor(private readonly mayWrite: () => Promise<void>) {
    super()
  }

  override queue<T>(work: () => Promise<T>): Promise<T> {
    return super.queue(async () => {
      await this.mayWrite()
      return work()
    })
  }
}
