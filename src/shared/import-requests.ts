// IPC requests and responses for importing briefings (issue #6). Dropped files travel as their
// name and bytes (base64): main never opens a path the renderer names.

import { briefingIdCheck } from './ids'
import type { VersionOffer } from './version-requests'
import { array, object, str, validator } from './schema'
import type { Validator } from './schema'

/** Per-file limit for imports; main checks it again on the decoded bytes. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024
export const IMPORT_MAX_FILES = 50

export interface DroppedFile {
  name: string
  /** The file's bytes, base64-encoded. */
  base64: string
}

export interface ImportReport {
  imported: {
    file: string
    briefingId: string
    title: string
    sections: number
    mentions: number
    /** Details the file did not give, filled in with defaults (text, Markdown and HTML files). */
    missing?: BriefingDetail[]
    /** New people, places and organisations proposed for the analyst to review. */
    proposals?: number
    /** What the analyst should know was left out or changed (e.g. a PDF's pages of images only). */
    warnings?: string[]
  }[]
  /** Files whose content is already in the library (same text): not imported twice. */
  duplicates: { file: string; title: string; briefingId: string }[]
  /** Briefings matching one in the library by title and source: held for the analyst to decide. */
  versions: VersionOffer[]
  failed: { file: string; message: string }[]
}

export type ImportDialogResult = { status: 'cancelled' } | ({ status: 'done' } & ImportReport)

export const validateDroppedFiles: Validator<{ files: DroppedFile[] }> = validator(
  object({
    files: array(
      object({
        name: str({ min: 1, max: 1024 }),
        // base64 is 4/3 of the bytes; a little slack for padding.
        base64: str({ max: Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4 })
      }),
      IMPORT_MAX_FILES
    )
  })
)

/** A detail of a briefing the analyst can set after an import. */
export type BriefingDetail = 'title' | 'source' | 'published'

/** The details asked for after an import: changed only where given. */
export interface BriefingDetailsUpdate {
  briefingId: string
  title?: string
  source?: string
  /** YYYY-MM-DD */
  published?: string
}

export const validateDetailsUpdate: Validator<BriefingDetailsUpdate> = validator(
  object(
    {
      briefingId: briefingIdCheck,
      title: str({ min: 1, max: 500, describe: 'a title of 1–500 characters' }),
      source: str({ min: 1, max: 300, describe: 'a source of 1–300 characters' }),
      published: str({
        min: 10,
        max: 10,
        pattern: /^\d{4}-\d{2}-\d{2}$/,
        describe: 'a date as YYYY-MM-DD'
      })
    },
    ['title', 'source', 'published']
  )
)
