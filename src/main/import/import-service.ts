// Imports briefing files into the profile's library (issue #6): each file all or nothing, known
// entities tagged, identical content not imported twice, one dataset file written atomically per
// import, then the library and its search index are swapped in whole.

import { existsSync } from 'node:fs'
import { join } from 'node:path'

import type { Briefing, DatasetFile, Entity } from '../../shared/dataset'
import { DATASET_FORMAT, DATASET_VERSION } from '../../shared/dataset'
import type { BriefingDetailsUpdate, ImportReport } from '../../shared/import-requests'
import type { VersionOffer } from '../../shared/version-requests'
import { nodeStoreFs } from '../fs/node-fs'
import { ANNOTATIONS_DIR } from '../annotations/store/layout'
import { writeFileAtomically } from '../fs/atomic-write'
import type { ImportServices } from './import-services'
import { differs, LIBRARY_DIR } from '../library/library-loader'
import { validateDataset } from '../library/load-dataset'
import { AppError } from '../errors'
import { importedBriefingId } from './briefing-id'
import { tagKnownEntities } from './entity-tagging'
import { missingDetails } from './missing-details'
import { contentHash } from './parse/to-briefing'
import { proposeFor, withProposalFiles } from './proposal-files'
import type { ProposalFile } from './proposal-files'
import { offerVersion } from './version-offers'

export interface FileToImport {
  name: string
  bytes: Uint8Array
}

// One import at a time per profile: each reads the library, picks ids and swaps the library in,
// so two at once could choose the same id or drop each other's briefings.
const running = new Map<string, Promise<unknown>>()

/** Runs `work` once every import or version change of this profile before it has finished. */
export function inProfileQueue<T>(userDataDir: string, work: () => Promise<T>): Promise<T> {
  const previous = running.get(userDataDir) ?? Promise.resolve()
  const next = previous.then(work)
  running.set(
    userDataDir,
    next.catch(() => undefined)
  )
  return next
}

/**
 * 'offer': a briefing matching one in the library by title and source is held as a new version
 * (report.versions); `{ separate: i }`: only briefing i of the (single) file is imported, as a
 * new briefing even if it matches (the analyst chose "Import as separate briefing").
 */
export type VersionPolicy = 'offer' | { separate: number }

export function importBriefings(
  services: ImportServices,
  userDataDir: string,
  files: FileToImport[],
  now: Date = new Date(),
  versions: VersionPolicy = 'offer'
): Promise<ImportReport> {
  return inProfileQueue(userDataDir, () => importNow(services, userDataDir, files, now, versions))
}

async function importNow(
  services: ImportServices,
  userDataDir: string,
  files: FileToImport[],
  now: Date,
  versions: VersionPolicy
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], versions: [], failed: [] }
  const entities = new Map(services.library.entities)
  const briefings = [...services.library.briefings]
  const imported = new Set(services.imported)
  const hashes = new Map(briefings.map((b) => [contentHash(b), b]))
  const dir = join(userDataDir, LIBRARY_DIR)

  for (const file of files) {
    // Parsed in the import process: a large page must not stall main's event loop. Should that
    // process die on a file (out of memory, say), the file fails and the next starts it afresh.
    const result = await services.importWorker
      .parseImport({
        name: file.name,
        bytes: file.bytes,
        options: { id: 'import', importedAt: now.toISOString() }
      })
      .catch((error: unknown) => ({
        error: `"${file.name}" could not be read: ${error instanceof Error ? error.message : String(error)}`
      }))
    if ('error' in result) {
      report.failed.push({ file: file.name, message: result.error })
      continue
    }
    const candidates =
      result.format === 'dataset'
        ? result.dataset.briefings.map((b) => ({ briefing: b, extra: result.dataset.entities }))
        : [{ briefing: result.briefing, extra: [] as Entity[] }]
    // All or nothing per file: every briefing of it is checked before any is written, and a
    // failed write removes the ones already written.
    const ready: {
      briefing: Briefing
      dataset: DatasetFile
      used: Entity[]
      proposals?: ProposalFile
    }[] = []
    const offers: VersionOffer[] = []
    let failure: string | undefined
    for (const [index, { briefing: parsed, extra }] of candidates.entries()) {
      if (versions !== 'offer' && index !== versions.separate) continue
      const duplicate = hashes.get(contentHash(parsed))
      if (duplicate) {
        report.duplicates.push({
          file: file.name,
          title: duplicate.title,
          briefingId: duplicate.id
        })
        continue
      }
      const keepMentions = result.format === 'dataset'
      const candidate = { file, index, parsed, extra, keepMentions }
      const offer =
        versions === 'offer' && offerVersion(userDataDir, candidate, briefings, imported)
      if (offer) {
        offers.push(offer)
        continue
      }
      // Aliases may differ (an entity merged in review gains one); anything else is a clash.
      const clash = extra.find((e) => differs(entities.get(e.id), e))
      if (clash) {
        failure = `"${file.name}" defines entity "${clash.id}" differently from the library.`
        break
      }
      const known = [...entities.values(), ...extra.filter((e) => !entities.has(e.id))]
      const taken = [...briefings, ...ready.map((r) => r.briefing)]
      const briefing = prepare(parsed, result.format === 'dataset', known, taken, userDataDir)
      const used = usedEntities(briefing, known)
      const dataset: DatasetFile = {
        format: DATASET_FORMAT,
        version: DATASET_VERSION,
        entities: used,
        briefings: [briefing]
      }
      const problems = validateDataset(dataset, file.name)
      if (problems.length > 0) {
        failure = `"${file.name}": ${problems[0]!.message}`
        break
      }
      // New people, places and organisations for the analyst to review (not in dataset files).
      // The NLP runs in the import process, like the parsing.
      const proposals = keepMentions
        ? undefined
        : await proposeFor(briefing, known, (text, k) =>
            services.importWorker.proposeEntities({ text, known: k })
          )
      ready.push({ briefing, dataset, used, proposals })
    }
    if (!failure) {
      const proposals = ready.flatMap((r) => r.proposals ?? [])
      failure = await withProposalFiles(userDataDir, proposals, file.name, () =>
        writeAll(
          dir,
          ready.map((r) => r.dataset),
          file.name
        )
      )
    }
    if (failure) {
      report.failed.push({ file: file.name, message: failure })
      continue
    }
    report.versions.push(...offers)
    const missing = result.format === 'dataset' ? [] : missingDetails(result.document)
    for (const { briefing, used, proposals } of ready) {
      for (const entity of used) entities.set(entity.id, entity)
      briefings.push(briefing)
      imported.add(briefing.id)
      hashes.set(contentHash(briefing), briefing)
      const mentions = briefing.sections.reduce((n, s) => n + s.mentions.length, 0)
      report.imported.push({
        file: file.name,
        briefingId: briefing.id,
        title: briefing.title,
        sections: briefing.sections.length,
        mentions,
        ...(missing.length > 0 ? { missing } : {}),
        ...(proposals ? { proposals: proposals.proposals.length } : {})
      })
    }
  }
  if (report.imported.length > 0) await services.replaceLibrary({ entities, briefings }, imported)
  return report
}

/**
 * A unique id, and the library's known entities tagged in every section. A dataset file keeps
 * its own mentions (its authors annotated it); a text, Markdown or HTML import gets them here.
 */
function prepare(
  parsed: Briefing,
  keepMentions: boolean,
  known: Entity[],
  library: Briefing[],
  userDataDir: string
): Briefing {
  const loaded = new Set(library.map((b) => b.id))
  // An id is also taken by a file on disk (a damaged import skipped at start) or by annotations
  // left from a removed briefing: a new import must not overwrite or inherit either.
  const taken = {
    has: (id: string) =>
      loaded.has(id) ||
      existsSync(join(userDataDir, LIBRARY_DIR, `${id}.json`)) ||
      existsSync(join(userDataDir, ANNOTATIONS_DIR, id))
  }
  return {
    ...parsed,
    id: importedBriefingId(keepMentions ? parsed.id : undefined, parsed.title, taken),
    sections: parsed.sections.map((section) => ({
      ...section,
      mentions: keepMentions ? section.mentions : tagKnownEntities(section.text, known)
    }))
  }
}

/** Writes each dataset file atomically; on a failure removes those written. Returns the error. */
async function writeAll(
  dir: string,
  datasets: DatasetFile[],
  fileName: string
): Promise<string | undefined> {
  const written: string[] = []
  try {
    await nodeStoreFs.mkdir(dir)
    for (const dataset of datasets) {
      const path = join(dir, `${dataset.briefings[0]!.id}.json`)
      await writeFileAtomically(nodeStoreFs, path, JSON.stringify(dataset, null, 2))
      written.push(path)
    }
    return undefined
  } catch (error) {
    for (const path of written) await nodeStoreFs.unlink(path).catch(() => undefined)
    return `"${fileName}" could not be saved in the library: ${(error as Error).message}`
  }
}

function usedEntities(briefing: Briefing, known: Entity[]): Entity[] {
  const ids = new Set(briefing.sections.flatMap((s) => s.mentions.map((m) => m.entity)))
  return known.filter((e) => ids.has(e.id))
}

/**
 * Changes an imported briefing's title, source or date: its library file is rewritten atomically
 * and the library (and search index, which holds the title) swapped in. Bundled briefings are
 * read-only.
 */
export async function updateBriefingDetails(
  services: ImportServices,
  userDataDir: string,
  update: BriefingDetailsUpdate
): Promise<Briefing> {
  const { briefingId } = update
  const current = services.library.briefings.find((b) => b.id === briefingId)
  if (!current)
    throw new AppError('not-found', `No briefing with id "${briefingId}" is in the library.`)
  if (!services.imported.has(briefingId)) {
    throw new AppError('read-only', `"${current.title}" came with the app and cannot be changed.`)
  }
  if (update.published !== undefined && Number.isNaN(Date.parse(`${update.published}T00:00:00Z`))) {
    throw new AppError('invalid-request', `"${update.published}" is not a date.`)
  }
  const briefing: Briefing = {
    ...current,
    ...(update.title !== undefined ? { title: update.title.trim() } : {}),
    ...(update.source !== undefined ? { source: update.source.trim() } : {}),
    ...(update.published !== undefined ? { published: update.published } : {})
  }
  const dataset: DatasetFile = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    entities: usedEntities(briefing, [...services.library.entities.values()]),
    briefings: [briefing]
  }
  const problems = validateDataset(dataset, `${briefingId}.json`)
  if (problems.length > 0) throw new AppError('invalid-request', problems[0]!.message)
  await writeFileAtomically(
    nodeStoreFs,
    join(userDataDir, LIBRARY_DIR, `${briefingId}.json`),
    JSON.stringify(dataset, null, 2)
  )
  const briefings = services.library.briefings.map((b) => (b.id === briefingId ? briefing : b))
  await services.replaceLibrary(
    { entities: services.library.entities, briefings },
    services.imported
  )
  return briefing
}
