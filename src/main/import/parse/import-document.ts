// Every imported file, binary formats included: PDF (pdf.ts), Word (docx.ts) and e-mail
// (email.ts, whose attachments become briefings of their own); text, Markdown, HTML and dataset
// files go on to importFile. All or nothing per file, each refusal naming the file.

import type { BlockInput } from '../../../shared/blocks'
import {
  DATASET_FORMAT,
  DATASET_VERSION,
  type Briefing,
  type DatasetFile
} from '../../../shared/dataset'
import { validateDataset } from '../../library/load-dataset'
import { parseDocx, refuseOpenDocument } from './docx'
import { parseEmail, type ParsedEmail } from './email'
import { checkImportName, extensionOf, quoteName } from './file-name'
import { importFile } from './import-file'
import type { BinaryFormat, ImportedDocument, ImportedFile, ImportOptions } from './import-file'
import { checkDocumentLimits, checkFileSize, IMPORT_LIMITS } from './limits'
import { parsePdf } from './pdf'
import { toBriefing } from './to-briefing'
import type { ImportFailure, ParsedDocument } from './types'

type Kind = BinaryFormat | 'odt' | 'doc'

const BY_EXTENSION: Record<string, Kind> = {
  pdf: 'pdf',
  docx: 'docx',
  eml: 'email',
  odt: 'odt',
  ott: 'odt',
  fodt: 'odt',
  doc: 'doc'
}

/** Attachments imported from an e-mail: the formats a briefing can be made of (no datasets). */
const ATTACHMENT_EXTENSIONS = new Set([
  'pdf',
  'docx',
  'txt',
  'text',
  'md',
  'markdown',
  'html',
  'htm'
])

/** One line of the e-mail's attachment list. */
function listItem(text: string): BlockInput {
  return { kind: 'list-item', level: 1, ordered: false, text }
}

/**
 * Imports one file of any supported format (see importFile for text, Markdown, HTML and dataset
 * files). A PDF or Word file is recognised by its extension, or by its content under another
 * name; an e-mail by its extension (.eml).
 */
export async function importDocument(
  name: string,
  bytes: Uint8Array,
  options: ImportOptions
): Promise<ImportedFile | ImportFailure> {
  const kind = kindOf(name, bytes)
  if (kind === undefined) return importFile(name, bytes, options)
  const checked = checkImportName(name)
  if ('error' in checked) return checked
  const limits = options.limits ?? IMPORT_LIMITS
  const tooLarge = checkFileSize(checked.name, bytes.byteLength, limits)
  if (tooLarge) return tooLarge
  const shown = quoteName(checked.name)
  if (bytes.byteLength === 0) return { error: `${shown} is empty (0 bytes).` }
  if (kind === 'odt') return refuseOpenDocument(checked.name)
  if (kind === 'doc') {
    return {
      error: `${shown} is an old-style Word document (.doc); save it as .docx or PDF and import that.`
    }
  }
  if (kind !== 'email') {
    const parsed =
      kind === 'pdf'
        ? await parsePdf(checked.name, bytes, limits)
        : await parseDocx(checked.name, bytes, limits)
    if ('error' in parsed) return parsed
    return finish(kind, checked.name, parsed, options)
  }
  const mail = await parseEmail(checked.name, bytes)
  if ('error' in mail) return mail
  return importEmail(checked.name, mail, options)
}

/** The binary format a file is in, by its extension, else by its first bytes; else undefined. */
function kindOf(name: string, bytes: Uint8Array): Kind | undefined {
  const byName = BY_EXTENSION[extensionOf(name)]
  if (byName) return byName
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  if (head.startsWith('%PDF-')) return 'pdf'
  if (head.startsWith('PK\u0003\u0004')) {
    // The part names are in the archive's directory at its end, and usually in the first header.
    const all = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 65_536)))
    if ((head + all).includes('word/document.xml')) return 'docx'
    if (head.includes('application/vnd.oasis.opendocument')) return 'odt'
  }
  return undefined
}

/** The e-mail as a briefing, each attachment of a supported kind as one more. */
async function importEmail(
  name: string,
  mail: ParsedEmail,
  options: ImportOptions
): Promise<ImportedFile | ImportFailure> {
  const attachments: ImportedDocument[] = []
  const refusedAttachments: { file: string; message: string }[] = []
  const lines: string[] = []
  const from = `the e-mail "${mail.subject.slice(0, 150)}"`
  for (const attachment of mail.attachments) {
    // Only the name counts: a path in an attachment's name is never followed.
    const file = attachment.name.replace(/[/\\]/g, '_')
    if (!ATTACHMENT_EXTENSIONS.has(extensionOf(file))) {
      lines.push(`${file}: not imported (not a kind of file the app reads).`)
      continue
    }
    const result = await importDocument(file, attachment.bytes, options)
    if ('error' in result || result.format === 'dataset') {
      const message = 'error' in result ? result.error : `${quoteName(file)} is a dataset file.`
      refusedAttachments.push({ file, message })
      lines.push(`${file}: not imported. ${message}`)
      continue
    }
    const source = [result.document.source ?? mail.sender, `attached to ${from}`]
    const document: ParsedDocument = {
      ...result.document,
      source: source.filter((part) => part !== undefined).join(', '),
      published: result.document.published ?? mail.document.published
    }
    const imported = finish(result.format, file, document, options)
    if ('error' in imported) {
      refusedAttachments.push({ file, message: imported.error })
      lines.push(`${file}: not imported. ${imported.error}`)
      continue
    }
    attachments.push(imported)
    lines.push(`${file}: imported as the briefing "${imported.briefing.title}".`)
  }
  const document: ParsedDocument = {
    ...mail.document,
    sections:
      lines.length > 0
        ? [...mail.document.sections, { heading: 'Attachments', paragraphs: lines.map(listItem) }]
        : mail.document.sections
  }
  const imported = finish('email', name, document, options)
  if ('error' in imported) return imported
  return {
    ...imported,
    ...(attachments.length > 0 ? { attachments } : {}),
    ...(refusedAttachments.length > 0 ? { refusedAttachments } : {})
  }
}

/** The parsed document within the limits, as a Briefing the dataset validator accepts. */
function finish(
  format: ImportedDocument['format'],
  name: string,
  document: ParsedDocument,
  options: ImportOptions
): ImportedDocument | ImportFailure {
  const refused = checkDocumentLimits(document, name, options.limits ?? IMPORT_LIMITS)
  if (refused) return refused
  let briefing: Briefing
  try {
    briefing = toBriefing(document, {
      fileName: name,
      id: options.id,
      importedAt: options.importedAt
    })
  } catch {
    return { error: `${quoteName(name)} contains no text to import.` }
  }
  const dataset: DatasetFile = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    entities: [],
    briefings: [briefing]
  }
  const problems = validateDataset(dataset, name)
  if (problems.length > 0) {
    const detail = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')
    return { error: `${quoteName(name)} could not be converted: ${detail}` }
  }
  return { format, name, document, briefing }
}
