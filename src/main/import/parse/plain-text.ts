// Splits a plain-text article into title, lead and headed sections. A heading is a short line set
// apart by blank lines that does not read as a sentence, a quotation or a list item.

import { parseDate } from './dates'
import { buildOutline } from './outline'
import type { Block, ParsedDocument } from './types'

/** Longest heading, in characters, and most words in one. */
export const MAX_HEADING_CHARS = 80
export const MAX_HEADING_WORDS = 12
/** A line ending in a closing quote is a heading only if it is at most this many words. */
const MAX_QUOTED_HEADING_WORDS = 8

const BLANK_LINES = /\n(?:[^\S\n]*\n)+/
const NUMBERING = /^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(?=\S)/
const LIST_ITEM = /^(?:[-*+•‣◦▪–—]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s|\(\d{1,3}\)\s)/
const SEPARATOR = /^[-*_=~#•·\s]+$/
const UNDERLINE = /^(=+|-+)$/
/** Sentence-closing punctuation, then any closing quotes or brackets. */
const SENTENCE_END = /[.!?:;,…][”’"'»)\]]*$/u
const CLOSING_QUOTE = /[”’"'»]$/u
/** A quotation introduced mid-sentence: `added, “we…` or `said: “we…` (lower case). */
const QUOTE_INTRO = /,\s*[“"‘'«]|:\s*[“"‘'«]\p{Ll}/u
const FIRST_LETTER = /^[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u
const LOWER = /\p{Ll}/u
const WEB = /:\/\/|\bwww\.|\S@\S/u
const META_LABEL = /^(source|publisher|author|date|published|tags|keywords)\s*:\s*(\S.*)$/i
const BYLINE = /^by\s+(\S.*)$/i

interface Candidate {
  level: number
  numbered: boolean
  allCaps: boolean
}

/**
 * Reads a heading from one line, or undefined if the line is not one: at most MAX_HEADING_CHARS
 * characters and MAX_HEADING_WORDS words, starting with a capital or digit (after any "2.3"
 * numbering, whose depth is the level), not ending in sentence punctuation (. ! ? : ; , … even
 * before a closing quote), not a list item, link or quotation (a line ending in a closing quote
 * needs a capital start, no `said, “` or `said: “we` and at most MAX_QUOTED_HEADING_WORDS words).
 */
export function headingCandidate(line: string): Candidate | undefined {
  const text = line.trim()
  // Length in characters (code points); the cheap check first, lines can be megabytes long.
  if (text === '' || text.length > 2 * MAX_HEADING_CHARS) return undefined
  if ([...text].length > MAX_HEADING_CHARS) return undefined
  const words = text.split(/\s+/)
  if (words.length > MAX_HEADING_WORDS) return undefined
  const numbering = NUMBERING.exec(text)
  const rest = numbering ? text.slice(numbering[0].length) : text
  if (!numbering && LIST_ITEM.test(text)) return undefined
  if (!FIRST_LETTER.test(rest) || !/\p{L}/u.test(rest)) return undefined
  if (SENTENCE_END.test(text) || WEB.test(text) || parseDate(text)) return undefined
  if (CLOSING_QUOTE.test(text)) {
    if (words.length > MAX_QUOTED_HEADING_WORDS || QUOTE_INTRO.test(text)) return undefined
  }
  const level = numbering ? (numbering[1] as string).split('.').length : 1
  return { level, numbered: numbering !== null, allCaps: /\p{Lu}/u.test(rest) && !LOWER.test(rest) }
}

/**
 * Parses plain text (already decoded, LF line ends). Blocks are separated by blank lines; a block
 * of one heading-like line (see headingCandidate), or a line underlined with === or ---, is a
 * heading. A heading-like first line is the title unless it is numbered or an ALL-CAPS line like
 * the other headings; "By …", a date, or "Source:/Date:/Tags:" lines right after it give metadata.
 * Within a block, lines are joined with spaces except that each list item starts a paragraph.
 * Among numbered headings the shallowest level makes sections ("2.3" sits inside "2").
 */
export function parsePlainText(text: string, _fileName: string): ParsedDocument {
  const raw = text.replace(/\r\n?/g, '\n').split(BLANK_LINES)
  const blocks: { lines: string[]; heading?: Candidate }[] = []
  for (const chunk of raw) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
    if (lines.length === 0 || (lines.length === 1 && SEPARATOR.test(lines[0] as string))) continue
    blocks.push({ lines, heading: blockHeading(lines) })
  }

  const doc: ParsedDocument = { lead: [], sections: [] }
  let start = 0
  const first = blocks[0]
  if (first?.heading && blocks.length > 1 && isTitle(first.heading, blocks)) {
    doc.title = first.lines[0]
    start = 1
  }
  start = readMetadata(blocks, start, doc)

  const outlineBlocks: Block[] = []
  for (const block of blocks.slice(start)) {
    if (block.heading) {
      outlineBlocks.push({
        kind: 'heading',
        level: block.heading.level,
        text: block.lines[0] ?? ''
      })
    } else {
      for (const paragraph of paragraphsOf(block.lines)) {
        outlineBlocks.push({ kind: 'paragraph', text: paragraph })
      }
    }
  }
  const outline = buildOutline(outlineBlocks, false)
  doc.lead = outline.lead
  doc.sections = outline.sections
  return doc
}

/** The heading of a block: one heading-like line, or a line underlined with === (1) or --- (2). */
function blockHeading(lines: string[]): Candidate | undefined {
  if (lines.length === 1) return headingCandidate(lines[0] as string)
  if (
    lines.length === 2 &&
    UNDERLINE.test(lines[1] as string) &&
    (lines[1] as string).length >= 3
  ) {
    const candidate = headingCandidate(lines[0] as string)
    if (candidate) return { ...candidate, level: (lines[1] as string).startsWith('=') ? 1 : 2 }
  }
  return undefined
}

/** A heading-like first line is a title unless it looks like the section headings that follow. */
function isTitle(first: Candidate, blocks: { heading?: Candidate }[]): boolean {
  if (first.numbered) return false
  if (first.allCaps) {
    const others = blocks.slice(1).filter((block) => block.heading)
    if (others.length > 0 && others.every((block) => block.heading?.allCaps)) return false
  }
  return true
}

/** Reads byline, date and labelled metadata lines from `start` on; returns the first block after. */
function readMetadata(
  blocks: { lines: string[]; heading?: Candidate }[],
  start: number,
  doc: ParsedDocument
): number {
  let at = start
  while (at < blocks.length && at < start + 3) {
    const lines = blocks[at]?.lines ?? []
    if (lines.length !== 1 || !readMetaLine(lines[0] as string, doc)) break
    at++
  }
  return at
}

/** Applies one metadata line to `doc`; false if the line is not metadata. */
function readMetaLine(line: string, doc: ParsedDocument): boolean {
  const labelled = META_LABEL.exec(line)
  if (labelled) {
    const label = (labelled[1] as string).toLowerCase()
    const value = (labelled[2] as string).trim()
    if (label === 'tags' || label === 'keywords') {
      doc.tags = value
        .split(/[,;]/)
        .map((tag) => tag.trim())
        .filter((tag) => tag !== '')
    } else if (label === 'date' || label === 'published') {
      const date = parseDate(value)
      if (!date) return false
      doc.published = date
    } else doc.source = value
    return true
  }
  const date = parseDate(line)
  if (date) {
    doc.published = date
    return true
  }
  const byline = BYLINE.exec(line)
  if (byline && line.split(/\s+/).length <= 12) {
    // "By Jane Doe | 23 May 2022": the parts that are dates give the date, the first the source.
    const parts = (byline[1] as string).split(/\s+[|•·–—]\s+/)
    const names = parts.filter((part) => !parseDate(part))
    const dated = parts.map(parseDate).find((date) => date !== undefined)
    if (dated) doc.published = dated
    if (names[0]) doc.source = names[0].trim()
    return true
  }
  return false
}

/** The paragraphs of a non-heading block: its lines joined, a new paragraph at each list item. */
function paragraphsOf(lines: string[]): string[] {
  const paragraphs: string[] = []
  for (const line of lines) {
    const last = paragraphs.length - 1
    if (last >= 0 && !LIST_ITEM.test(line)) paragraphs[last] += ` ${line}`
    else paragraphs.push(line)
  }
  return paragraphs
}
