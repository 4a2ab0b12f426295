// Markdown source for stored text in the export: plain text (quotes, headings, labels, tags) that
// any CommonMark parser reads back character for character, and the prefix that nests a note's own
// Markdown in a block quote. Verified against the `commonmark` package (markdown-export tests).

/** A numeric character reference: CommonMark decodes it to the character inside any text. */
const entity = (ch: string): string => `&#${ch.codePointAt(0)};`

/**
 * What is escaped wherever it appears, in one pass: ASCII punctuation that is CommonMark inline
 * syntax (`\` `` ` `` `*` `_` `[` `]` `<` `>`) or syntax in common readers — GFM tables and
 * strikethrough (`|` `~`), Obsidian tags, math, block ids and wikilinks (`#` `$` `^`, `[[` via
 * `[`); `&` that would start an entity (`&amp;`; numeric ones cannot form, `#` being escaped);
 * runs of two or more `=` or `%` (Obsidian `==highlight==`, `%%comment%%`); line breaks and NUL.
 */
const SPECIAL = /[\\`*_[\]<>#|~$^\n\r\0]|&(?=[A-Za-z][A-Za-z0-9]*;)|={2,}|%{2,}/g

function escapeMatch(match: string): string {
  if (match === '\n' || match === '\r') return entity(match)
  if (match === '\0') return '\uFFFD' // CommonMark replaces U+0000 anyway (security rule)
  return match.length === 1 ? `\\${match}` : match.replace(/./g, '\\$&')
}

/** At the start of a line: a list marker or setext underline (`#` is always escaped). */
const LINE_START = /^[-+=]/
/** At the start of a line: the digits of an ordered-list marker (`1.` / `1)`). */
const ORDERED_MARKER = /^([0-9]{1,9})([.)])/

// commonmark.js trims paragraphs and headings with String#trim (all Unicode white space, wider
// than the spec's spaces and tabs), so leading and trailing white space of every kind is encoded.
// Scanned by hand: /\s+$/ backtracks quadratically on long runs of spaces inside a text.
const SPACE = /\s/
function edges(text: string): { lead: number; trail: number } {
  let lead = 0
  while (lead < text.length && SPACE.test(text[lead] as string)) lead++
  let trail = text.length
  while (trail > lead && SPACE.test(text[trail - 1] as string)) trail--
  return { lead, trail }
}

function escapeCore(core: string, atLineStart: boolean): string {
  const out = core.replace(SPECIAL, escapeMatch)
  if (!atLineStart) return out
  return LINE_START.test(out) ? `\\${out}` : out.replace(ORDERED_MARKER, '$1\\$2')
}

/**
 * Markdown for `text` as literal inline content on one source line: punctuation that could be
 * syntax is backslash-escaped, line breaks and leading/trailing white space become numeric
 * character references. Safe at the start of a line (no block construct can begin).
 */
export function escapeInline(text: string): string {
  const { lead, trail } = edges(text)
  const encode = (part: string): string => [...part].map(entity).join('')
  if (lead === text.length) return encode(text)
  const core = escapeCore(text.slice(lead, trail), lead === 0)
  return encode(text.slice(0, lead)) + core + encode(text.slice(trail))
}

/**
 * The lines of a block quote whose paragraph reads back as exactly `text`: one source line per
 * line of text, joined by backslash hard breaks; trailing newlines (which a paragraph cannot end
 * with) become `&#10;`. An empty text gives an empty block quote.
 */
export function quoteLines(text: string, marker = '> '): string[] {
  const body = text.replace(/\n+$/, '')
  const trailing = '&#10;'.repeat(text.length - body.length)
  const lines = body.split('\n').map(escapeInline)
  const last = lines.length - 1
  const out = lines.map((line, i) => (i < last ? line + '\\' : line + trailing))
  return out.map((line) => (line === '' ? marker.trimEnd() : marker + line))
}

/**
 * An inline code span showing `text` literally (for tags that are not plain words). Line breaks
 * cannot live in a code span and read back as spaces.
 */
export function codeSpan(text: string): string {
  const content = text.replace(/\r\n|\r|\n/g, ' ').replace(/\0/g, '\uFFFD')
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad =
    content.startsWith('`') ||
    content.endsWith('`') ||
    (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '')
  return pad ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`
}

/**
 * True when `markdown` has a non-blank line, i.e. parses to at least one block. CommonMark's blank
 * line holds only spaces and tabs: a form feed or vertical tab alone is a paragraph (found by the
 * property test: a note of "\v" was dropped from the export).
 */
export function hasBlocks(markdown: string): boolean {
  return /[^ \t\r\n]/.test(markdown)
}

/**
 * The source lines of a note nested in a block quote: every line (any CommonMark line ending)
 * gets `prefix`, so nothing in the note can close the quote, and a final line ending is a line
 * terminator as in a file of its own. The default prefix puts the quote's content at column 4 so
 * tabs in the note expand as they would at column 0 (CommonMark's tab stops are absolute).
 */
export function nestedLines(markdown: string, prefix = '  > '): string[] {
  const lines = markdown.replace(/\0/g, '\uFFFD').split(/\r\n|\r|\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  const bare = prefix.trimEnd()
  return lines.map((line) => (line === '' ? bare : prefix + line))
}
