// Shard indexes on disk, one file per shard content (`<key>.idx`, see posting-file.ts): a start
// loads them instead of rebuilding. A cache file that cannot be read is simply rebuilt; nothing in
// it is precious.

import { readdir, readFile, rm, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'

import { describeError } from '../errors'
import { nodeStoreFs } from '../fs/node-fs'
import { log } from '../log/log'
import { writeFileAtomically } from '../fs/atomic-write'
import { decodeMilliPostingFile, encodePostingFile, OlderPostingFile } from './posting-file'
import { PostingIndex } from './posting-index'
import type { PostingArrays } from './posting-index'
import { ReadBuffers } from './read-buffers'
import { packTexts, unpackTexts } from './stored-sections'
import type { PackedSections, StoredSections } from './stored-sections'

import { INDEX_FORMAT } from './search-view'
import type { Manifest } from './shard-plan'

export { INDEX_CACHE_DIR } from './cache-dir'
const MANIFEST = 'manifest.json'
const WARM = 'warm.json'
const SHARD_EXTENSION = '.idx'

/** The JSON header of a shard file; the postings follow it, then the sections' texts. */
interface CacheHeader {
  format: string
  key: string
  /** Briefing id → content hash the index was built from. */
  built: Record<string, string>
  /** Section refs by document number (LoadedShard.refs). */
  refs: string[]
  stored: PackedSections
}

export interface CachedShard {
  index: PostingIndex
  built: Map<string, string>
  refs: string[]
  /** The sections behind the index, kept until the library itself has been read. */
  stored?: StoredSections
}

/** A shard of the index as it was last complete, and what it covers (the status as it loads). */
export interface WarmShard {
  key: string
  sections: number
  briefings: number
}

export class IndexCache {
  readonly #buffers = new ReadBuffers()

  constructor(readonly dir: string) {}

  /** The shard with this key, or undefined when it is not cached (or the file is damaged). */
  async read(key: string): Promise<CachedShard | undefined> {
    return this.load(await this.readBytes(key), key)
  }

  /** The bytes of the shard file with this key (valid until passed to load); undefined if none. */
  async readBytes(key: string): Promise<Buffer | undefined> {
    return this.#buffers.read(this.#file(key))
  }

  /**
   * The shard in bytes read by readBytes: undefined when missing, damaged or of another format.
   * The bytes go back to be read into again: nothing decoded refers to them.
   */
  load(bytes: Buffer | undefined, key: string): CachedShard | undefined {
    if (!bytes) return undefined
    try {
      return this.parse(bytes, key)
    } catch (error) {
      if (error instanceof OlderPostingFile) return undefined
      // Damaged (a checksum mismatch, a short file): rebuilt from the library like a missing one.
      log.warn(
        `search cache: ${key}${SHARD_EXTENSION} is damaged and will be rebuilt: ${describeError(error)}`
      )
      return undefined
    } finally {
      this.#buffers.release(bytes)
    }
  }

  /** Writes a freshly built shard and returns it loaded. */
  async write(
    key: string,
    shard: Omit<CachedShard, 'index'> & { arrays: PostingArrays; stored: StoredSections }
  ): Promise<CachedShard> {
    const { packed, texts } = packTexts(shard.stored)
    const header: CacheHeader = {
      format: INDEX_FORMAT,
      key,
      built: Object.fromEntries(shard.built),
      refs: shard.refs,
      stored: packed
    }
    const file = encodePostingFile(header, shard.arrays, Buffer.from(texts, 'utf8'))
    // A cache that cannot be written costs a rebuild on the next start, nothing more.
    await this.#write(`${key}${SHARD_EXTENSION}`, file)
    const { built, refs, stored } = shard
    return { index: new PostingIndex(shard.arrays), built, refs, stored }
  }

  /** The shard in a cache file's bytes; undefined for another format or key, throws if damaged. */
  parse(bytes: Buffer, key: string): CachedShard | undefined {
    const { header, arrays, tail } = decodeMilliPostingFile<CacheHeader>(bytes)
    if (header.format !== INDEX_FORMAT || header.key !== key) return undefined
    if (header.refs.length !== arrays.documentCount) throw new Error('cache file: refs')
    return {
      index: new PostingIndex(arrays),
      built: new Map(Object.entries(header.built)),
      refs: header.refs,
      stored: unpackTexts(header.stored, tail.toString('utf8'))
    }
  }

  /** The shards that made up the whole index when it was last complete. */
  async readWarm(): Promise<WarmShard[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(join(this.dir, WARM), 'utf8'))
      if (!Array.isArray(parsed)) return []
      // Older files list keys only: each shard then counts as one briefing still to load.
      return parsed.flatMap((entry: unknown) =>
        typeof entry === 'string'
          ? [{ key: entry, sections: 0, briefings: 1 }]
          : isWarmShard(entry)
            ? [entry]
            : []
      )
    } catch {
      return []
    }
  }

  /** Keys of the shards that made up the whole index when it was last complete. */
  async readWarmKeys(): Promise<string[]> {
    return (await this.readWarm()).map((shard) => shard.key)
  }

  async writeWarm(shards: WarmShard[]): Promise<void> {
    // Unwritten, the next start waits for the library to be read before answering.
    await this.#write(WARM, JSON.stringify(shards))
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
    // Unwritten, the next start plans the shards afresh.
    await this.#write(MANIFEST, JSON.stringify(manifest))
  }

  /** Replaces a file of the cache atomically; a failure is not an error (see the callers). */
  async #write(name: string, data: string | Uint8Array): Promise<void> {
    try {
      await nodeStoreFs.mkdir(this.dir)
      await writeFileAtomically(nodeStoreFs, join(this.dir, name), data)
    } catch {
      // Nothing in the cache is precious.
    }
  }

  /** Removes cached shards not in `keep` (content that no longer exists). */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    for (const name of names) {
      // Also removes shard files of older formats (`<key>.json`), and the temp files of writes
      // an index process stopped before it finished them (this process's own may be under way).
      const ours = name.includes(`.${process.pid}.`)
      const key = ours ? name : name.replace(/\.(idx|json|tmp)$/, '')
      if (name === MANIFEST || name === WARM || name === key || keep.has(key)) continue
      await unlink(join(this.dir, name)).catch(() => undefined)
    }
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
    return join(this.dir, `${key}${SHARD_EXTENSION}`)
  }
}

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  return Object.values(value).every(
    (ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string')
  )
}

function isWarmShard(value: unknown): value is WarmShard {
  if (typeof value !== 'object' || value === null) return false
  const { key, sections, briefings } = value as Partial<WarmShard>
  return typeof key === 'string' && Number.isInteger(sections) && Number.isInteger(briefings)
}
