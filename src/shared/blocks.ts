// Block kinds over a section's canonical text (dataset version 2): which paragraphs are list items,
// quotes, code or table rows, given as offsets, so highlights, search and export keep working on the
// same plain text while the reader and the Markdown export show the structure.

import { firstNonNfcOffset } from './canonical-text'

export type BlockKind = 'paragraph' | 'list-item' | 'quote' | 'code' | 'table-row'
export const BLOCK_KINDS: readonly BlockKind[] = [
  'paragraph',
  'list-item',
  'quote',
  'code',
  'table-row'
]

/** Deepest list nesting kept (deeper items are shown at this level). */
export const MAX_LIST_LEVEL = 8

/**
 * One block: [start, end) in UTF-16 units of the section text. Blocks are sorted, cover the whole
 * text, and consecutive blocks are separated by exactly "\n\n".
 * - `list-item`: `level` (1 = top) and `ordered` (a numbered list); consecutive items form a list.
 * - `code`: whitespace kept; lines joined by "\n", no trailing spaces, no blank first/last line;
 *   `language` from a fence's info string when the source gave one.
 * - `table-row`: cells separated by one tab ("\t"); `header` for a heading row; consecutive rows
 *   form a table.
 * - `quote`: consecutive quote blocks form one block quote.
 */
export interface TextBlock {
  kind: BlockKind
  start: number
  end: number
  level?: number
  ordered?: boolean
  language?: string
  header?: boolean
}

/** What an importer hands to buildSectionText: one block's raw text and its kind's details. */
export type BlockInput = Omit<TextBlock, 'start' | 'end'> & { text: string }

/** A section's text and its blocks; `blocks` is left out when every block is a paragraph. */
export interface BlockText {
  text: string
  blocks?: TextBlock[]
}

const SPACE_RUN = /[ \t\f\v\r\n]+/g
const INLINE_SPACE_RUN = /[ \f\v\r\n]+/g

/**
 * The canonical form of one block's raw text for its kind: NFC always; code keeps its indentation
 * and inner blank lines (tabs kept, "\r\n" → "\n", trailing spaces and blank first/last lines
 * removed); a table row keeps one tab between cells (each cell's whitespace collapsed, cells
 * trimmed); every other kind is one line with runs of ASCII whitespace collapsed. "" when empty.
 */
export function canonicalBlockText(kind: BlockKind, raw: string): string {
  const text = raw.normalize('NFC')
  if (kind === 'code') {
    const lines = text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/[ \t\f\v]+$/, ''))
    while (lines.length > 0 && lines[0] === '') lines.shift()
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
    return lines.join('\n')
  }
  if (kind === 'table-row') {
    const cells = text.split('\t').map((cell) => cell.replace(INLINE_SPACE_RUN, ' ').trim())
    return cells.some((cell) => cell !== '') ? cells.join('\t') : ''
  }
  return text.replace(SPACE_RUN, ' ').trim()
}

/**
 * Joins blocks into canonical section text ("\n\n" between blocks) with their offsets; empty
 * blocks are dropped, list levels clamped to 1…MAX_LIST_LEVEL. `blocks` is omitted when all are
 * plain paragraphs, so such text is exactly what canonicalText gives for its paragraphs.
 */
export function buildSectionText(inputs: readonly BlockInput[]): BlockText {
  const blocks: TextBlock[] = []
  const parts: string[] = []
  let offset = 0
  for (const input of inputs) {
    const text = canonicalBlockText(input.kind, input.text)
    if (text === '') continue
    if (parts.length > 0) offset += 2
    blocks.push(blockOf(input, offset, offset + text.length))
    parts.push(text)
    offset += text.length
  }
  const text = parts.join('\n\n')
  return blocks.every((b) => b.kind === 'paragraph') ? { text } : { text, blocks }
}

function blockOf(input: BlockInput, start: number, end: number): TextBlock {
  const block: TextBlock = { kind: input.kind, start, end }
  if (input.kind === 'list-item') {
    block.level = Math.min(MAX_LIST_LEVEL, Math.max(1, Math.floor(input.level ?? 1)))
    block.ordered = input.ordered === true
  }
  if (input.kind === 'code' && input.language) block.language = input.language
  if (input.kind === 'table-row' && input.header) block.header = true
  return block
}

/** The blocks of a section: its own, or one paragraph per "\n\n"-separated part of the text. */
export function sectionBlocks(section: {
  text: string
  blocks?: readonly TextBlock[]
}): TextBlock[] {
  if (section.blocks && section.blocks.length > 0) return [...section.blocks]
  const blocks: TextBlock[] = []
  let start = 0
  for (;;) {
    const next = section.text.indexOf('\n\n', start)
    const end = next === -1 ? section.text.length : next
    if (end > start) blocks.push({ kind: 'paragraph', start, end })
    if (next === -1) return blocks
    start = next + 2
  }
}

/** A problem with one block: its index in `blocks` (or -1 for the list as a whole) and why. */
export interface BlockProblem {
  index: number
  field?: keyof TextBlock
  message: string
}

/**
 * Checks `blocks` against `text`: sorted, covering the text with exactly "\n\n" between blocks,
 * each block's text canonical for its kind, kind-specific fields only where they belong. Returns
 * every problem found (empty when valid).
 */
export function blockProblems(text: string, blocks: readonly TextBlock[]): BlockProblem[] {
  const problems: BlockProblem[] = []
  let expected = 0
  blocks.forEach((block, index) => {
    const at = (message: string, field?: keyof TextBlock): void => {
      problems.push(field ? { index, field, message } : { index, message })
    }
    if (block.start !== expected) {
      at(
        index === 0
          ? `must start at 0 (got ${block.start})`
          : `must start at ${expected}, two units after the previous block (got ${block.start})`,
        'start'
      )
    } else if (index > 0 && text.slice(block.start - 2, block.start) !== '\n\n') {
      at('must be separated from the previous block by a blank line ("\\n\\n")', 'start')
    }
    if (block.end <= block.start || block.end > text.length) {
      at(`must be after start and at most the text length ${text.length} (got ${block.end})`, 'end')
      expected = Math.max(expected, block.end + 2)
      return
    }
    expected = block.end + 2
    const own = text.slice(block.start, block.end)
    if (canonicalBlockText(block.kind, own) !== own || firstNonNfcOffset(own) !== -1) {
      at(`text of a ${block.kind} block is not canonical (${canonicalRule(block.kind)})`)
    }
    fieldProblems(block).forEach(({ field, message }) => at(message, field))
  })
  if (blocks.length > 0 && expected - 2 !== text.length) {
    problems.push({ index: -1, message: `blocks must cover the text to its end (${text.length})` })
  }
  return problems
}

function canonicalRule(kind: BlockKind): string {
  if (kind === 'code')
    return 'NFC, "\\n" between lines, no trailing spaces or blank first/last line'
  if (kind === 'table-row')
    return 'NFC, cells separated by one tab, spaces collapsed, cells trimmed'
  return 'NFC, one line, spaces collapsed, trimmed'
}

function fieldProblems(block: TextBlock): { field: keyof TextBlock; message: string }[] {
  const problems: { field: keyof TextBlock; message: string }[] = []
  const only = (field: keyof TextBlock, kind: BlockKind): void => {
    if (block[field] !== undefined && block.kind !== kind) {
      problems.push({ field, message: `"${field}" is only allowed on ${kind} blocks` })
    }
  }
  only('level', 'list-item')
  only('ordered', 'list-item')
  only('language', 'code')
  only('header', 'table-row')
  if (block.kind === 'list-item') {
    const level = block.level
    if (level === undefined || !Number.isInteger(level) || level < 1 || level > MAX_LIST_LEVEL) {
      problems.push({
        field: 'level',
        message: `a list item needs a level from 1 to ${MAX_LIST_LEVEL}`
      })
    }
  }
  return problems
}
