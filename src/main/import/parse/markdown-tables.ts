// GitHub-flavoured Markdown tables, which the CommonMark parser reads as a paragraph: found again in
// the paragraph's source lines (a header row, a delimiter row, body rows) and split into cells.

/** A table found in a paragraph: the lines before it (still a paragraph) and its rows of cells. */
export interface GfmTable {
  /** Source lines before the header row (an ordinary paragraph), possibly none. */
  before: string[]
  /** The header row's cells, then each body row's (as many cells as the header). */
  header: string[]
  rows: string[][]
}

const DELIMITER_CELL = /^:?-+:?$/

/**
 * The table in a paragraph's source lines, or undefined. As in GFM, the header row is the line
 * right above a delimiter row (`| --- | :-: |`) with the same number of cells, and every line
 * after it is a body row (padded with empty cells or cut to the header's count).
 */
export function findTable(lines: readonly string[]): GfmTable | undefined {
  for (let i = 1; i < lines.length; i++) {
    const delimiter = splitRow(lines[i] as string)
    if (!delimiter.every((cell) => DELIMITER_CELL.test(cell.trim()))) continue
    const header = splitRow(lines[i - 1] as string)
    if (header.length !== delimiter.length) continue
    if (!/\|/.test(lines[i] as string) && header.length < 2) continue
    const rows = lines.slice(i + 1).map((line) => {
      const cells = splitRow(line).slice(0, header.length)
      while (cells.length < header.length) cells.push('')
      return cells
    })
    return { before: lines.slice(0, i - 1), header, rows }
  }
  return undefined
}

/**
 * The cells of one row: split at each unescaped "|", a leading and a trailing pipe dropped. An
 * escaped pipe (`\|`) stays in its cell, escaped, for the inline parser to read.
 */
export function splitRow(line: string): string[] {
  const text = line.trim()
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    if (char === '\\' && text[i + 1] === '|') {
      cell += '\\|'
      i++
    } else if (char === '|') {
      cells.push(cell)
      cell = ''
    } else cell += char
  }
  cells.push(cell)
  if (text.startsWith('|')) cells.shift()
  if (text.endsWith('|') && !text.endsWith('\\|') && cells.length > 0) cells.pop()
  return cells.map((c) => c.trim())
}
