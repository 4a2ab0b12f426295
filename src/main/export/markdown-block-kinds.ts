// A highlighted passage of a section with block kinds (dataset version 2), written back in those
// kinds inside the highlight's block quote: code as a fenced block, list items as list lines
// indented by level, table rows as GFM `| a | b |` rows, quotes as a nested `>`.

import { sectionBlocks, type TextBlock } from '../../shared/blocks'
import type { Section } from '../../shared/dataset'
import { escapeInline } from './markdown-escape'

/** The part of one block that a highlight covers, with what its kind needs to be written. */
export interface QuotePiece {
  kind: TextBlock['kind']
  text: string
  level?: number
  ordered?: boolean
  /** An ordered item's number in its list (so a passage from item 3 on starts at `3.`). */
  number?: number
  language?: string
  header?: boolean
}

/**
 * The pieces of `section` that [start, end) covers, one per block it touches; undefined when the
 * section has no block kinds or the range touches paragraphs only (then the quote is plain text).
 */
export function quotePieces(
  section: Pick<Section, 'text' | 'blocks'>,
  start: number,
  end: number
): QuotePiece[] | undefined {
  if (!section.blocks || section.blocks.length === 0) return undefined
  const blocks = sectionBlocks(section)
  const numbers = listNumbers(blocks)
  const pieces: QuotePiece[] = []
  blocks.forEach((block, i) => {
    const from = Math.max(start, block.start)
    const to = Math.min(end, block.end)
    if (from >= to) return
    const { kind, level, ordered, language, header } = block
    const piece: QuotePiece = { kind, text: section.text.slice(from, to) }
    if (kind === 'list-item') Object.assign(piece, { level: level ?? 1, ordered: ordered === true })
    if (kind === 'list-item' && ordered) piece.number = numbers[i]
    if (language !== undefined) piece.language = language
    if (header) piece.header = true
    pieces.push(piece)
  })
  return pieces.some((p) => p.kind !== 'paragraph') ? pieces : undefined
}

/** Each list item's number among the items of its level in its list (1-based). */
function listNumbers(blocks: readonly TextBlock[]): number[] {
  let counters: number[] = []
  return blocks.map((block) => {
    if (block.kind !== 'list-item') {
      counters = []
      return 0
    }
    const level = block.level ?? 1
    counters = counters.slice(0, level + 1)
    counters[level] = (counters[level] ?? 0) + 1
    return counters[level]
  })
}

/**
 * The Markdown lines of the pieces (before the highlight's `> ` prefix): consecutive list items
 * form one tight list, consecutive table rows one table, consecutive quotes one block quote;
 * other pieces stand alone; a blank line between groups.
 */
export function pieceLines(pieces: readonly QuotePiece[]): string[] {
  const groups: QuotePiece[][] = []
  for (const piece of pieces) {
    const last = groups[groups.length - 1]
    const joins = last && last[0]!.kind === piece.kind && GROUPED.has(piece.kind)
    if (joins) last.push(piece)
    else groups.push([piece])
  }
  return groups.flatMap((group, i) => [...(i > 0 ? [''] : []), ...groupLines(group)])
}

const GROUPED = new Set<TextBlock['kind']>(['list-item', 'table-row', 'quote'])

function groupLines(group: readonly QuotePiece[]): string[] {
  const first = group[0]!
  switch (first.kind) {
    case 'code':
      return codeLines(first)
    case 'list-item':
      return listLines(group)
    case 'table-row':
      return tableLines(group)
    case 'quote':
      return group.flatMap((p, i) => [...(i > 0 ? ['>'] : []), `> ${escapeInline(p.text)}`])
    default:
      return [escapeInline(first.text)]
  }
}

/** A fenced block one backtick longer than any run inside, the language as its info string. */
function codeLines(piece: QuotePiece): string[] {
  const longest = Math.max(2, ...(piece.text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const info = piece.language && /^[^\s`]+$/.test(piece.language) ? piece.language : ''
  return [fence + info, ...piece.text.split('\n'), fence]
}

/**
 * List lines: each item indented to its parent item's content column, so nesting survives any
 * marker width (`- `, `9. `, `10. `); a level that skips one nests once, and items deeper than the
 * first of the passage with no parent in it start at the margin.
 */
function listLines(items: readonly QuotePiece[]): string[] {
  const open: { level: number; content: number }[] = []
  return items.map((item) => {
    const level = item.level ?? 1
    while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop()
    const indent = open.length > 0 ? open[open.length - 1]!.content : 0
    const marker = item.ordered ? `${item.number ?? 1}.` : '-'
    open.push({ level, content: indent + marker.length + 1 })
    return `${' '.repeat(indent)}${marker} ${escapeInline(item.text)}`
  })
}

/**
 * A GFM table: the first row is the header when it is one; otherwise an empty header row. GFM
 * drops cells beyond the header's count and fills short rows, so only the header is padded to
 * the widest row.
 */
function tableLines(rows: readonly QuotePiece[]): string[] {
  const cells = rows.map((row) => row.text.split('\t').map(escapeInline))
  const width = Math.max(...cells.map((row) => row.length))
  const line = (row: readonly string[]): string => `| ${row.join(' | ')} |`
  const header = rows[0]!.header ? cells.shift()! : []
  const padded = [...header, ...Array<string>(width - header.length).fill('')]
  return [line(padded), `|${' --- |'.repeat(width)}`, ...cells.map(line)]
}
