// Where a briefing's annotations live under the user-data folder, and the check that keeps
// briefing ids from ever naming anything outside it.

import { join } from 'node:path'

import { isBriefingId } from '../../../shared/ids'
import { StoreError } from './store-error'

/** The annotations folder inside the user-data folder. */
export const ANNOTATIONS_DIR = 'annotations'
export const JOURNAL = 'journal.jsonl'
export const JOURNAL_PREV = 'journal.prev.jsonl'
export const JOURNAL_TMP = 'journal.jsonl.tmp'
export const SNAPSHOT = 'snapshot.json'
export const SNAPSHOT_PREV = 'snapshot.prev.json'
export const SNAPSHOT_TMP = 'snapshot.json.tmp'

/** Throws StoreError('invalid') unless `briefingId` satisfies the briefing-id rule. */
export function assertBriefingId(briefingId: unknown): asserts briefingId is string {
  if (!isBriefingId(briefingId)) {
    throw new StoreError('invalid', `Invalid briefing id ${JSON.stringify(briefingId)}`)
  }
}

/** The folder of one briefing's annotation files (the id must have been checked). */
export function briefingDir(root: string, briefingId: string): string {
  assertBriefingId(briefingId)
  return join(root, briefingId)
}

/** A time for file names: ISO 8601 without ':' or '.', which some filesystems refuse. */
export function fileTime(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}
