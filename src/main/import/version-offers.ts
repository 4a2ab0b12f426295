// New-version offers (issue #6): an imported briefing whose title and source match one in the
// library is not imported but held in main (ImportState.held) under a random token; the analyst then
// replaces the briefing with it, imports it as a separate briefing, or skips it. The renderer
// only ever names the token, never a file.

import { randomUUID } from 'node:crypto'

import type { Briefing, Entity } from '../../shared/dataset'
import type { ImportReport } from '../../shared/import-requests'
import type {
  ReplaceVersionRequest,
  ReplaceVersionResult,
  VersionOffer
} from '../../shared/version-requests'
import { tagKnownEntities } from './entity-tagging'
import { contentHash } from './parse/to-briefing'
import { findPreviousVersion } from './version-match'
import { AppError } from '../errors'
import { changeVersion, entitiesOf, replaceableBriefing } from './briefing-versions'
import type { VersionDeps } from './briefing-versions'
import type { FileToImport } from './import-candidates'

export interface VersionCandidate {
  file: FileToImport
  /** Which briefing of the file (a dataset file may hold several). */
  index: number
  parsed: Briefing
  /** Entities a dataset file defines. */
  extra: Entity[]
  /** A dataset file keeps its own mentions; other formats are tagged with known entities. */
  keepMentions: boolean
}

/** A candidate held until the analyst decides, with the offer the report showed. */
export interface HeldOffer extends VersionCandidate {
  offer: VersionOffer
}

/** Offers kept per profile; the oldest is forgotten beyond this (its bytes can be 20 MB). */
const MAX_HELD = 20

/**
 * Holds `candidate` as a new version when it matches a library briefing (see version-match.ts)
 * and returns the offer for the import report; undefined when it is simply a new briefing.
 */
export function offerVersion(
  held: Map<string, HeldOffer>,
  candidate: VersionCandidate,
  library: readonly Briefing[],
  imported: ReadonlySet<string>
): VersionOffer | undefined {
  const previous = findPreviousVersion(candidate.parsed, library)
  if (!previous) return undefined
  const offer: VersionOffer = {
    file: candidate.file.name,
    title: candidate.parsed.title,
    briefingId: previous.id,
    briefingTitle: previous.title,
    token: randomUUID(),
    bundled: !imported.has(previous.id)
  }
  held.set(offer.token, { ...candidate, offer })
  for (const token of held.keys()) {
    if (held.size <= MAX_HELD) break
    held.delete(token)
  }
  return offer
}

export interface DecideOptions {
  /** Runs the replacement in the profile's import queue (one library change at a time). */
  queue: <T>(work: () => Promise<T>) => Promise<T>
  /** Imports briefing `index` of `file` as a new briefing, without offering it as a version. */
  importSeparately: (file: FileToImport, index: number) => Promise<ImportReport>
}

/** Applies the analyst's decision on a held offer; a failed one keeps the offer for a retry. */
export async function decideVersion(
  deps: VersionDeps,
  request: ReplaceVersionRequest,
  options: DecideOptions
): Promise<ReplaceVersionResult> {
  const profile = deps.services.importState.held
  const candidate = profile.get(request.token)
  if (!candidate) {
    throw new AppError(
      'not-found',
      'This import is no longer waiting for a decision; import the file again.'
    )
  }
  if (request.mode === 'skip') {
    profile.delete(request.token)
    return { status: 'skipped' }
  }
  if (request.mode === 'separate') {
    const report = await options.importSeparately(candidate.file, candidate.index)
    const failed = report.failed[0]
    if (failed) throw new AppError('invalid-request', failed.message)
    const done = report.imported[0]
    if (!done)
      throw new AppError('invalid-request', `“${candidate.offer.title}” is already in the library.`)
    profile.delete(request.token)
    return { status: 'imported', briefingId: done.briefingId, title: done.title }
  }
  const report = await options.queue(() => replaceWith(deps, candidate))
  profile.delete(request.token)
  return { status: 'replaced', report }
}

function replaceWith(deps: VersionDeps, candidate: HeldOffer) {
  const { services } = deps
  const current = replaceableBriefing(services, candidate.offer.briefingId)
  const library = services.library.entities
  const clash = candidate.extra.find(
    (e) => library.has(e.id) && JSON.stringify(library.get(e.id)) !== JSON.stringify(e)
  )
  if (clash) {
    throw new AppError(
      'invalid-request',
      `“${candidate.file.name}” defines entity "${clash.id}" differently from the library.`
    )
  }
  const known = [...library.values(), ...candidate.extra.filter((e) => !library.has(e.id))]
  const next: Briefing = {
    ...candidate.parsed,
    id: current.id,
    sections: candidate.parsed.sections.map((section) => ({
      ...section,
      mentions: candidate.keepMentions ? section.mentions : tagKnownEntities(section.text, known)
    }))
  }
  if (contentHash(next) === contentHash(current)) {
    throw new AppError(
      'invalid-request',
      `“${current.title}” already has the text of “${candidate.file.name}”.`
    )
  }
  const entities = entitiesOf(next, new Map(known.map((e) => [e.id, e])))
  return changeVersion(deps, next, entities, 'replaced')
}
