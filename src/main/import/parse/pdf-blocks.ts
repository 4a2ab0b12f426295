// Rebuilds paragraphs and headings from a PDF's lines in reading order: paragraphs from line
// spacing, headings from the PDF's outline (bookmarks) when it has one, else from font size and
// weight; words hyphenated at a line end joined again. List items (bullets, numbers), table rows
// and monospace code are kept as such (pdf-structure.ts).

import type { PdfLine } from './pdf-layout'
import { BULLET, codeBlock, ListLevels, listItem, NUMBERED, tableRow } from './pdf-structure'
import type { Block } from './types'

/** A heading of the PDF's outline (bookmarks): its title and depth (1 = top level). */
export interface OutlineEntry {
  title: string
  level: number
}

/** Longest line (in characters) read as a heading. */
const MAX_HEADING_CHARS = 160

/** Paragraph and heading blocks of the document, in reading order. */
export function pdfBlocks(lines: readonly PdfLine[], outline: readonly OutlineEntry[]): Block[] {
  const body = bodySize(lines)
  const pitch = linePitch(lines, body)
  const headingLevel = outline.length > 0 ? outlineLevels(outline) : sizeLevels(lines, body)
  const blocks: Block[] = []
  let paragraph: PdfLine[] = []
  const levels = new ListLevels()
  const flush = () => {
    const first = paragraph[0]
    if (first) {
      const text = joinLines(paragraph)
      const item = listItem(first, text, levels)
      if (item) blocks.push(item)
      else if (first.cells) blocks.push(tableRow(first, text, blocks[blocks.length - 1]))
      else blocks.push({ kind: 'paragraph', text })
      if (!item) levels.reset()
    }
    paragraph = []
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PdfLine
    const next = lines[i + 1]
    if (line.mono) {
      // Consecutive monospace lines are one block of code, their indentation kept.
      flush()
      levels.reset()
      let end = i + 1
      while (end < lines.length && (lines[end] as PdfLine).mono) end++
      blocks.push(codeBlock(lines.slice(i, end), pitch))
      i = end - 1
      continue
    }
    const level = headingLevel(line, next)
    // A heading wrapped over two lines: the second right below, in the same font.
    const wrapped =
      next !== undefined &&
      next.page === line.page &&
      Math.abs(next.size - line.size) < 0.5 &&
      next.bold === line.bold &&
      line.y - next.y < line.size * 1.6
    const joined = wrapped
      ? headingLevel({ ...line, text: `${line.text} ${next.text}` })
      : undefined
    if (joined !== undefined && (outline.length > 0 || joined === level)) {
      flush()
      levels.reset()
      blocks.push({ kind: 'heading', level: joined, text: `${line.text} ${next!.text}` })
      i++
      continue
    }
    if (level !== undefined) {
      flush()
      levels.reset()
      blocks.push({ kind: 'heading', level, text: line.text })
      continue
    }
    const previous = paragraph[paragraph.length - 1]
    if (previous && startsParagraph(previous, line, pitch, lines)) flush()
    paragraph.push(line)
  }
  flush()
  return blocks
}

/** The font size most of the text is set in. */
function bodySize(lines: readonly PdfLine[]): number {
  const chars = new Map<number, number>()
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2
    chars.set(size, (chars.get(size) ?? 0) + line.text.length)
  }
  let best = 0
  let most = -1
  for (const [size, count] of chars) {
    if (count > most) [best, most] = [size, count]
  }
  return best
}

/** The usual distance between two lines of a paragraph in the body size. */
function linePitch(lines: readonly PdfLine[], body: number): number {
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1] as PdfLine, lines[i] as PdfLine]
    const gap = a.y - b.y
    if (a.page === b.page && Math.abs(a.size - body) < 0.5 && gap > 0 && gap < body * 3) {
      gaps.push(gap)
    }
  }
  gaps.sort((x, y) => x - y)
  return gaps[Math.floor(gaps.length / 2)] ?? body * 1.2
}

/** Headings are the lines whose text is an outline entry's title, at its depth. */
function outlineLevels(
  outline: readonly OutlineEntry[]
): (line: PdfLine, next?: PdfLine) => number | undefined {
  const levels = new Map<string, number>()
  for (const entry of outline) {
    const key = normalise(entry.title)
    if (key !== '' && !levels.has(key)) levels.set(key, entry.level)
  }
  return (line) => levels.get(normalise(line.text))
}

/**
 * Without an outline: a short line set larger than the body is a heading, the largest sizes the
 * highest levels; a short bold line in the body size, not ending a sentence, is the lowest level.
 */
function sizeLevels(
  lines: readonly PdfLine[],
  body: number
): (line: PdfLine, next?: PdfLine) => number | undefined {
  const isLarge = (line: PdfLine) =>
    line.size >= body * 1.15 && line.text.length <= MAX_HEADING_CHARS && /\p{L}/u.test(line.text)
  const sizes = [
    ...new Set(lines.filter(isLarge).map((line) => Math.round(line.size * 2) / 2))
  ].sort((a, b) => b - a)
  return (line, next) => {
    if (isLarge(line)) return sizes.indexOf(Math.round(line.size * 2) / 2) + 1
    const boldHeading =
      line.bold &&
      Math.abs(line.size - body) < 0.5 &&
      line.text.length <= 100 &&
      !/[.,;:!?]$/.test(line.text) &&
      /\p{L}/u.test(line.text) &&
      next !== undefined &&
      !next.bold
    return boldHeading ? sizes.length + 1 : undefined
  }
}

/**
 * A new paragraph starts after a wider gap than the usual line spacing, at a change of font size,
 * at a list marker, or after a line that ends a sentence well short of its column's right edge.
 */
function startsParagraph(
  previous: PdfLine,
  line: PdfLine,
  pitch: number,
  lines: readonly PdfLine[]
): boolean {
  if (Math.abs(previous.size - line.size) >= 0.5) return true
  // Each row of a table is a paragraph of its own.
  if (previous.cells || line.cells) return true
  if (BULLET.test(line.text) || NUMBERED.test(line.text)) return true
  const samePlace = previous.page === line.page && previous.y > line.y
  if (samePlace && previous.y - line.y > pitch * 1.3) return true
  if (line.x0 > previous.x0 + line.size * 0.8 && samePlace) return true
  const endsSentence = /[.!?:"”’)]$/.test(previous.text)
  // Back from an indented line (a quotation) that stops short of the text's right edge.
  if (samePlace && endsSentence && line.x0 < previous.x0 - line.size * 0.8) {
    if (endsShort(previous, lines, line.x0)) return true
  }
  return endsShort(previous, lines) && endsSentence
}

/**
 * The line stops well before the right edge of the text it sits in: of the lines starting near
 * `left` (by default its own left edge).
 */
function endsShort(line: PdfLine, lines: readonly PdfLine[], left = line.x0): boolean {
  let right = line.x1
  for (const other of lines) {
    if (other.page === line.page && Math.abs(other.x0 - left) < line.size * 2) {
      right = Math.max(right, other.x1)
    }
  }
  return right - line.x1 > (right - line.x0) * 0.15
}

/**
 * One paragraph from its lines: a word hyphenated before a lower-case letter is joined (the
 * hyphen dropped).
 */
function joinLines(lines: readonly PdfLine[]): string {
  let text = ''
  for (const line of lines) {
    const part = line.text
    if (text === '') text = part
    else if (/\p{Ll}[-\u00ad]$/u.test(text) && /^\p{Ll}/u.test(part))
      text = text.slice(0, -1) + part
    // A compound broken at its hyphen before a capital or a digit ("India-", "Japan") keeps it.
    else if (/[\p{L}\d]-$/u.test(text) && /^[\p{Lu}\d]/u.test(part)) text += part
    else text = `${text} ${part}`
  }
  return text.replace(/\u00ad/g, '')
}

function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()
}
