// Turns a parsed document into a Briefing in the dataset format: canonical section texts, unique
// kebab-case section ids, defaults for missing metadata; and the content hash for duplicates.

import { createHash } from 'node:crypto'

import { buildSectionText, type BlockInput, type BlockText } from '../../../shared/blocks'
import { splitParagraphs } from '../../../shared/canonical-text'
import type { Briefing, Section } from '../../../shared/dataset'
import { parseDate } from './dates'
import { baseTitle } from './file-name'
import type { ParsedDocument, TextPart } from './types'

/** Heading of the untitled lead section, supplied by the app (editorialHeading: true). */
export const LEAD_HEADING = 'Overview'
/** Source shown until the analyst names one. */
export const UNKNOWN_SOURCE = 'Unknown source'
const LEAD_ID = 'lead'
const MAX_ID_LENGTH = 60

export interface BriefingMeta {
  /** The original file name (for the default title). */
  fileName: string
  /** The new briefing's id (kebab-case, unique in the library: chosen by the caller). */
  id: string
  /** ISO 8601 timestamp of the import; its date is the default publication date. */
  importedAt: string
}

/**
 * The Briefing for a parsed document, without mentions (entity tagging is a separate step). Each
 * section's text is its blocks in canonical form (buildSectionText: NFC, "\n\n" between blocks,
 * a paragraph's whitespace collapsed, a code block's kept), with `blocks` when any block is
 * not a plain paragraph;
 * the lead becomes a section headed "Overview" (editorialHeading) with id "lead". Section ids are
 * kebab-case from the heading, made unique with -2, -3 …. Defaults: title = the document's title,
 * else its first heading, else the file name without extension; source = "Unknown source";
 * published = the import date; tags = []. Throws if the document has no text (see
 * checkDocumentLimits, which reports that with a message for the analyst).
 */
export function toBriefing(doc: ParsedDocument, meta: BriefingMeta): Briefing {
  const used = new Set<string>()
  const sections: Section[] = []
  const lead = sectionText(doc.lead)
  if (lead.text !== '') {
    used.add(LEAD_ID)
    sections.push(section(LEAD_ID, LEAD_HEADING, lead, true))
  }
  doc.sections.forEach((parsed, i) => {
    const heading = oneLine(parsed.heading)
    const text = sectionText(parsed.paragraphs)
    if (text.text === '' || heading === '') return
    sections.push(section(uniqueId(kebabCase(heading) || `section-${i + 1}`, used), heading, text))
  })
  if (sections.length === 0) throw new Error(`${meta.fileName}: the document has no text`)

  const firstHeading = doc.sections.map((s) => oneLine(s.heading)).find((h) => h !== '')
  const title =
    oneLine(doc.title ?? '') || firstHeading || baseTitle(meta.fileName) || meta.fileName
  const published =
    parseDate(doc.published ?? '') ?? parseDate(meta.importedAt) ?? meta.importedAt.slice(0, 10)
  return {
    id: meta.id,
    title,
    source: oneLine(doc.source ?? '') || UNKNOWN_SOURCE,
    published,
    tags: [...new Set((doc.tags ?? []).map(kebabCase).filter((tag) => tag !== ''))],
    sections
  }
}

/** A section's canonical text and blocks; a bare string splits on blank lines, as canonicalText. */
function sectionText(parts: readonly TextPart[]): BlockText {
  const inputs: BlockInput[] = parts.flatMap((part) =>
    typeof part === 'string'
      ? splitParagraphs(part).map((text) => ({ kind: 'paragraph' as const, text }))
      : [part]
  )
  return buildSectionText(inputs)
}

function section(id: string, heading: string, body: BlockText, editorial = false): Section {
  return {
    id,
    heading,
    ...(editorial ? { editorialHeading: true } : {}),
    text: body.text,
    ...(body.blocks ? { blocks: body.blocks } : {}),
    tags: [],
    mentions: []
  }
}

/** `id`, or `id-2`, `id-3` … : the first not yet in `used` (which it is then added to). */
function uniqueId(id: string, used: Set<string>): string {
  let candidate = id
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`
  used.add(candidate)
  return candidate
}

/**
 * Lower-case kebab-case ASCII ("India-Japan 2+2 Ministerial Dialogue & More" →
 * "india-japan-2-2-ministerial-dialogue-more"), accents folded, at most 60 characters; "" when
 * nothing is left (a heading in a non-Latin script).
 */
export function kebabCase(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
  let id = ''
  for (const word of words) {
    const next = id === '' ? word : `${id}-${word}`
    if (next.length > MAX_ID_LENGTH) return id || word.slice(0, MAX_ID_LENGTH)
    id = next
  }
  return id
}

function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/**
 * SHA-256 (hex) of the briefing's content: title, then each section's heading, text and block
 * kinds (when it has any). Metadata (id, source, date, tags) and mentions are left out, so the
 * same text imported twice hashes the same however it was described; a section without blocks
 * hashes as before version 2, so earlier imports are still recognised.
 */
export function contentHash(briefing: Pick<Briefing, 'title' | 'sections'>): string {
  const content = [
    briefing.title,
    ...briefing.sections.flatMap((s) =>
      s.blocks && s.blocks.length > 0 ? [s.heading, s.text, s.blocks] : [s.heading, s.text]
    )
  ]
  return createHash('sha256').update(JSON.stringify(content), 'utf8').digest('hex')
}
