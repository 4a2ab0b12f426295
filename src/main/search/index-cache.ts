// Shard indexes on disk, one file per shard content (`<key>.json`): a start loads them instead of
// rebuilding. A cache file that cannot be read is simply rebuilt; nothing in it is precious.

import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import type lunr from 'lunr'

import { compactIndex, loadCompactIndex } from './compact-index'
import type { CompactIndex } from './compact-index'
import type { StoredSections } from './stored-sections'

import { INDEX_FORMAT } from './search-view'
import type { Manifest } from './shard-plan'

/** The cache folder in a profile. */
export const INDEX_CACHE_DIR = 'search-index'
const MANIFEST = 'manifest.json'
const WARM = 'warm.json'

interface CacheFile {
  format: string
  key: string
  /** Briefing id → content hash the index was built from. */
  built: Record<string, string>
  /** Section refs by short lunr ref (LoadedShard.refs). */
  refs: string[]
  index: CompactIndex
  stored: StoredSections
}

export interface CachedShard {
  index: lunr.Index
  built: Map<string, string>
  refs: string[]
  /** The sections behind the index, kept until the library itself has been read. */
  stored?: StoredSections
}

export class IndexCache {
  constructor(readonly dir: string) {}

  /** The shard with this key, or undefined when it is not cached (or the file is damaged). */
  async read(key: string): Promise<CachedShard | undefined> {
    try {
      const text = await readFile(this.#file(key), 'utf8')
      return this.parse(text, key)
    } catch {
      return undefined
    }
  }

  /**
   * Serialises a freshly built index, writes it and returns it loaded back from its JSON: a
   * built lunr index holds about twice the memory of the same index loaded.
   */
  async write(key: string, shard: CachedShard & { stored: StoredSections }): Promise<CachedShard> {
    const file: CacheFile = {
      format: INDEX_FORMAT,
      key,
      built: Object.fromEntries(shard.built),
      refs: shard.refs,
      index: compactIndex(shard.index),
      stored: shard.stored
    }
    const text = JSON.stringify(file)
    try {
      await mkdir(this.dir, { recursive: true })
      const tmp = `${this.#file(key)}.${process.pid}.tmp`
      await writeFile(tmp, text)
      await rename(tmp, this.#file(key))
    } catch {
      // A cache that cannot be written costs a rebuild on the next start, nothing more.
    }
    return this.parse(text, key) ?? shard
  }

  parse(text: string, key: string): CachedShard | undefined {
    const file = JSON.parse(text) as CacheFile
    if (file.format !== INDEX_FORMAT || file.key !== key) return undefined
    return {
      index: loadCompactIndex(file.index),
      built: new Map(Object.entries(file.built)),
      refs: file.refs,
      stored: file.stored
    }
  }

  /** Keys of the shards that made up the whole index when it was last complete. */
  async readWarmKeys(): Promise<string[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(join(this.dir, WARM), 'utf8'))
      return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : []
    } catch {
      return []
    }
  }

  async writeWarmKeys(keys: string[]): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true })
      const tmp = join(this.dir, `${WARM}.${process.pid}.tmp`)
      await writeFile(tmp, JSON.stringify(keys))
      await rename(tmp, join(this.dir, WARM))
    } catch {
      // The next start then waits for the library to be read before answering.
    }
  }

  async readManifest(): Promise<Manifest> {
    try {
      const parsed: unknown = JSON.parse(await readFile(join(this.dir, MANIFEST), 'utf8'))
      return isManifest(parsed) ? parsed : {}
    } catch {
      return {}
    }
  }

  async writeManifest(manifest: Manifest): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true })
      const tmp = join(this.dir, `${MANIFEST}.${process.pid}.tmp`)
      await writeFile(tmp, JSON.stringify(manifest))
      await rename(tmp, join(this.dir, MANIFEST))
    } catch {
      // Without a manifest the next start plans the shards afresh.
    }
  }

  /** Removes cached shards not in `keep` (content that no longer exists). */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    for (const name of names) {
      const key = name.replace(/\.json$/, '')
      if (name === MANIFEST || name === WARM || !name.endsWith('.json') || keep.has(key)) continue
      await unlink(join(this.dir, name)).catch(() => undefined)
    }
  }

  /** `keys` ordered by the size of their cache files, smallest first (missing ones last). */
  async sortBySize(keys: string[]): Promise<string[]> {
    const sizes = new Map<string, number>()
    for (const key of keys) {
      sizes.set(key, (await stat(this.#file(key)).catch(() => null))?.size ?? Infinity)
    }
    return [...keys].sort((a, b) => (sizes.get(a) ?? 0) - (sizes.get(b) ?? 0))
  }

  /** Bytes on disk, for the benchmark and diagnostics. */
  async size(): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    let total = 0
    for (const name of names)
      total += (await stat(join(this.dir, name)).catch(() => null))?.size ?? 0
    return total
  }

  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }

  #file(key: string): string {
    return join(this.dir, `${key}.json`)
  }
}

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.values(value).every(
    (ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string')
  )
}
