// Loads the library: the bundled dataset (which must be valid: the app cannot start without it)
// and the analyst's imported briefings from the profile, where a damaged file is skipped with a
// notice rather than keeping the app from starting.

import { readFileSync, statSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

import type { Entity } from '../../shared/dataset'
import { TimeSlice } from '../time-slice'
import type { Library } from './library'
import { formatProblem, loadDatasetDir, parseDatasetFile, sameEntity } from './load-dataset'
import { LIBRARY_DIR, claims, settleStagedImports } from './staged-imports'
import type { SectionTextPacker } from './text-packer'
import { describeError } from '../errors'

export { LIBRARY_DIR }

/**
 * Parsed profile files by path, with the size and mtime they had: a rescan (the index process
 * after each import) re-reads only files that changed. Keep one per caller.
 */
export type ParsedFiles = Map<
  string,
  { stamp: string; parsed: ReturnType<typeof parseDatasetFile> }
>

type Parsed = ReturnType<typeof parseDatasetFile>

export interface LoadedLibrary {
  library: Library
  /** Briefing ids that came from the profile (imported), as opposed to the bundled dataset. */
  imported: Set<string>
  notices: string[]
  /**
   * Files, or the library folder itself, that could not be read and were skipped: a later scan
   * should list the folder again.
   */
  unreadable: string[]
}

export interface LoadOptions {
  /** Parses kept from the last scan by the same caller (the index process's rescans). */
  cache?: ParsedFiles
  /**
   * The file names in the library folder that changed since the last scan with `cache` (main
   * knows which files an import committed): only those are read again; the folder is not listed
   * and the others keep their cached parse without a stat each (a file changed behind main's back
   * is found by the next rescan without `changed`, at start).
   */
  changed?: ReadonlySet<string>
  /** Packs the section texts as each file is parsed (main's long-held library). */
  packer?: SectionTextPacker
  /** When parsing and stat-ing give waiting messages a turn (tests pass one with their clock). */
  slice?: TimeSlice
}

export async function loadLibrary(
  datasetDir: string | Library,
  userDataDir: string,
  { cache, changed, packer, slice = new TimeSlice() }: LoadOptions = {}
): Promise<LoadedLibrary> {
  const bundled = typeof datasetDir === 'string' ? await loadDatasetDir(datasetDir) : datasetDir
  packer?.addBriefings(bundled.briefings)
  const entities = new Map(bundled.entities)
  const briefings = [...bundled.briefings]
  // By id, so thousands of imported briefings do not make loading quadratic.
  const ids = new Set(briefings.map((b) => b.id))
  const imported = new Set<string>()
  const notices: string[] = []
  // Files (and a folder) that could not be read: not remembered, so the next scan tries again.
  const unreadable: string[] = []
  const dir = join(userDataDir, LIBRARY_DIR)
  // Told what changed, the files are the ones known from the last scan and the changed ones: the
  // folder is not listed again (nor staged imports settled: main has committed the import).
  const names =
    changed && cache
      ? knownFiles(dir, cache, changed)
      : await libraryFiles(userDataDir, { notices, unreadable })
  const files = new Set(names.map((name) => join(dir, name)))
  // A changed file is read again even if its size and time look the same.
  for (const name of changed ?? []) cache?.delete(join(dir, name))
  for (const file of cache?.keys() ?? []) if (!files.has(file)) cache?.delete(file)
  // Only files that changed since the last scan are read again (their size and mtime say which).
  const list = [...files]
  const trusted =
    changed && cache ? (file: string) => trustedStamp(file, dir, cache, changed) : undefined
  const stamps = await stampsOf(list, slice, trusted)
  const unchanged = (file: string, i: number): Parsed | undefined => {
    const known = cache?.get(file)
    return stamps[i] !== undefined && known?.stamp === stamps[i] ? known.parsed : undefined
  }
  const reads = list.map((file, i) => ({ file, stamp: stamps[i], parsed: unchanged(file, i) }))
  const toRead = reads.filter((read) => read.parsed === undefined && read.stamp !== undefined)
  // Read, parsed (and packed) one at a time, with a turn for waiting messages once a slice is
  // used. Read synchronously, as the stamps are: from the page cache a file takes tens of
  // microseconds, while reading 32 at a time through the file system's threads (four round trips
  // each) cost a third of main's load at 50,000 sections (bench/results.md).
  const records = new SharedRecords(bundled.entities)
  for (const read of toRead) {
    if (slice.due()) await slice.next()
    let text: string | undefined
    try {
      text = readText(read.file)
    } catch (error) {
      // A file that cannot be read (no permission, a folder named *.json, a disk error) is skipped
      // like a damaged one; it is not cached, so a later scan tries it again.
      notices.push(
        `An imported briefing could not be read and was skipped (${read.file}): ${describeError(error)}`
      )
      unreadable.push(read.file)
      continue
    }
    if (text === undefined) continue
    const parsed = parseDatasetFile(text, read.file)
    cache?.set(read.file, { stamp: read.stamp!, parsed })
    if (parsed.dataset) {
      packer?.addBriefings(parsed.dataset.briefings)
      records.share(parsed.dataset.entities)
    }
    read.parsed = parsed
  }
  packer?.flush()
  for (const { file, parsed } of reads) {
    if (!parsed) continue
    const { dataset, problems } = parsed
    const clash = dataset?.briefings.find((b) => ids.has(b.id))
    const conflict = dataset?.entities.find((e) => differs(entities.get(e.id), e))
    if (!dataset || clash || conflict) {
      const why = !dataset
        ? problems.slice(0, 3).map(formatProblem).join('; ')
        : clash
          ? `briefing id "${clash.id}" is already in the library`
          : `entity "${conflict?.id}" is defined differently elsewhere`
      notices.push(`An imported briefing could not be loaded and was skipped (${file}): ${why}`)
      continue
    }
    for (const entity of dataset.entities)
      entities.set(entity.id, combined(entities.get(entity.id), entity))
    for (const briefing of dataset.briefings) {
      briefings.push(briefing)
      ids.add(briefing.id)
      imported.add(briefing.id)
    }
  }
  return { library: { entities, briefings }, imported, notices, unreadable }
}

/**
 * The library's file names, never half an import: crashed imports are completed or rolled back
 * first, and a listing that caught another process moving an import's files in (their ids are
 * still claimed) is taken again once that import is completed.
 */
async function libraryFiles(userDataDir: string, skipped: Skipped): Promise<string[]> {
  const dir = join(userDataDir, LIBRARY_DIR)
  for (let attempt = 1; ; attempt++) {
    const problem = await settleStagedImports(userDataDir).then(() => undefined, describeError)
    // Not completed now (a folder not writable, say): left staged, and completed at a later start.
    if (problem !== undefined) {
      skipped.notices.push(`An interrupted import could not be completed yet: ${problem}`)
      return listJson(dir, skipped)
    }
    // Claims first: an import whose claims are all gone had moved every file before the listing.
    const claimed = await claims(userDataDir)
    const names = await listJson(dir, skipped)
    const moving = names.some((n) => claimed.has(n.slice(0, -'.json'.length)))
    if (!moving || attempt === 5) return names
  }
}

/** What a scan could not read, said to the analyst and to the caller. */
interface Skipped {
  notices: string[]
  unreadable: string[]
}

/** The names of the files `cache` holds and of the `changed` ones, in listing order. */
function knownFiles(dir: string, cache: ParsedFiles, changed: ReadonlySet<string>): string[] {
  const names = new Set(changed)
  for (const file of cache.keys()) names.add(file.slice(dir.length + 1))
  return [...names].filter((n) => n.endsWith('.json')).sort()
}

async function listJson(dir: string, skipped: Skipped): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()
  } catch (error) {
    // No folder: no imports yet. Any other failure must not pass for an empty library.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      skipped.notices.push(
        `The folder of imported briefings could not be read, so they are not shown (${dir}): ${describeError(error)}`
      )
      skipped.unreadable.push(dir)
    }
    return []
  }
}

/**
 * Each file's size and mtime (undefined: it vanished), to tell which changed. Synchronous stats
 * in short slices: a rescan after one import stats every file of the library, and a round trip
 * to the file system's threads per file cost many times the stat itself.
 */
async function stampsOf(
  files: readonly string[],
  slice: TimeSlice,
  trusted?: (file: string) => string | undefined
): Promise<(string | undefined)[]> {
  const stamps: (string | undefined)[] = []
  for (const file of files) {
    const known = trusted?.(file)
    if (known !== undefined) {
      stamps.push(known)
      continue
    }
    if (slice.due()) await slice.next()
    try {
      const info = statSync(file, { throwIfNoEntry: false })
      stamps.push(info && `${info.size}:${info.mtimeMs}`)
    } catch {
      // Not even its size can be had (a link to itself, no permission): it is read all the same,
      // and skipped with a notice when that fails too, rather than failing the whole library.
      stamps.push(UNKNOWN_STAMP)
    }
  }
  return stamps
}

/** The stamp of a file that could not be stat-ed: no later stat gives it, so it is read again. */
const UNKNOWN_STAMP = '?'

/** The cached stamp of a file not among `changed` (so not stat-ed again), else undefined. */
function trustedStamp(
  file: string,
  dir: string,
  cache: ParsedFiles,
  changed: ReadonlySet<string>
): string | undefined {
  if (changed.has(file.slice(dir.length + 1))) return undefined
  return cache.get(file)?.stamp
}

/** The file's text; undefined if it vanished. */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    // Removed between listing and reading (a replace or restore in progress): not part of it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Two files may list one entity with different aliases: an analyst who merged a proposed name
 * into a library entity (entity review, issue #6) added it as an alias in that briefing's file.
 * Anything else that differs is a conflict. The schema allows an entity no fields but these.
 */
export function differs(known: Entity | undefined, entity: Entity): boolean {
  if (known === undefined || known === entity) return false
  return (
    known.id !== entity.id ||
    known.kind !== entity.kind ||
    known.name !== entity.name ||
    known.description !== entity.description
  )
}

/**
 * Replaces each record of a file's list by an equal one (field for field) read before. Every file
 * lists the entities it cites: at 50,000 tagged sections the files listed 294,031 records. Shared
 * as each file is parsed, the copies die young; kept until the load ended, they filled main's old
 * generation with holes that V8's memory-reducing collection compacted during a first build.
 */
class SharedRecords {
  readonly #first: Map<string, Entity>
  /** The other forms of an id whose records differ (aliases an entity review added): rare. */
  readonly #others = new Map<string, Entity[]>()

  constructor(bundled: ReadonlyMap<string, Entity>) {
    this.#first = new Map(bundled)
  }

  share(listed: Entity[]): void {
    for (let i = 0; i < listed.length; i++) {
      const record = listed[i]!
      const first = this.#first.get(record.id)
      if (first === undefined) this.#first.set(record.id, record)
      else if (sameEntity(first, record)) listed[i] = first
      else listed[i] = this.#other(record)
    }
  }

  #other(record: Entity): Entity {
    const others = this.#others.get(record.id)
    const equal = others?.find((other) => sameEntity(other, record))
    if (equal) return equal
    if (others) others.push(record)
    else this.#others.set(record.id, [record])
    return record
  }
}

/** The entity with the aliases of both records (the known ones first). */
function combined(known: Entity | undefined, entity: Entity): Entity {
  if (!known) return entity
  const extra = entity.aliases.filter((alias) => !known.aliases.includes(alias))
  return extra.length === 0 ? known : { ...known, aliases: [...known.aliases, ...extra] }
}
