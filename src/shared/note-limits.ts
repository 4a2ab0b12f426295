// Limits on a note's Markdown, checked in one linear pass without parsing it: at IPC, at W3C import,
// and before the renderer or the export parses a note. commonmark.js nests without bound and scans
// a link destination to its closing parenthesis, so deep nesting costs stack and time.

/** The longest note, in UTF-16 code units. */
export const MAX_NOTE_CHARS = 100_000
/** The deepest nesting of quotes and lists, of `[` in a paragraph, or of `(` in a word. */
export const MAX_NOTE_NESTING = 32

/**
 * Parse cost (see parseCost) beyond which a note is shown unformatted rather than parsed (not
 * refused): commonmark.js and the view take up to about 1.5 µs per unit (lines of one letter,
 * `npm run bench -- notes`), so this keeps any note well within 50 ms. Prose of 100,000
 * characters stays below it.
 */
export const MAX_PARSE_COST = 20_000

/** Line breaks and ASCII punctuation: the characters commonmark.js does work for. */
export function markupChars(source: string): number {
  let count = 0
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i)
    if (
      c === 10 ||
      c === 13 ||
      (c >= 33 && c <= 47) ||
      (c >= 58 && c <= 64) ||
      (c >= 91 && c <= 96) ||
      (c >= 123 && c <= 126)
    )
      count++
  }
  return count
}

/**
 * What parsing `source` costs commonmark.js, in markup characters: each markup character, each
 * line break twice, each blank line (a new block) ten more, and the characters each backtick run
 * scans looking for a closing run of the same length (to the end of the paragraph when there is
 * none). An upper bound computed in one pass from the end.
 */
export function parseCost(source: string): number {
  let cost = markupChars(source)
  const nextRun = new Map<number, number>()
  let paragraphEnd = source.length
  let i = source.length - 1
  while (i >= 0) {
    const c = source[i]
    if (c === '\n' || c === '\r') {
      // A line break costs twice a punctuation character (a line, a break in the view).
      cost += 1
      const before = source[c === '\n' && source[i - 1] === '\r' ? i - 2 : i - 1]
      if (before === '\n' || before === '\r') {
        cost += BLOCK_COST
        paragraphEnd = i
        nextRun.clear()
      }
      i--
    } else if (c === '`') {
      let start = i
      while (start > 0 && source[start - 1] === '`') start--
      const length = i - start + 1
      // An odd run of backslashes escapes the first backtick: the opening run is one shorter,
      // while the closing runs it scans for are matched on the raw text.
      let slashes = 0
      while (source[start - 1 - slashes] === '\\') slashes++
      const opening = length - (slashes % 2)
      if (opening > 0) cost += (nextRun.get(opening) ?? paragraphEnd) - start
      nextRun.set(length, start)
      i = start - 1
    } else i--
  }
  return cost
}

/** A blank line starts a block: a node and its view, about ten markup characters' work. */
const BLOCK_COST = 10

/** How deeply a note nests, by kind; each an upper bound estimated from the source text. */
export interface NoteNesting {
  /** Block quotes and list items opened on one line (`> > - 1.`), indentation counted as lists. */
  blocks: number
  /** Unclosed `[` within one paragraph (links and images nest inside their text). */
  brackets: number
  /**
   * Unclosed `(` within one run of non-blank characters: commonmark.js scans each `](` to its
   * matching `)` (commonmark.js issue #129), so this bounds that scan's cost to `parens` × length.
   */
  parens: number
}

const ESCAPABLE = /[!-/:-@[-`{-~]/
const BLANK = /[ \t\n\v\f\r]/
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const ORDERED = /^\d{1,9}[.)](?=[ \t]|$)/

/** Containers a line opens: its leading `>` and list markers, and list levels its indentation implies. */
function lineNesting(line: string): number {
  let markers = 0
  let spaces = 0
  let i = 0
  while (i < line.length) {
    const c = line[i]!
    if (c === ' ' || c === '\t') {
      spaces += c === '\t' ? 4 : 1
      i++
    } else if (c === '>') {
      markers++
      i++
      // The space after a marker belongs to the marker, not to indentation.
      if (line[i] === ' ') i++
    } else if ((c === '-' || c === '+' || c === '*') && /^[ \t]?$/.test(line[i + 1] ?? '')) {
      // `* * *` is a rule, not three lists (checked once: a line is one or the other).
      if (markers === 0 && THEMATIC_BREAK.test(line.slice(i))) break
      markers++
      i += line[i + 1] === ' ' ? 2 : 1
    } else {
      const ordered = ORDERED.exec(line.slice(i, i + 11))
      if (!ordered) break
      markers++
      i += ordered[0].length + (line[i + ordered[0].length] === ' ' ? 1 : 0)
    }
  }
  return markers === 0 ? 0 : markers + Math.floor(spaces / 2)
}

/** The note's nesting, in one pass over its text. */
export function noteNesting(markdown: string): NoteNesting {
  const out: NoteNesting = { blocks: 0, brackets: 0, parens: 0 }
  let brackets = 0
  let parens = 0
  let lineStart = 0
  let lineBlank = true
  for (let i = 0; i <= markdown.length; i++) {
    const c = markdown[i]
    // CR LF is one line ending: the LF ends the line.
    if (c === '\r' && markdown[i + 1] === '\n') continue
    if (c === undefined || c === '\n' || c === '\r') {
      out.blocks = Math.max(out.blocks, lineNesting(markdown.slice(lineStart, i)))
      // A blank line ends the paragraph, and with it any open bracket.
      if (lineBlank) brackets = 0
      lineStart = i + 1
      lineBlank = true
      parens = 0
      continue
    }
    if (BLANK.test(c)) {
      parens = 0
      continue
    }
    lineBlank = false
    if (c === '\\' && ESCAPABLE.test(markdown[i + 1] ?? '')) i++
    else if (c === '[') out.brackets = Math.max(out.brackets, ++brackets)
    else if (c === ']') brackets = Math.max(0, brackets - 1)
    else if (c === '(') out.parens = Math.max(out.parens, ++parens)
    else if (c === ')') parens = Math.max(0, parens - 1)
  }
  return out
}

/** Why `markdown` cannot be a note (too long or nested too deeply), or null when it can. */
export function noteLimitProblem(markdown: string): string | null {
  if (markdown.length > MAX_NOTE_CHARS)
    return `the note has ${markdown.length.toLocaleString('en')} characters; at most ${MAX_NOTE_CHARS.toLocaleString('en')} are allowed`
  const { blocks, brackets, parens } = noteNesting(markdown)
  const deepest = Math.max(blocks, brackets, parens)
  if (deepest <= MAX_NOTE_NESTING) return null
  const what =
    deepest === blocks
      ? 'quotes and lists'
      : deepest === brackets
        ? 'brackets "["'
        : 'parentheses "("'
  return `the note nests ${what} ${deepest.toLocaleString('en')} levels deep; at most ${MAX_NOTE_NESTING} levels are allowed`
}
