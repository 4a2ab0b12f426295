// Loads the library: the bundled dataset (which must be valid: the app cannot start without it)
// and the analyst's imported briefings from the profile, where a damaged file is skipped with a
// notice rather than keeping the app from starting.

import { join } from 'node:path'

import type { Entity } from '../../shared/dataset'
import { TimeSlice } from '../time-slice'
import { SharedRecords } from './shared-records'
import type { Library } from './library'
import { formatProblem, loadDatasetDir, parseCheckedFile, parseDatasetFile } from './load-dataset'
import { LIBRARY_DIR } from './staged-imports'
import {
  UNKNOWN_STAMP,
  knownFiles,
  libraryFiles,
  readText,
  stampsOf,
  trustedStamp
} from './library-files'
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
   * should read them again (list the folder again, if it is one of them).
   */
  unreadable: string[]
  /**
   * The profile's files the library holds, by name, with the size and mtime each had when
   * stat-ed before it was read: main sends them to the index process, which reads these and takes
   * their checks as done.
   */
  files: Map<string, string>
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
  /**
   * Main's `files` (the index process's first read): only these are read, so the index holds
   * what main holds and not a file main skipped; the folder is not listed (nor staged imports
   * settled: main did that). One whose size and mtime are still main's is parsed without the
   * checks main made (they are most of a file's load); one that changed is checked.
   */
  checked?: ReadonlyMap<string, string>
}

export async function loadLibrary(
  datasetDir: string | Library,
  userDataDir: string,
  { cache, changed, packer, checked, slice = new TimeSlice() }: LoadOptions = {}
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
      : checked
        ? [...checked.keys()].filter((n) => n.endsWith('.json')).sort()
        : await libraryFiles(userDataDir, { notices, unreadable })
  const files = new Set(names.map((name) => join(dir, name)))
  // A changed file is read again even if its size and time look the same.
  for (const name of changed ?? []) cache?.delete(join(dir, name))
  for (const file of cache?.keys() ?? []) if (!files.has(file)) cache?.delete(file)
  // Only files that changed since the last scan are read again (their size and mtime say which).
  const list = [...files]
  // Not stat-ed here: the cached stamp of a file not among `changed`, and main's own stamp of each
  // of main's files (the read below takes the file's stamp as it reads it, and compares).
  const trusted =
    changed && cache
      ? (file: string) => trustedStamp(file, dir, cache, changed)
      : checked
        ? (file: string) => checked.get(file.slice(dir.length + 1))
        : undefined
  const stamps = await stampsOf(list, slice, trusted)
  const unchanged = (file: string, i: number): Parsed | undefined => {
    const known = cache?.get(file)
    // A file that could not be stat-ed ('?') is read again: no stat tells whether it changed.
    const stamp = stamps[i]
    return stamp !== undefined && stamp !== UNKNOWN_STAMP && known?.stamp === stamp
      ? known.parsed
      : undefined
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
    const name = read.file.slice(dir.length + 1)
    // Main checked this file with this size and mtime: taken from the open file once it is read,
    // they must still be those, or the file changed since and is checked here.
    const mainStamp = read.stamp !== UNKNOWN_STAMP ? checked?.get(name) : undefined
    let got: { text: string; stamp?: string } | undefined
    try {
      got = readText(read.file, mainStamp === read.stamp)
    } catch (error) {
      // A file that cannot be read (no permission, a folder named *.json, a disk error) is skipped
      // like a damaged one; it is not cached, so a later scan tries it again.
      notices.push(
        `An imported briefing could not be read and was skipped (${read.file}): ${describeError(error)}`
      )
      unreadable.push(read.file)
      continue
    }
    if (got === undefined) continue
    const checkedByMain = got.stamp !== undefined && got.stamp === mainStamp
    const parsed = (checkedByMain ? parseCheckedFile : parseDatasetFile)(got.text, read.file)
    cache?.set(read.file, { stamp: read.stamp!, parsed })
    if (parsed.dataset) {
      packer?.addBriefings(parsed.dataset.briefings)
      records.share(parsed.dataset.entities)
    }
    read.parsed = parsed
  }
  packer?.flush()
  const held = new Map<string, string>()
  for (const { file, stamp, parsed } of reads) {
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
    held.set(file.slice(dir.length + 1), stamp!)
  }
  return { library: { entities, briefings }, imported, notices, unreadable, files: held }
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

/** The entity with the aliases of both records (the known ones first). */
function combined(known: Entity | undefined, entity: Entity): Entity {
  if (!known) return entity
  const extra = entity.aliases.filter((alias) => !known.aliases.includes(alias))
  return extra.length === 0 ? known : { ...known, aliases: [...known.aliases, ...extra] }
}
