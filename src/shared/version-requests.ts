// IPC requests and responses for briefing versions (issue #6): an import that matches a briefing
// is offered as a new version (held in main under a token), replaced or restored with a report of
// how each highlight re-anchored on the new text.

import type { HighlightColor } from './annotations'
import { int, literal, object, str, validator } from './schema'
import type { Validator } from './schema'
import { briefingIdCheck } from './ids'

/** An imported briefing whose title and source match a briefing already in the library. */
export interface VersionOffer {
  file: string
  /** The imported briefing's title. */
  title: string
  /** The library briefing it is a new version of. */
  briefingId: string
  briefingTitle: string
  /** Names the parsed file main holds until the analyst decides (never a path). */
  token: string
  /** The match is a bundled briefing: it cannot be replaced, only imported beside it. */
  bundled: boolean
}

export type VersionDecision = 'replace' | 'separate' | 'skip'

export interface ReplaceVersionRequest {
  token: string
  mode: VersionDecision
}

/** How a highlight was placed on the new text. */
export type ReanchorStatus = 'unchanged' | 'moved' | 'edited' | 'orphaned'
export const REANCHOR_STATUSES: readonly ReanchorStatus[] = [
  'unchanged',
  'moved',
  'edited',
  'orphaned'
]

export interface ReanchoredHighlight {
  id: string
  color: HighlightColor
  status: ReanchorStatus
  /** The quote as it was stored (on the previous text). */
  oldQuote: string
  /** Heading of the section it was in (or the stored section id when that section is unknown). */
  oldHeading: string
  /** Where it is now (not for orphans). */
  sectionId?: string
  heading?: string
  /** The text it covers now: differs from oldQuote only for `edited`. */
  newQuote?: string
}

/** A note whose section is gone from the new text, and where it went. */
export interface MovedNote {
  id: string
  /** First line of the note. */
  label: string
  oldHeading: string
  /** The section with the same heading it moved to; absent: it is now a note on the briefing. */
  heading?: string
}

export interface ReanchorReport {
  briefingId: string
  title: string
  /** What happened: a new version replaced the briefing, or an older one was restored. */
  action: 'replaced' | 'restored'
  /** The number the previous text was kept under (restorable from "Versions…"). */
  keptAs: number
  counts: Record<ReanchorStatus, number>
  highlights: ReanchoredHighlight[]
  notes: MovedNote[]
  /** Every re-anchored highlight and moved note is on disk (false: queued, retried). */
  saved: boolean
}

export type ReplaceVersionResult =
  | { status: 'replaced'; report: ReanchorReport }
  | { status: 'imported'; briefingId: string; title: string }
  | { status: 'skipped' }

/** A previous text of a briefing kept in the profile. */
export interface VersionInfo {
  version: number
  /** When this text stopped being the current one (ISO time). */
  keptAt: string
  title: string
  source: string
  published: string
  sectionCount: number
}

export interface VersionList {
  briefingId: string
  title: string
  /** Newest first. */
  versions: VersionInfo[]
}

export interface RestoreVersionRequest {
  briefingId: string
  version: number
}

const briefingId = briefingIdCheck

export const validateReplaceVersion: Validator<ReplaceVersionRequest> = validator(
  object({
    token: str({ min: 1, max: 64, pattern: /^[a-z0-9-]+$/, describe: 'a version token' }),
    mode: literal('replace', 'separate', 'skip')
  })
)

export const validateVersionsRequest: Validator<{ briefingId: string }> = validator(
  object({ briefingId })
)

export const validateRestoreVersion: Validator<RestoreVersionRequest> = validator(
  object({ briefingId, version: int(1, 1_000_000) })
)
