// Puts the text pieces pdf.js finds on PDF pages back into lines in reading order: pieces joined
// into lines, two-column stretches read column by column, running headers, footers and page
// numbers dropped. Pure geometry, no pdf.js: pdf.ts feeds it.

/** A piece of text on a page as pdf.js reports it (PDF units, y upwards from the page bottom). */
export interface PdfPiece {
  text: string
  x: number
  /** Baseline. */
  y: number
  width: number
  /** Font size (the text matrix's vertical scale). */
  size: number
  bold: boolean
  /** Set in a fixed-width (monospace) font: code. */
  mono?: boolean
}

export interface PdfPage {
  width: number
  height: number
  pieces: PdfPiece[]
}

/** One line of text on a page, in reading order. */
export interface PdfLine {
  text: string
  page: number
  x0: number
  x1: number
  y: number
  size: number
  bold: boolean
  /** Most of the line is set in a monospace font. */
  mono: boolean
  /** Cells of a table row: the line has wide blank stretches between its words, kept as tabs. */
  cells: boolean
}

/** Share of the page height, at the top and at the bottom, where running headers and footers live. */
const MARGIN_SHARE = 0.12
/** A page number on its own: "7", "Page 7", "7 of 12", "- 7 -", "vii". */
const PAGE_NUMBER = /^[-–—\s]*(page\s+)?(\d{1,4}|[ivxlcdm]{1,6})(\s*(of|\/)\s*\d{1,4})?[-–—\s]*$/i

/** The lines of every page, in reading order, with page furniture left out. */
export function pageLines(pages: readonly PdfPage[]): PdfLine[][] {
  const lines = pages.map((page, i) => readingOrder(linesOf(page.pieces, i + 1)))
  return dropFurniture(lines, pages)
}

/**
 * Pieces into lines: pdf.js reports them in the order the file draws them, which is the order of
 * writing within a line; a piece on another baseline, or far to the right, starts a new line.
 */
function linesOf(pieces: readonly PdfPiece[], page: number): PdfLine[] {
  const lines: PdfLine[] = []
  let current: (PdfLine & { chars: number; boldChars: number; monoChars: number }) | undefined
  for (const piece of pieces) {
    if (piece.text === '') continue
    const sameLine =
      current !== undefined &&
      Math.abs(piece.y - current.y) < Math.max(piece.size, current.size) * 0.4 &&
      piece.x > current.x1 - current.size &&
      piece.x - current.x1 < Math.max(piece.size, current.size) * 1.5
    if (!sameLine || current === undefined) {
      if (current) lines.push(finish(current))
      current = {
        text: '',
        page,
        x0: piece.x,
        x1: piece.x,
        y: piece.y,
        size: 0,
        bold: false,
        mono: false,
        cells: false,
        chars: 0,
        boldChars: 0,
        monoChars: 0
      }
    }
    const gap = piece.x - current.x1
    const needsSpace =
      current.text !== '' &&
      !/\s$/.test(current.text) &&
      !/^\s/.test(piece.text) &&
      gap > piece.size * 0.15
    const visible = piece.text.trim().length
    // A wide blank between words separates a table row's cells: kept as a tab.
    const cellGap =
      current.text !== '' && visible === 0 && piece.width > piece.size * 2 && !piece.mono
    if (cellGap) current.cells = true
    current.text += cellGap ? '\t' : (needsSpace ? spaces(piece, gap) : '') + monoText(piece)
    current.x1 = Math.max(current.x1, piece.x + piece.width)
    if (visible > 0) {
      current.size = Math.max(current.size, piece.size)
      current.chars += visible
      if (piece.bold) current.boldChars += visible
      if (piece.mono) current.monoChars += visible
    }
  }
  if (current) lines.push(finish(current))
  return lines.filter((line) => line.text !== '')

  function finish(
    line: PdfLine & { chars: number; boldChars: number; monoChars: number }
  ): PdfLine {
    const { chars, boldChars, monoChars, ...rest } = line
    const mono = monoChars >= chars * 0.9
    // Spaces around a cell's tab go; a run of whitespace with a tab in it is one tab. Code keeps
    // its runs of spaces (alignment); other text has them collapsed.
    const cells = rest.text.replace(/\s*\t\s*/g, '\t')
    const text = (mono ? cells : cells.replace(/[^\S\t]+/g, ' ')).replace(/^\s+|\s+$/g, '')
    return { ...rest, text, bold: boldChars > chars / 2, mono }
  }
}

/** Width of one character of a monospace font: about 0.6 of its size (Courier, Liberation Mono). */
const MONO_CHAR = 0.6

/** The space before a piece: one, or as many characters as fit the gap in monospace (code). */
function spaces(piece: PdfPiece, gap: number): string {
  return piece.mono ? ' '.repeat(fit(gap, piece.size)) : ' '
}

/** A blank piece in monospace (code's alignment) as the spaces it is wide. */
function monoText(piece: PdfPiece): string {
  return piece.mono && piece.text.trim() === ''
    ? ' '.repeat(fit(piece.width, piece.size))
    : piece.text
}

function fit(width: number, size: number): number {
  return Math.min(80, Math.max(1, Math.round(width / (size * MONO_CHAR))))
}

/**
 * Lines top to bottom; where the page has a two-column stretch (lines on both sides of the
 * middle, none across it), the left column is read before the right one.
 */
function readingOrder(lines: PdfLine[]): PdfLine[] {
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0)
  if (sorted.length < 6) return sorted
  const left = Math.min(...sorted.map((l) => l.x0))
  const right = Math.max(...sorted.map((l) => l.x1))
  const gutter = (left + right) / 2
  const margin = Math.max(4, (right - left) * 0.02)
  const side = (line: PdfLine): 'left' | 'right' | 'across' =>
    line.x1 <= gutter + margin ? 'left' : line.x0 >= gutter - margin ? 'right' : 'across'
  const out: PdfLine[] = []
  let run: PdfLine[] = []
  const flush = () => {
    const lefts = run.filter((l) => side(l) === 'left')
    const rights = run.filter((l) => side(l) === 'right')
    // A stretch is two columns only if both sides hold several lines (not a table row or two).
    if (lefts.length >= 3 && rights.length >= 3) out.push(...lefts, ...rights)
    else out.push(...run)
    run = []
  }
  for (const line of sorted) {
    if (side(line) === 'across') {
      flush()
      out.push(line)
    } else run.push(line)
  }
  flush()
  return out
}

/**
 * Drops running headers and footers (the same line, numbers aside, in the top or bottom margin of
 * at least half the pages, two at least) and page numbers standing alone in those margins.
 */
function dropFurniture(lines: PdfLine[][], pages: readonly PdfPage[]): PdfLine[][] {
  const inMargin = (line: PdfLine) => {
    const height = pages[line.page - 1]?.height ?? 0
    return line.y > height * (1 - MARGIN_SHARE) || line.y < height * MARGIN_SHARE
  }
  const key = (line: PdfLine) => line.text.toLowerCase().replace(/\d+/g, '#')
  const seen = new Map<string, Set<number>>()
  for (const page of lines) {
    for (const line of page) {
      if (!inMargin(line)) continue
      const pagesWith = seen.get(key(line)) ?? new Set<number>()
      pagesWith.add(line.page)
      seen.set(key(line), pagesWith)
    }
  }
  const repeated = (line: PdfLine) => {
    const count = seen.get(key(line))?.size ?? 0
    return lines.length >= 2 && count >= 2 && count >= lines.length / 2
  }
  return lines.map((page) =>
    page.filter((line) => !(inMargin(line) && (PAGE_NUMBER.test(line.text) || repeated(line))))
  )
}
