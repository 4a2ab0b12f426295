// One imported file from bytes to a checked result: decode, pick the format, parse, apply the
// limits, build the Briefing and validate it; or a dataset file validated as the app's own format.

import {
  DATASET_FORMAT,
  DATASET_VERSION,
  type Briefing,
  type DatasetFile
} from '../../../shared/dataset'
import { parseDatasetFile, validateDataset, type DatasetProblem } from '../../library/load-dataset'
import { decodeImportFile } from './decode'
import { extensionOf, quoteName } from './file-name'
import { parseHtml } from './html'
import { checkDocumentLimits, IMPORT_LIMITS, type ImportLimits } from './limits'
import { parseMarkdown } from './markdown'
import { parsePlainText } from './plain-text'
import { toBriefing } from './to-briefing'
import type { ImportFailure, ParsedDocument } from './types'

export type ImportFormat = 'text' | 'markdown' | 'html' | 'dataset'

const EXTENSIONS: Record<string, ImportFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'dataset',
  // The app's own file type ("Open with Briefing Reader"): a dataset under its own extension.
  briefing: 'dataset'
}

/** The format for a file: by extension, else by a look at its start (markup, JSON, or text). */
export function detectFormat(name: string, text: string): ImportFormat {
  const known = EXTENSIONS[extensionOf(name)]
  if (known) return known
  const start = text.trimStart().slice(0, 200).toLowerCase()
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html'
  if (start.startsWith('{')) return 'dataset'
  return 'text'
}

export interface ImportOptions {
  /** Id for the new briefing (the caller keeps ids unique in the library). */
  id: string
  /** ISO 8601 timestamp of the import. */
  importedAt: string
  limits?: ImportLimits
}

/** Formats of binary files, read by importDocument (import-document.ts). */
export type BinaryFormat = 'pdf' | 'docx' | 'email'

/** A briefing made from one file (or from a file attached to an e-mail). */
export interface ImportedDocument {
  format: Exclude<ImportFormat, 'dataset'> | BinaryFormat
  name: string
  document: ParsedDocument
  briefing: Briefing
}

export type ImportedFile =
  | (ImportedDocument & {
      /** An e-mail's attachments imported as briefings of their own. */
      attachments?: ImportedDocument[]
      /** An e-mail's attachments of a supported kind that could not be imported, and why. */
      refusedAttachments?: { file: string; message: string }[]
    })
  | { format: 'dataset'; name: string; dataset: DatasetFile }

/**
 * Imports one file, all or nothing: either a Briefing that passes the dataset validator (no
 * mentions yet; tag them with tagKnownEntities) with the parsed document it came from, or a
 * dataset file (several briefings, validated), or a message naming the file.
 */
export function importFile(
  name: string,
  bytes: Uint8Array,
  options: ImportOptions
): ImportedFile | ImportFailure {
  const limits = options.limits ?? IMPORT_LIMITS
  const decoded = decodeImportFile(name, bytes, limits)
  if ('error' in decoded) return decoded
  const format = detectFormat(decoded.name, decoded.text)
  if (format === 'dataset') return importDataset(decoded.name, decoded.text, limits)

  const parse = { text: parsePlainText, markdown: parseMarkdown, html: parseHtml }[format]
  const document = parse(decoded.text, decoded.name)
  const refused = checkDocumentLimits(document, decoded.name, limits)
  if (refused) return refused
  let briefing: Briefing
  try {
    briefing = toBriefing(document, { fileName: decoded.name, ...options })
  } catch {
    return { error: `${quoteName(decoded.name)} contains no text to import.` }
  }
  const dataset: DatasetFile = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    entities: [],
    briefings: [briefing]
  }
  const problems = validateDataset(dataset, decoded.name)
  if (problems.length > 0) {
    // A bug rather than bad input: say so, with the validator's own words.
    const detail = problems.map(describeProblem).join('; ')
    return { error: `${quoteName(decoded.name)} could not be converted: ${detail}` }
  }
  return { format, name: decoded.name, document, briefing }
}

function importDataset(
  name: string,
  text: string,
  limits: ImportLimits
): ImportedFile | ImportFailure {
  const parsed = parseDatasetFile(text, name)
  if (!parsed.dataset) {
    const shown = parsed.problems.slice(0, 20).map(describeProblem)
    const more = parsed.problems.length - shown.length
    return {
      error:
        `${quoteName(name)} is not a valid dataset file:\n${shown.join('\n')}` +
        (more > 0 ? `\n… and ${more} more problems` : '')
    }
  }
  for (const briefing of parsed.dataset.briefings) {
    const document: ParsedDocument = {
      lead: [],
      sections: briefing.sections.map((s) => ({ heading: s.heading, paragraphs: [s.text] }))
    }
    const refused = checkDocumentLimits(document, name, limits)
    if (refused) return { error: `${refused.error} (briefing "${briefing.id}")` }
  }
  return { format: 'dataset', name, dataset: parsed.dataset }
}

/** A validator problem without the file name (the message names the file once, up front). */
function describeProblem(problem: DatasetProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message
}
