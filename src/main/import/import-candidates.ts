// The checks one imported file's briefings pass before anything is written: not already in the
// library, not a new version of one, no entity clash, an id and tags, valid, entities proposed.

import type { Briefing, DatasetFile, Entity } from '../../shared/dataset'
import { DATASET_FORMAT, DATASET_VERSION } from '../../shared/dataset'
import type { ImportReport } from '../../shared/import-requests'
import type { VersionOffer } from '../../shared/version-requests'
import { differs } from '../library/library-loader'
import { validateDataset } from '../library/load-dataset'
import type { ImportServices } from './import-services'
import type { ImportStaging } from './import-staging'
import type { ImportedFile } from './parse/import-file'
import type { ParsedDocument } from './parse/types'
import { contentHash } from './parse/to-briefing'
import { prepareBriefing, usedEntities } from './prepare-briefing'
import { proposeFor } from './proposal-files'
import type { ProposalFile } from './proposal-files'
import { offerVersion } from './version-offers'
import type { VersionCandidate } from './version-offers'

export interface FileToImport {
  name: string
  bytes: Uint8Array
}

/**
 * 'offer': a briefing matching one in the library by title and source is held as a new version
 * (report.versions); `{ separate: i }`: only briefing i of the (single) file is imported, as a
 * new briefing even if it matches (the analyst chose "Import as separate briefing").
 */
export type VersionPolicy = 'offer' | { separate: number }

/** The library as this import has grown it so far (copies: the real one is swapped in at the end). */
export interface ImportRun {
  readonly services: ImportServices
  readonly userDataDir: string
  readonly versions: VersionPolicy
  readonly entities: Map<string, Entity>
  readonly briefings: Briefing[]
  readonly imported: Set<string>
  readonly hashes: Map<string, Briefing>
  /** Where this import's ids are claimed and its files staged until the commit. */
  readonly staging: ImportStaging
}

/** A briefing that passed every check, with its dataset file and entity proposals. */
export interface ReadyBriefing {
  briefing: Briefing
  dataset: DatasetFile
  used: Entity[]
  proposals?: ProposalFile
  /** The parsed document it was made from (not for dataset files): what the file did not give. */
  document?: ParsedDocument
}

/** What the checks of one file found: ready briefings and offers, or why the file fails. */
export type CheckedFile = { ready: ReadyBriefing[]; offers: VersionOffer[] } | { failure: string }

/**
 * The briefings of a parsed file, each with the entities a dataset file defines (an e-mail's
 * attachments follow the e-mail).
 */
export function candidatesOf(
  result: ImportedFile
): { briefing: Briefing; extra: Entity[]; document?: ParsedDocument }[] {
  if (result.format === 'dataset') {
    return result.dataset.briefings.map((b) => ({ briefing: b, extra: result.dataset.entities }))
  }
  return [result, ...(result.attachments ?? [])].map(({ briefing, document }) => ({
    briefing,
    extra: [],
    document
  }))
}

/**
 * Checks every briefing of `result` (all or nothing per file). Duplicates go straight into
 * `report`; briefings matching a library one are held as version offers.
 */
export async function checkFile(
  run: ImportRun,
  file: FileToImport,
  result: ImportedFile,
  report: ImportReport
): Promise<CheckedFile> {
  const ready: ReadyBriefing[] = []
  const offers: VersionOffer[] = []
  const keepMentions = result.format === 'dataset'
  for (const [index, { briefing: parsed, extra, document }] of candidatesOf(result).entries()) {
    if (run.versions !== 'offer' && index !== run.versions.separate) continue
    // Also one of this file's own (an e-mail with the same document attached as PDF and Word).
    const hash = contentHash(parsed)
    const duplicate =
      run.hashes.get(hash) ?? ready.find((r) => contentHash(r.briefing) === hash)?.briefing
    if (duplicate) {
      report.duplicates.push({ file: file.name, title: duplicate.title, briefingId: duplicate.id })
      continue
    }
    const offer = offerFor(run, { file, index, parsed, extra, keepMentions })
    if (offer) {
      offers.push(offer)
      continue
    }
    const clash = entityClash(run, extra)
    if (clash)
      return {
        failure: `"${file.name}" defines entity "${clash.id}" differently from the library.`
      }
    const known = [...run.entities.values(), ...extra.filter((e) => !run.entities.has(e.id))]
    const taken = [...run.briefings, ...ready.map((r) => r.briefing)]
    const briefing = await claimed(run, (lost) =>
      prepareBriefing(parsed, keepMentions, known, taken, run.userDataDir, lost)
    )
    const used = usedEntities(briefing, known)
    const dataset = datasetOf(briefing, used)
    const problems = validateDataset(dataset, file.name)
    if (problems.length > 0) return { failure: `"${file.name}": ${problems[0]!.message}` }
    const proposals = keepMentions ? undefined : await propose(run, briefing, known)
    ready.push({ briefing, dataset, used, proposals, document })
  }
  return { ready, offers }
}

/**
 * The briefing prepared with an id this import has claimed: an id another process claims first
 * (two imports of one title at once) is lost to it, and the briefing prepared again.
 */
async function claimed(
  run: ImportRun,
  prepare: (lost: ReadonlySet<string>) => Briefing
): Promise<Briefing> {
  const lost = new Set<string>()
  for (;;) {
    const briefing = prepare(lost)
    if (await run.staging.claim(briefing.id)) return briefing
    lost.add(briefing.id)
  }
}

/** Holds the candidate as a version offer if it matches a library briefing (policy 'offer'). */
function offerFor(run: ImportRun, candidate: VersionCandidate): VersionOffer | undefined {
  if (run.versions !== 'offer') return undefined
  return offerVersion(run.services.importState.held, candidate, run.briefings, run.imported)
}

/** An entity the file defines differently from the library; aliases may differ (review adds one). */
function entityClash(run: ImportRun, extra: Entity[]): Entity | undefined {
  return extra.find((e) => differs(run.entities.get(e.id), e))
}

function datasetOf(briefing: Briefing, used: Entity[]): DatasetFile {
  return { format: DATASET_FORMAT, version: DATASET_VERSION, entities: used, briefings: [briefing] }
}

/**
 * New people, places and organisations for the analyst to review (not for dataset files). The
 * NLP runs in the import process, like the parsing.
 */
function propose(run: ImportRun, briefing: Briefing, known: Entity[]) {
  return proposeFor(briefing, known, (text, k) =>
    run.services.importWorker.proposeEntities({ text, known: k })
  )
}
