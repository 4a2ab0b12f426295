// Canonical section text (NFC, one line per paragraph, paragraphs joined by a blank line), the one
// form import writes, validation demands and anchoring measures on; plus the word-boundary test.

/** ASCII whitespace only: no-break and other Unicode spaces are content and are kept. */
const SPACE_RUN = /[ \t\f\v\r\n]+/g

/**
 * Turns raw text into canonical text: NFC; paragraphs split on blank lines; whitespace inside a
 * paragraph collapsed to single spaces; paragraphs trimmed, empty ones dropped, joined by "\n\n".
 */
export function canonicalText(raw: string): string {
  return splitParagraphs(raw.normalize('NFC')).join('\n\n')
}

/**
 * Whether NFC text is canonical (canonicalText would leave it as it is). Every file of the library
 * is checked at each start: text that plainly is canonical (paragraphs without line breaks, tabs
 * or double spaces, trimmed, joined by one blank line) is told apart without rebuilding it.
 */
export function isCanonicalText(text: string): boolean {
  return plainlyCanonical(text) || canonicalText(text) === text
}

const NOT_PLAIN = /[\t\f\v\r]| {2}/
const UNTRIMMED = /^\s|\s$/

function plainlyCanonical(text: string): boolean {
  if (NOT_PLAIN.test(text)) return false
  for (const paragraph of text.split('\n\n')) {
    if (paragraph === '' || paragraph.includes('\n') || UNTRIMMED.test(paragraph)) return false
  }
  return true
}

/** The paragraphs of raw text (split on blank lines), each with its whitespace normalised. */
export function splitParagraphs(raw: string): string[] {
  return raw
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\f\v]*\n/)
    .map((paragraph) => paragraph.replace(SPACE_RUN, ' ').trim())
    .filter((paragraph) => paragraph !== '')
}

/** UTF-16 offset of the first difference between `text` and its NFC form, or -1 if it is NFC. */
export function firstNonNfcOffset(text: string): number {
  const nfc = text.normalize('NFC')
  if (nfc === text) return -1
  let i = 0
  while (i < text.length && text[i] === nfc[i]) i++
  return i
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u

/** True for letters, combining marks and digits: the characters a name cannot be glued to. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char)
}

/**
 * Offsets of the whole-word occurrences of `surface` in `text` (case-sensitive): the match must
 * not continue a word on either side, so "Japan" is not found in "Japanese" nor "Kishi" in "Kishida".
 */
export function findWholeWord(text: string, surface: string, from = 0): number[] {
  const found: number[] = []
  if (surface === '') return found
  for (let at = text.indexOf(surface, from); at !== -1; at = text.indexOf(surface, at + 1)) {
    const before = charBefore(text, at)
    const after = charAt(text, at + surface.length)
    const gluedBefore = isWordChar(surface[0]) && isWordChar(before)
    const gluedAfter = isWordChar(surface[surface.length - 1]) && isWordChar(after)
    if (!gluedBefore && !gluedAfter) found.push(at)
  }
  return found
}

/** The character (whole code point) starting at `index`, if any. */
function charAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index)
  return code === undefined ? undefined : String.fromCodePoint(code)
}

/** The character (whole code point) ending just before `index`, if any. */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined
  const low = text.charCodeAt(index - 1)
  const pair = index >= 2 && low >= 0xdc00 && low <= 0xdfff
  return charAt(text, pair ? index - 2 : index - 1)
}
