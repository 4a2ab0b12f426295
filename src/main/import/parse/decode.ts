// Turns the bytes of an imported file into text: checks the name and size, refuses empty, binary
// and mis-encoded files with a message naming the file, decodes UTF-8/UTF-16, canonicalises lines.

import { checkImportName, quoteName } from './file-name'
import { checkFileSize, IMPORT_LIMITS, type ImportLimits } from './limits'
import type { ImportFailure } from './types'

export { IMPORT_LIMITS, type ImportLimits } from './limits'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be'

/** A decoded file: NFC text with "\n" line ends and no byte order mark. */
export interface DecodedFile {
  /** The checked file name (NFC). */
  name: string
  text: string
  encoding: TextEncodingName
}

// Formats that are not text, recognised by their first bytes, so the message can say what they are.
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive (Word, OpenDocument and EPUB files are)'
  },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old-style Office document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' }
]

/** Share of control characters (other than tab, line feed, form feed, return) that means binary. */
const MAX_CONTROL_RATIO = 0.01
/** How much of the text the control-character count looks at. */
const SAMPLE_CHARS = 65_536

/**
 * Decodes an imported file. UTF-8 (with or without a byte order mark) and UTF-16 LE/BE with a byte
 * order mark are accepted; the text is returned in NFC with CRLF and CR turned into LF. Refused,
 * each with a message naming the file: a bad name (see checkImportName), a file over
 * `limits.maxFileBytes`, an empty or blank file, a binary file (known signature, NUL bytes or many
 * control characters), invalid UTF-8 (with the byte offset), UTF-32, truncated UTF-16.
 */
export function decodeImportFile(
  name: string,
  bytes: Uint8Array,
  limits: ImportLimits = IMPORT_LIMITS
): DecodedFile | ImportFailure {
  const checked = checkImportName(name)
  if ('error' in checked) return checked
  const shown = quoteName(checked.name)
  const tooLarge = checkFileSize(checked.name, bytes.byteLength, limits)
  if (tooLarge) return tooLarge
  if (bytes.byteLength === 0) return { error: `${shown} is empty (0 bytes).` }

  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes))
  if (signature) {
    return { error: `${shown} is ${signature.what}, not a text file; save it as text or HTML.` }
  }
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return { error: `${shown} is encoded as UTF-32, which is not supported; save it as UTF-8.` }
  }

  const encoding: TextEncodingName = startsWith(bytes, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(bytes, [0xfe, 0xff])
      ? 'utf-16be'
      : 'utf-8'
  if (encoding !== 'utf-8' && bytes.byteLength % 2 !== 0) {
    return { error: `${shown} is cut short: UTF-16 text must have an even number of bytes.` }
  }
  if (encoding === 'utf-8' && bytes.includes(0)) {
    const hint = looksLikeUtf16(bytes) ? ' (or UTF-16 text without a byte order mark)' : ''
    return { error: `${shown} is a binary file${hint}, not text: it contains NUL bytes.` }
  }

  let text: string
  try {
    // fatal: refuse malformed input instead of silently inserting U+FFFD; the BOM is dropped.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return { error: describeInvalid(shown, encoding, bytes) }
  }

  if (controlRatio(text) > MAX_CONTROL_RATIO) {
    return { error: `${shown} is a binary file, not text: it is full of control characters.` }
  }
  text = text.replace(/\r\n?/g, '\n').normalize('NFC')
  if (text.trim() === '') return { error: `${shown} contains only blank space, no text.` }
  return { name: checked.name, text, encoding }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte)
}

/** Many NULs at odd (or even) positions only: ASCII text stored as UTF-16. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 4096)
  let even = 0
  let odd = 0
  for (let i = 0; i < sample; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++
      else odd++
    }
  }
  return Math.max(even, odd) > sample / 4 && Math.min(even, odd) === 0
}

/** Share of control characters in the first SAMPLE_CHARS characters. */
function controlRatio(text: string): number {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0
  return sample.length === 0 ? 0 : controls / sample.length
}

function describeInvalid(shown: string, encoding: TextEncodingName, bytes: Uint8Array): string {
  if (encoding !== 'utf-8') {
    return `${shown} is not valid ${encoding.toUpperCase()}: it contains an unpaired surrogate.`
  }
  const at = firstInvalidUtf8(bytes)
  const byte = bytes[at] ?? 0
  return (
    `${shown} is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} ` +
    `at offset ${at.toLocaleString('en-GB')} is not part of a UTF-8 character. ` +
    'It may be in another encoding (such as Windows-1252); save it as UTF-8 and import it again.'
  )
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence (the start of the
 * bad sequence), or -1 when the whole buffer is valid. Overlong forms and surrogates are invalid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const lead = bytes[i] as number
    if (lead < 0x80) {
      i++
      continue
    }
    let length: number
    let min = 0x80
    let max = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) min = 0xa0
      if (lead === 0xed) max = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) min = 0x90
      if (lead === 0xf4) max = 0x8f
    } else return i
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf]
      if (next === undefined || next < lo || next > hi) return i
    }
    i += length
  }
  return -1
}
