// Checks a ZIP archive (a Word file) before a library unpacks it: a complete archive whose parts,
// all together, unpack to no more than the limit, checked on the real data, not only on what the
// archive's directory claims, so a ZIP bomb is refused without ever being unpacked in full.

import { inflateRawSync } from 'node:zlib'

import { quoteName } from './file-name'
import { formatBytes } from './limits'
import type { ImportFailure } from './types'

/** Most parts an archive may have (a Word file has a few dozen). */
const MAX_ENTRIES = 10_000
const END_OF_DIRECTORY = 0x06054b50
const ZIP64_END_LOCATOR = 0x07064b50
const CENTRAL_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

/**
 * The archive's parts, after checking that each unpacks to the size its directory states and all
 * together to at most `maxUnpackedBytes`; or a message naming the file.
 */
export function checkZip(
  name: string,
  bytes: Uint8Array,
  maxUnpackedBytes: number
): ZipEntry[] | ImportFailure {
  const shown = quoteName(name)
  const entries = readDirectory(bytes)
  if (typeof entries === 'string') return { error: `${shown} ${entries}` }
  const bomb = (what: string) => ({
    error:
      `${shown} unpacks to ${what}; the limit is ${formatBytes(maxUnpackedBytes)} unpacked ` +
      'per file (this may be a "ZIP bomb").'
  })
  const lie = (part: string) => ({
    error:
      `${shown} is damaged or hostile: the part "${part}" unpacks to more than the archive ` +
      'states (this may be a "ZIP bomb").'
  })
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0)
  if (declared > maxUnpackedBytes) return bomb(formatBytes(declared))
  let total = 0
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (const entry of entries) {
    const at = entry.localOffset
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
      return { error: `${shown} is damaged: the part "${entry.name}" is missing.` }
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
    const data = bytes.subarray(start, start + entry.compressedSize)
    if (data.length < entry.compressedSize) {
      return { error: `${shown} is cut short: the part "${entry.name}" is incomplete.` }
    }
    let size: number
    if (entry.method === 0) size = data.length
    else if (entry.method === 8) {
      try {
        // One byte over the stated size is enough to know the directory lied.
        size = inflateRawSync(data, { maxOutputLength: entry.size + 1 }).length
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return lie(entry.name)
        }
        return { error: `${shown} is damaged: the part "${entry.name}" cannot be unpacked.` }
      }
    } else {
      return {
        error: `${shown} uses a compression method the app does not read (${entry.method}).`
      }
    }
    if (size !== entry.size) {
      return size > entry.size
        ? lie(entry.name)
        : { error: `${shown} is damaged: the part "${entry.name}" is shorter than stated.` }
    }
    total += size
    if (total > maxUnpackedBytes) return bomb(`more than ${formatBytes(maxUnpackedBytes)}`)
  }
  return entries
}

/** The central directory's entries, or why the archive is not a complete ZIP. */
function readDirectory(bytes: Uint8Array): ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) return 'is cut short or damaged: it is not a complete ZIP archive.'
  let count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  const locator = end - 20
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_END_LOCATOR) {
    const record = Number(view.getBigUint64(locator + 8, true))
    if (record + 56 > bytes.length) return 'is damaged: its ZIP64 directory is missing.'
    count = Number(view.getBigUint64(record + 32, true))
    offset = Number(view.getBigUint64(record + 48, true))
  }
  if (count > MAX_ENTRIES) return `has ${count} parts; a document has at most ${MAX_ENTRIES}.`
  const entries: ZipEntry[] = []
  let at = offset
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_ENTRY) {
      return 'is damaged: its ZIP directory is incomplete.'
    }
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
    const entry: ZipEntry = {
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true)
    }
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry)
    entries.push(entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Sizes and offset too large for 32 bits are in the ZIP64 extra field, in this order. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const MAX = 0xffffffff
  let at = start
  while (at + 4 <= start + length && at + 4 <= view.byteLength) {
    const id = view.getUint16(at, true)
    const size = view.getUint16(at + 2, true)
    if (id === 0x0001) {
      let field = at + 4
      const next = () => {
        const value = field + 8 <= view.byteLength ? Number(view.getBigUint64(field, true)) : 0
        field += 8
        return value
      }
      if (entry.size === MAX) entry.size = next()
      if (entry.compressedSize === MAX) entry.compressedSize = next()
      if (entry.localOffset === MAX) entry.localOffset = next()
      return
    }
    at += 4 + size
  }
}
