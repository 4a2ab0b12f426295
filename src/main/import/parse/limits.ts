// Size limits on imported files, checked before decoding (file size) and after parsing (sections):
// generous for real briefings, small enough that a hostile file cannot stall or exhaust the app.

import { quoteName } from './file-name'
import { partText, type ImportFailure, type ParsedDocument } from './types'

export interface ImportLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number
  /** Most sections in one briefing, the lead included. */
  maxSections: number
  /** Longest section text, in characters (UTF-16 code units), paragraph breaks included. */
  maxSectionChars: number
  /** Most pages in a PDF. */
  maxPdfPages: number
  /** Most bytes a Word file's ZIP parts may unpack to, all parts together. */
  maxUnpackedBytes: number
}

/**
 * The limits used unless a caller passes others: 20 MB per file, 5,000 sections per briefing,
 * 2,000,000 characters per section, 2,000 pages per PDF and 100 MB unpacked per Word file (a
 * ZIP bomb unpacks to gigabytes). (The seed briefing is 4.4 kB in 7 sections.)
 */
export const IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxSections: 5_000,
  maxSectionChars: 2_000_000,
  maxPdfPages: 2_000,
  maxUnpackedBytes: 100 * 1024 * 1024
})

/** "20 MB", "512 kB", "12 bytes": sizes as the messages state them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024))} MB`
  if (bytes >= 1024) return `${formatNumber(bytes / 1024)} kB`
  return `${bytes} byte${bytes === 1 ? '' : 's'}`
}

function formatNumber(value: number): string {
  return (Math.round(value * 10) / 10).toLocaleString('en-GB')
}

/** Refuses a file over the size limit; call it with the size from `stat` before reading. */
export function checkFileSize(
  name: string,
  size: number,
  limits: ImportLimits = IMPORT_LIMITS
): ImportFailure | undefined {
  if (size <= limits.maxFileBytes) return undefined
  return {
    error:
      `${quoteName(name)} is too large to import (${formatBytes(size)}); ` +
      `the limit is ${formatBytes(limits.maxFileBytes)} per file.`
  }
}

/** Refuses a parsed document with too many sections, too long a section, or no text at all. */
export function checkDocumentLimits(
  doc: ParsedDocument,
  name: string,
  limits: ImportLimits = IMPORT_LIMITS
): ImportFailure | undefined {
  const shown = quoteName(name)
  const count = doc.sections.length + (doc.lead.length > 0 ? 1 : 0)
  if (count === 0) return { error: `${shown} contains no text to import.` }
  if (count > limits.maxSections) {
    return {
      error:
        `${shown} has ${count.toLocaleString('en-GB')} sections; ` +
        `the limit is ${limits.maxSections.toLocaleString('en-GB')} sections per briefing.`
    }
  }
  const parts = [{ heading: 'the lead', paragraphs: doc.lead }, ...doc.sections]
  for (const part of parts) {
    // Each paragraph is followed by "\n\n" except the last: the length of the joined text.
    let chars = -2
    for (const paragraph of part.paragraphs) chars += partText(paragraph).length + 2
    if (chars > limits.maxSectionChars) {
      const heading = part.heading.length > 60 ? `${part.heading.slice(0, 60)}…` : part.heading
      const which = part === parts[0] ? heading : `section ${JSON.stringify(heading)}`
      return {
        error:
          `${shown}: ${which} is too long (${chars.toLocaleString('en-GB')} characters); ` +
          `the limit is ${limits.maxSectionChars.toLocaleString('en-GB')} characters per section.`
      }
    }
  }
  return undefined
}
