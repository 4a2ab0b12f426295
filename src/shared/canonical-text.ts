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
 * is checked at each start: the text is searched natively (regular expressions, indexOf) and only
 * each paragraph's first and last characters are looked at in JavaScript, where a character loop
 * over the whole text cost more than the rebuild it replaced.
 */
export function isCanonicalText(text: string): boolean {
  if (text === '') return true
  if (DOUBLE_SPACE.test(text) || CONTROL.test(text)) return false
  // Paragraphs are what lies between "\n\n": found by indexOf, not split, which made a string each.
  for (let start = 0; ;) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    if (end === start) return false // An empty paragraph: a "\n" too many.
    if (trimmed(text.charCodeAt(start)) || trimmed(text.charCodeAt(end - 1))) return false
    if (newline === -1) return true
    if (text.charCodeAt(newline + 1) !== 10) return false // A line break inside a paragraph.
    start = newline + 2
  }
}

/**
 * Two searches, not one `/[\t\f\v\r]| {2}/`: on the bench's 200,000 sections (Node 24) the
 * alternation took ~410 ms, these two ~315 ms, and `/  /` (a literal pair) ~480 ms.
 */
const DOUBLE_SPACE = / {2}/
const CONTROL = /[\t\f\v\r]/

/** What String.prototype.trim removes: ECMAScript's WhiteSpace and LineTerminator code points. */
function trimmed(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13)
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
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
  // normalize() copied every text of the library at each start; most need no look at all.
  if (plainlyNfc(text)) return -1
  const nfc = text.normalize('NFC')
  if (nfc === text) return -1
  let i = 0
  while (i < text.length && text[i] === nfc[i]) i++
  return i
}

/**
 * Code units NFC may change, or that may change a neighbour: all but those below U+0300 (where
 * Unicode's NFC quick check first says other than yes) and the dashes, quotes and ellipsis of
 * General Punctuation (U+2010-U+2027). canonical-text.test.ts normalises every code unit this
 * does not match, alone and beside every other.
 */
const MAY_CHANGE_IN_NFC = /[\u0300-\u200f\u2028-\uffff]/

/**
 * Whether text is NFC without normalising it: a native search, which V8 answers at once for text
 * of Latin-1 code units only (the class cannot match one), where normalize() would copy the text
 * into ICU's form first. False means only "not sure".
 */
export function plainlyNfc(text: string): boolean {
  return !MAY_CHANGE_IN_NFC.test(text)
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
