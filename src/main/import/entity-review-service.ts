// Reviewing the entities proposed for imported briefings (issue #6): which briefings have some
// pending, what the review dialog shows, and applying the analyst's decisions all or nothing (the
// briefing's library file and its proposal file, then the library and search index swapped in).

import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

import type { Briefing, DatasetFile } from '../../shared/dataset'
import { DATASET_FORMAT, DATASET_VERSION } from '../../shared/dataset'
import type {
  EntityDecisions,
  EntityDecisionsResult,
  EntityReview,
  PendingReview
} from '../../shared/entity-review'
import { nodeStoreFs } from '../fs/node-fs'
import { writeFileAtomically } from '../fs/atomic-write'
import type { StoreFs } from '../fs/types'
import type { ImportServices } from './import-services'
import { LIBRARY_DIR } from '../library/library-loader'
import { validateDataset } from '../library/load-dataset'
import { applyEntityDecisions } from './apply-entities'
import { AppError, describeError } from '../errors'
import type { ProposalFile } from './proposal-files'
import { PROPOSALS_DIR, readProposalFile, saveProposalFile } from './proposal-files'

/** Imported briefings with proposals still to review (names the library knows by now left out). */
export async function pendingReviews(
  services: ImportServices,
  userDataDir: string
): Promise<PendingReview[]> {
  let names: string[] = []
  try {
    names = (await readdir(join(userDataDir, PROPOSALS_DIR))).filter((n) => n.endsWith('.json'))
  } catch {
    return []
  }
  const pending: PendingReview[] = []
  for (const name of names.sort()) {
    const briefingId = name.slice(0, -'.json'.length)
    if (!services.imported.has(briefingId)) continue
    // A damaged file is reported when its review is opened; the list just leaves it out.
    const file = await readProposalFile(userDataDir, briefingId).catch(() => undefined)
    const count = file ? stillProposed(services, file).length : 0
    if (count > 0) pending.push({ briefingId, count })
  }
  return pending
}

/** What the review dialog shows for an imported briefing. */
export async function entityReview(
  services: ImportServices,
  userDataDir: string,
  briefingId: string
): Promise<EntityReview> {
  const briefing = importedBriefing(services, briefingId)
  const file = await readFileFor(userDataDir, briefing)
  return {
    briefingId,
    title: briefing.title,
    proposals: file ? stillProposed(services, file) : [],
    analysedChars: file?.analysedChars ?? 0,
    totalChars: file?.totalChars ?? 0,
    entities: [...services.library.entities.values()]
      .map(({ id, kind, name }) => ({ id, kind, name }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }
}

/**
 * Applies the analyst's decisions: the briefing's library file is rewritten atomically with the
 * new entities and mentions, then its proposal file with what is left (removed when nothing is).
 * If the second write fails the first is undone, so a failure leaves both files and the library
 * as they were. `fs` is for tests of a failing disk.
 */
export function applyEntityReview(
  services: ImportServices,
  userDataDir: string,
  request: EntityDecisions,
  fs: StoreFs = nodeStoreFs
): Promise<EntityDecisionsResult> {
  return services.importState.queue(async () => {
    const briefing = importedBriefing(services, request.briefingId)
    const file = await readFileFor(userDataDir, briefing, fs)
    if (!file) throw new AppError('not-found', `“${briefing.title}” has no entities to review.`)
    const applied = applyEntityDecisions(
      briefing,
      services.library.entities,
      stillProposed(services, file),
      request.decisions
    )
    if ('error' in applied) throw new AppError('invalid-request', applied.error)
    const dataset: DatasetFile = {
      format: DATASET_FORMAT,
      version: DATASET_VERSION,
      entities: applied.fileEntities,
      briefings: [applied.briefing]
    }
    const problems = validateDataset(dataset, `${briefing.id}.json`)
    if (problems.length > 0) throw new AppError('invalid-request', problems[0]!.message)

    const path = join(userDataDir, LIBRARY_DIR, `${briefing.id}.json`)
    const unsaved = (error: unknown) =>
      new AppError(
        'internal',
        `The entities of “${briefing.title}” could not be saved (${describeError(error)}). ` +
          'Nothing was changed.'
      )
    let previous: string
    try {
      previous = new TextDecoder().decode(await fs.readFile(path))
      await writeFileAtomically(fs, path, JSON.stringify(dataset, null, 2))
    } catch (error) {
      throw unsaved(error)
    }
    try {
      await saveProposalFile(userDataDir, { ...file, proposals: applied.remaining }, fs)
    } catch (error) {
      const restored = await writeFileAtomically(fs, path, previous).then(
        () => true,
        () => false
      )
      if (restored) throw unsaved(error)
      throw new AppError(
        'internal',
        `The entities of “${briefing.title}” were saved but the list of entities to review ` +
          `could not be updated (${describeError(error)}); they appear after a restart.`
      )
    }
    const briefings = services.library.briefings.map((b) =>
      b.id === briefing.id ? applied.briefing : b
    )
    await services.replaceLibrary({ entities: applied.entities, briefings }, services.imported)
    const { accepted, merged, rejected, mentionsBefore, mentionsAfter } = applied
    return {
      accepted,
      merged,
      rejected,
      mentionsBefore,
      mentionsAfter,
      remaining: applied.remaining.length
    }
  })
}

function importedBriefing(services: ImportServices, briefingId: string): Briefing {
  const briefing = services.library.briefings.find((b) => b.id === briefingId)
  if (!briefing) {
    throw new AppError('not-found', `No briefing with id "${briefingId}" is in the library.`)
  }
  if (!services.imported.has(briefingId)) {
    throw new AppError('read-only', `“${briefing.title}” came with the app: its entities are set.`)
  }
  return briefing
}

async function readFileFor(
  userDataDir: string,
  briefing: Briefing,
  fs: StoreFs = nodeStoreFs
): Promise<ProposalFile | undefined> {
  try {
    return await readProposalFile(userDataDir, briefing.id, fs)
  } catch (error) {
    throw new AppError(
      'internal',
      `The entities proposed for “${briefing.title}” could not be read: ${describeError(error)}`
    )
  }
}

/** The file's proposals whose name is not (by now) an entity's name or alias. */
function stillProposed(services: ImportServices, file: ProposalFile): ProposalFile['proposals'] {
  const known = new Set<string>()
  for (const entity of services.library.entities.values()) {
    known.add(entity.name)
    for (const alias of entity.aliases) known.add(alias)
  }
  return file.proposals.filter((p) => !known.has(p.name))
}
