// The search index of a profile's library, split into shards: loads each shard from the cache or
// builds it (giving queries a turn every millisecond), rescans the library on sync and rebuilds
// only the shards whose content changed. Runs in the index process (or, for tests, in the caller's
// thread); it reads the library from disk itself.

import { join } from 'node:path'

import type { IndexStatus } from '../../shared/search'
import { log } from '../log/log'
import type { Library } from '../library/library'
import type { ParsedFiles } from '../library/library-loader'
import { LIBRARY_DIR } from '../library/staged-imports'
import { IndexCache, INDEX_CACHE_DIR } from './index-cache'
import type { WarmShard } from './index-cache'
import { asksLibraryWords, libraryWordsReady, wordsCollected } from './fuzzy-words'
import { createTermMarker } from './mark-terms'
import { planQuery } from './query-plan'
import { createSearchPipeline } from './section-index'
import { sectionEntityNames, viewOf } from './search-view'
import type { LibraryView } from './search-view'
import { StatusMemo, changedSinceBuilt, plannedTargets } from './shard-coverage'
import type { Target } from './shard-coverage'
import { ShardBuilder } from './shard-builder'
import type { HeldShard } from './shard-builder'
import { planShards } from './shard-plan'
import { LoadedShards } from './loaded-shards'
import type { Manifest } from './shard-plan'
import type { TextQuery, TextResponse } from './search-service'
import { searchShards } from './text-search'
import { nextView } from './view-delta'
import { QueryPreparer } from './query-preparer'
import { warmStart } from './warm-start'
import { PendingReads, RETRY_MS } from './pending-reads'
import type { EngineOptions, EngineStats, LibraryChanges } from './engine-types'

export type { TextQuery, TextResponse }

export class IndexEngine {
  readonly #options: EngineOptions
  readonly #cache: IndexCache
  readonly #files: ParsedFiles = new Map()
  readonly #pipeline = createSearchPipeline()
  readonly #marker = createTermMarker(this.#pipeline)
  #bundled: Library | undefined
  #view: LibraryView = viewOf({ entities: new Map(), briefings: [] })
  #manifest: Manifest = {}
  #targets: Target[] = []
  readonly #loaded = new LoadedShards<HeldShard>()
  /** True once the library files have been read (before that, the view is the cache's). */
  #libraryRead = false
  /** What the last sync left unread, read again soon and by the next sync (PendingReads). */
  readonly #pending: PendingReads
  readonly #counts = { built: 0, fromCache: 0 }
  readonly #builder: ShardBuilder
  #syncing: Promise<void> = Promise.resolve()
  #building: Promise<void> | undefined
  #closed = false
  readonly #preparer = new QueryPreparer({
    view: () => this.#view,
    loaded: this.#loaded,
    busy: () => this.#closed || this.#building !== undefined,
    libraryRead: () => this.#libraryRead
  })

  constructor(options: EngineOptions) {
    this.#options = options
    this.#cache = new IndexCache(join(options.userDataDir, INDEX_CACHE_DIR))
    this.#builder = new ShardBuilder(this.#cache, this.#pipeline, {
      view: () => this.#view,
      targets: () => this.#targets,
      loaded: this.#loaded,
      counts: this.#counts,
      closed: () => this.#closed
    })
    const libraryDir = join(options.userDataDir, LIBRARY_DIR)
    this.#pending = new PendingReads(libraryDir, options.retryUnreadableMs ?? RETRY_MS, () =>
      this.#readAgain()
    )
  }

  /**
   * Rescans the library and starts (re)building what changed. Resolves once every briefing is
   * searchable; folding the recent shard into a batch may continue after that.
   *
   * With `changes` (main names the briefings it changed), only their files (and any the last
   * sync could not read) are read again and only their sections enter the view: resolves once
   * they are searchable, without waiting for the cache files. Anything that does not fit (an
   * entity record changed) rescans in full.
   */
  sync(changes?: LibraryChanges): Promise<void> {
    const searchable = this.#queueSync(() =>
      changes ? this.#pending.withUnread(changedFiles(changes)) : undefined
    )
    return changes ? searchable : searchable.then(() => this.#builder.written())
  }

  /**
   * The first read of the library, given the files main holds and their stamps
   * (`LoadedLibrary.files`): the index reads those, so it holds what main holds, and takes main's
   * checks of the files that did not change since. Without them, as `sync()`.
   */
  readLibrary(files?: ReadonlyMap<string, string>): Promise<void> {
    this.#checked = files
    return this.sync()
  }

  /** Main's files, for the first read only (taken by the first sync that runs). */
  #checked: ReadonlyMap<string, string> | undefined

  /**
   * Queues a sync reading the file names `names()` gives as its turn comes (undefined: the whole
   * library; null: nothing, the sync is not needed any more), and resolves once what it read is
   * searchable.
   */
  #queueSync(names: () => ReadonlySet<string> | undefined | null): Promise<void> {
    this.#preparer.syncStarted()
    this.warmUp()
    const run = this.#syncing.then(async () => {
      try {
        const read = names()
        // Nothing left to read: prepared for again as after any sync (syncStarted unset it).
        if (read === null) {
          if (!this.#building) this.#preparer.schedule()
          return
        }
        // Until the library has been read once, #sync reads it all (main's files, if given).
        this.#pending.read(await this.#sync(read))
      } catch (error) {
        this.#pending.failed()
        // The view and shards stand as they were; prepared for again, or `prepared` would stay
        // false until a sync succeeds (a build still running schedules this when it ends).
        if (!this.#building) this.#preparer.schedule()
        throw error
      }
    })
    this.#syncing = run.catch(() => undefined)
    // Queries find the new shards as soon as they load; sync() also waits for their cache files,
    // so a caller that stops the index next (the CLI) leaves them written.
    return run.then(() => this.#untilSearchable())
  }

  /** Reads again what the last sync left unread, or all of it after a sync that failed. */
  #readAgain(): void {
    if (this.#closed) return
    // Decided at its turn: closing meanwhile reads nothing more.
    this.#queueSync(() => (this.#closed ? null : this.#pending.pending())).catch((error: unknown) =>
      log.error('search index: reading the library again failed', error)
    )
  }

  /**
   * Loads the last complete index's shards from the cache and answers from them, without reading
   * the library (the first sync does, after this): the app's start, while main loads the library.
   */
  warmUp(): void {
    if (this.#warmStarted || this.#libraryRead) return
    this.#warmStarted = true
    // A cache that cannot be read leaves nothing to answer from: the sync builds the shards.
    const warm = this.#syncing.then(() => this.#warmStart())
    this.#syncing = warm.catch((e: unknown) => log.error('search index: the warm start failed', e))
  }

  /** Syncs by difference, and rescans of the whole library (tests check the fallback). */
  readonly syncCounts = { byDifference: 0, full: 0 }

  /** Resolves when every shard of the current plan is loaded (nothing left to build). */
  async whenComplete(): Promise<void> {
    await this.#syncing
    while (this.#building) await this.#building
  }

  status(): IndexStatus {
    // Shards of the warm start not loaded yet: their briefings are not searchable yet either.
    return this.#status.of(this.#view, this.#loaded, this.#warmPending)
  }

  readonly #status = new StatusMemo()

  /** Once a fuzzy word of `query` expands over the library's words as it stands. */
  async wordsFor(query: string): Promise<void> {
    // Ready first: most queries come after the words are in, and planning costs a lookup more.
    if (libraryWordsReady(this.#view) || !asksLibraryWords(query, this.#pipeline)) return
    await wordsCollected(
      () => this.#view,
      () => !this.#closed
    )
  }

  search(query: TextQuery): TextResponse {
    const started = performance.now()
    const plan = planQuery(query.query, this.#pipeline)
    const request = { plan, filters: query.filters, take: query.take ?? 20 }
    const shards = this.#loaded.list()
    const { total, hits, facets, scoringMs } = searchShards(
      shards,
      this.#view,
      this.#marker,
      request
    )
    // Named, not spread: copying by rest and spread took a few per cent of a selective query.
    const response = { query: query.query, total, hits, facets, indexing: this.status() }
    this.#timing.queries += 1
    this.#timing.scoringMs += scoringMs
    this.#timing.totalMs += performance.now() - started
    return response
  }

  readonly #timing = { queries: 0, scoringMs: 0, totalMs: 0 }

  /** Changes whenever sectionEntities may answer differently (the library view is replaced). */
  get entitiesVersion(): object {
    return this.#view
  }

  /** Entities mentioned in a section, id → name, as the library now stands (annotation facets). */
  sectionEntities(briefingId: string, sectionId: string): Map<string, string> {
    return sectionEntityNames(this.#view, briefingId, sectionId)
  }

  async stats(): Promise<EngineStats> {
    return {
      shards: this.#loaded.size,
      cacheBytes: await this.#cache.size(),
      built: this.#counts.built,
      fromCache: this.#counts.fromCache,
      queryTime: { ...this.#timing },
      wordsReady: libraryWordsReady(this.#view),
      prepared: this.#preparer.done
    }
  }

  /** Stops building; resolves once the build loop has stopped and the queued cache writes are made. */
  async close(): Promise<void> {
    this.#closed = true
    this.#pending.stop()
    await this.whenComplete().catch(() => undefined)
    await this.#builder.written()
  }

  #warmStarted = false
  /** Shards the warm start has still to load. */
  readonly #warmPending = new Map<string, WarmShard>()

  #warmStart(): Promise<void> {
    return warmStart(this.#cache, {
      loaded: this.#loaded,
      counts: this.#counts,
      pending: this.#warmPending,
      // Until the library is read, queries answer from the sections stored with the shards.
      storedLoaded: (stored) => {
        if (!this.#libraryRead) this.#view = stored.view()
      }
    })
  }

  /**
   * Reads the named files (all: undefined) and plans the shards; answers the files it could not
   * read (skipped).
   */
  async #sync(names?: ReadonlySet<string>): Promise<readonly string[]> {
    const checked = this.#libraryRead ? undefined : this.#checked
    // Once: should this read fail, the next lists the folder and checks every file itself.
    this.#checked = undefined
    // Loaded when first needed (the validator takes a while): a start answers from the cache first.
    const [{ loadDatasetDir }, { loadLibrary }] = await Promise.all([
      import('../library/load-dataset'),
      import('../library/library-loader')
    ])
    this.#bundled ??= await loadDatasetDir(this.#options.datasetDir)
    if (Object.keys(this.#manifest).length === 0) this.#manifest = await this.#cache.readManifest()
    const changed = this.#libraryRead ? names : undefined
    const scan = { cache: this.#files, changed, checked }
    const loaded = await loadLibrary(this.#bundled, this.#options.userDataDir, scan)
    const next = await nextView(this.#view, loaded.library, !!changed, this.#loaded.list())
    const { delta } = next
    this.#view = next.view
    this.syncCounts[delta ? 'byDifference' : 'full'] += 1
    this.#libraryRead = true
    // The library's own sections take over: the stored copies are no longer needed.
    for (const shard of this.#loaded.values()) delete shard.stored
    const bundledIds = new Set(this.#bundled.briefings.map((b) => b.id))
    const imported = loaded.library.briefings.map((b) => b.id).filter((id) => !bundledIds.has(id))
    this.#manifest = planShards(this.#manifest, {
      bundled: [...bundledIds],
      imported,
      sections: this.#view.sectionCounts,
      changed: changedSinceBuilt(this.#targets, this.#loaded, this.#view.hashes),
      limits: this.#options.shardLimits
    })
    const manifest = this.#manifest
    this.#builder.queueWrite(() => this.#cache.writeManifest(manifest))
    this.#targets = plannedTargets(manifest, this.#view.hashes, this.#targets)
    // The imported briefings first, on their own: the planned shards then build meanwhile.
    if (delta) await this.#builder.loadImported(delta.changed)
    this.#kick()
    // Main shows its own notices; these are the index's, for the log (a file locked a moment).
    for (const file of loaded.unreadable) {
      log.warn(`search index: left out ${file}, which could not be read; it is tried again soon`)
    }
    return loaded.unreadable
  }

  /** Starts the build loop unless it runs; restarts it if a sync planned more as it ended. */
  #kick(): void {
    if (this.#building || this.#closed) return
    this.#building = this.#builder.buildAll().finally(() => {
      this.#building = undefined
      if (this.#builder.next()) this.#kick()
      else this.#preparer.schedule()
    })
  }

  async #untilSearchable(): Promise<void> {
    while (this.status().pendingBriefings > 0 && this.#building) {
      await Promise.race([this.#building, this.#builder.nextLoad()])
    }
  }
}

function changedFiles(changes: LibraryChanges): Set<string> {
  return new Set(changes.briefings.map((id) => `${id}.json`))
}
