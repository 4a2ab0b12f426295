// File names for exports, made from briefing titles: valid and unsurprising on Windows, macOS and
// Linux (no reserved device names, forbidden or invisible characters, trailing dots or spaces), at
// most 120 UTF-8 bytes, and distinct from names already taken, compared case-insensitively.

/** Longest file name produced, in UTF-8 bytes (well under every file system's 255). */
export const MAX_FILE_NAME_BYTES = 120
/** The name used when a title leaves nothing usable. */
export const FALLBACK_NAME = 'briefing'

/** Characters Windows forbids (and `/` everywhere, `:` on macOS), with readable replacements. */
const REPLACEMENTS: Record<string, string> = {
  ':': ' -',
  '"': "'",
  '/': '-',
  '\\': '-',
  '|': '-',
  '<': '',
  '>': '',
  '?': '',
  '*': ''
}
const FORBIDDEN = /[:"/\\|<>?*]/g
// C0 and C1 controls and DEL, and the bidirectional controls that can make "report" U+202E
// "dm.exe" display as something else. Zero-width joiners stay: emoji sequences need them.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** Device names Windows reserves, with or without an extension, in any case. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8')

let segmenter: Intl.Segmenter | undefined

/** `s` cut to at most `bytes` UTF-8 bytes at a grapheme-cluster boundary (never mid code point). */
function truncateBytes(s: string, bytes: number): string {
  if (utf8Length(s) <= bytes) return s
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  let out = ''
  let used = 0
  for (const { segment } of segmenter.segment(s)) {
    const size = utf8Length(segment)
    if (used + size > bytes) break
    out += segment
    used += size
  }
  return out
}

/** Removes what Windows ignores or Unix hides at the ends of a name: dots and white space. */
const trimEnds = (s: string): string => s.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '')

/** `stem` with "_" after a reserved device name ("CON.tar" → "CON_.tar": Windows checks the part
 * before the first dot, ignoring trailing spaces). */
function unreserved(stem: string): string {
  const first = (stem.split('.')[0] ?? '').trimEnd()
  return RESERVED.test(first) ? `${first}_${stem.slice(first.length)}` : stem
}

/** The title as a file-name stem: forbidden characters replaced, white space collapsed. */
function stemOf(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(INVISIBLE, ' ')
    .replace(FORBIDDEN, (ch) => REPLACEMENTS[ch] ?? '')
    .replace(/\s+/gu, ' ')
  return unreserved(trimEnds(cleaned))
}

/** `stem` plus `suffix` and `ext`, the stem shortened so the whole fits the byte limit. */
function fitted(stem: string, suffix: string, ext: string): string {
  const room = MAX_FILE_NAME_BYTES - utf8Length(suffix) - utf8Length(ext)
  const cut = unreserved(trimEnds(truncateBytes(stem, Math.max(0, room))))
  return `${cut || FALLBACK_NAME}${suffix}${ext}`
}

/**
 * A safe, unused file name for `title` with extension `ext` ("md" or ".md"): forbidden
 * characters (`<>:"/\|?*`), controls and bidi overrides replaced; no reserved Windows name
 * (CON, PRN, AUX, NUL, COM0–9, LPT0–9, with any extension or case); no leading or trailing dots
 * or spaces; at most 120 UTF-8 bytes without splitting a character; "briefing" when nothing is
 * left. If the name is in `taken` (case-insensitively, as on Windows and macOS) " (2)", " (3)"…
 * is added. The name returned is added to `taken`, so a batch export can call this in a loop.
 */
export function safeFileName(title: string, ext: string, taken: Set<string>): string {
  const extension = ext === '' || ext.startsWith('.') ? ext : `.${ext}`
  const stem = stemOf(title) || FALLBACK_NAME
  const lower = new Set([...taken].map((name) => name.normalize('NFC').toLowerCase()))
  let name = fitted(stem, '', extension)
  for (let n = 2; lower.has(name.toLowerCase()); n++) name = fitted(stem, ` (${n})`, extension)
  taken.add(name)
  return name
}
