// Structure a PDF keeps only as typography: list items from the bullet or number at a line's start
// (nesting from their indentation) and code from a monospace font (indentation from positions).

import type { BlockInput } from '../../../shared/blocks'
import type { PdfLine } from './pdf-layout'
import type { Block } from './types'

/** A bullet list marker at a line's start: "•", "◦", "▪", "‣", "–", "-" … then a space. */
export const BULLET = /^[•◦▪‣●○■□➢►–-]\s+/
/** A number or letter list marker: "3.", "12)", "a)", "b." then a space. */
export const NUMBERED = /^(\d{1,3}|[a-z])[.)]\s+/i

/**
 * The nesting of list items by their left edge: an item further right than the one before is one
 * level deeper, one back at an earlier edge returns to that level. Reset when the list ends.
 */
export class ListLevels {
  private edges: number[] = []

  levelOf(x0: number, size: number): number {
    const slack = size * 0.5
    while (this.edges.length > 0 && (this.edges[this.edges.length - 1] as number) > x0 + slack) {
      this.edges.pop()
    }
    const last = this.edges[this.edges.length - 1]
    if (last === undefined || x0 > last + slack) this.edges.push(x0)
    return this.edges.length
  }

  reset(): void {
    this.edges = []
  }
}

/** The paragraph as a list item when its first line starts with a marker, else undefined. */
export function listItem(first: PdfLine, text: string, levels: ListLevels): BlockInput | undefined {
  const marker = BULLET.exec(text) ?? NUMBERED.exec(text)
  if (!marker || first.cells) return undefined
  return {
    kind: 'list-item',
    level: levels.levelOf(first.x0, first.size),
    ordered: !BULLET.test(text),
    text: text.slice(marker[0].length)
  }
}

/** A line of cells as a table row; a bold first row of a table is its header. */
export function tableRow(line: PdfLine, text: string, before: Block | undefined): BlockInput {
  const header = line.bold && before?.kind !== 'table-row'
  return header ? { kind: 'table-row', text, header } : { kind: 'table-row', text }
}

/**
 * Monospace lines as one code block: each line indented by its distance from the block's left
 * edge in character widths, a blank line where the gap to the line before is wider than usual.
 */
export function codeBlock(lines: readonly PdfLine[], pitch: number): BlockInput {
  const left = Math.min(...lines.map((line) => line.x0))
  const widths = lines
    .filter((line) => line.text.length > 1)
    .map((line) => (line.x1 - line.x0) / line.text.length)
  const char = widths.length > 0 ? Math.min(...widths) : (lines[0]?.size ?? 10) * 0.6
  const out: string[] = []
  lines.forEach((line, i) => {
    const before = lines[i - 1]
    if (
      before &&
      before.page === line.page &&
      before.y - line.y > Math.max(pitch, line.size) * 1.7
    ) {
      out.push('')
    }
    const indent = Math.max(0, Math.round((line.x0 - left) / char))
    out.push(' '.repeat(indent) + line.text.replace(/\t/g, ' '))
  })
  return { kind: 'code', text: out.join('\n') }
}
