// The on-disk form of a cached shard: a JSON header (what the shard holds, its terms and stored
// sections) followed by the posting arrays as raw little-endian 32-bit integers, so loading them
// is a copy, not a parse, then an optional tail of raw bytes (the sections' texts, as UTF-8: one
// decode instead of JSON.parse of megabytes of strings). Weights are stored ×1000: lunr rounds
// them to 3 decimals anyway. A CRC-32 over the whole file makes a flipped bit a damaged file
// (rebuilt), not another index.

import { crc32 } from 'node:zlib'

import { toMillis } from './posting-index'
import type { MilliPostingArrays, PostingArrays } from './posting-index'

/** 'BRX3': files with a checksum and a tail. Older files are not read: their shards get rebuilt. */
const MAGIC = 'BRX3'
/** 'BRIX' (no checksum) and 'BRX2' (no tail). */
const OLDER_MAGICS = new Set(['BRIX', 'BRX2'])

/** A posting file of an older format: not damaged, just rebuilt. */
export class OlderPostingFile extends Error {}
/**
 * MAGIC, the header's byte length (uint32 LE), the CRC-32 of every other byte of the file
 * (uint32 LE), then the header, padded to 4 bytes.
 */
const PREFIX = 12
const CHECKSUM_AT = 8

/** The header fields the arrays need; the caller adds its own. */
export interface PostingHeader {
  fields: readonly string[]
  documentCount: number
  terms: readonly string[]
  /** Integers in the body: offsets, documents and weights, one after the other. */
  lengths: [number, number, number]
  /** Bytes of the tail after the integers. */
  tail: number
}

export function encodePostingFile(
  header: object,
  arrays: PostingArrays | MilliPostingArrays,
  tail: Uint8Array = new Uint8Array(0)
): Buffer {
  const weights = 'weightMillis' in arrays ? arrays.weightMillis : toMillis(arrays.weights)
  const own: PostingHeader = {
    fields: arrays.fields,
    documentCount: arrays.documentCount,
    terms: arrays.terms,
    lengths: [arrays.offsets.length, arrays.documents.length, weights.length],
    tail: tail.length
  }
  const json = Buffer.from(JSON.stringify({ ...header, postings: own }), 'utf8')
  const padded = Math.ceil(json.length / 4) * 4
  const prefix = Buffer.alloc(PREFIX + padded, 0x20)
  prefix.write(MAGIC, 0, 'latin1')
  prefix.writeUInt32LE(json.length, 4)
  json.copy(prefix, PREFIX)
  const integers = [arrays.offsets, arrays.documents, weights].map(bytesOf)
  const file = Buffer.concat([prefix, ...integers, tail])
  file.writeUInt32LE(checksumOf(file), CHECKSUM_AT)
  return file
}

/** CRC-32 of the file without its checksum field. */
function checksumOf(file: Buffer): number {
  return crc32(file.subarray(PREFIX), crc32(file.subarray(0, CHECKSUM_AT)))
}

/**
 * The header, arrays and tail (a view of `file`) of a posting file; throws on a file that is
 * damaged or not one, and OlderPostingFile on one of an older format.
 */
export function decodePostingFile<H extends object>(
  file: Buffer
): { header: H; arrays: PostingArrays; tail: Buffer } {
  const { header, arrays, tail } = decodeMilliPostingFile<H>(file)
  const { weightMillis, ...rest } = arrays
  const weights = new Float64Array(weightMillis.length)
  for (let i = 0; i < weights.length; i++) weights[i] = weightMillis[i]! / 1000
  return { header, arrays: { ...rest, weights }, tail }
}

/** decodePostingFile with the weights as the file holds them, × 1000 (what PostingIndex keeps). */
export function decodeMilliPostingFile<H extends object>(
  file: Buffer
): { header: H; arrays: MilliPostingArrays; tail: Buffer } {
  const magic = file.length < PREFIX ? '' : file.toString('latin1', 0, 4)
  if (OLDER_MAGICS.has(magic)) throw new OlderPostingFile(`posting file of format ${magic}`)
  if (magic !== MAGIC) throw new Error('not a posting file')
  const length = file.readUInt32LE(4)
  const bodyStart = PREFIX + Math.ceil(length / 4) * 4
  const parsed = JSON.parse(file.toString('utf8', PREFIX, PREFIX + length)) as H & {
    postings: PostingHeader
  }
  const { postings, ...header } = parsed
  const [offsetCount, postingCount, weightCount] = postings.lengths
  const integers = offsetCount + postingCount + weightCount
  const tailStart = bodyStart + integers * 4
  if (!Number.isInteger(postings.tail) || file.length !== tailStart + postings.tail) {
    throw new Error('posting file: wrong length')
  }
  const body = int32s(file, bodyStart, integers)
  const offsets = body.subarray(0, offsetCount)
  const documents = body.subarray(offsetCount, offsetCount + postingCount)
  const weightMillis = body.subarray(offsetCount + postingCount)
  checkArrays(postings, offsets, documents, weightCount)
  // Last, so the checks above name what is wrong with a file that is damaged beyond a bit flip.
  if (file.readUInt32LE(CHECKSUM_AT) !== checksumOf(file)) {
    throw new Error('posting file: checksum mismatch')
  }
  return {
    header: header as unknown as H,
    arrays: {
      fields: postings.fields,
      documentCount: postings.documentCount,
      terms: postings.terms,
      offsets: offsets.slice(),
      documents: documents.slice(),
      weightMillis: weightMillis.slice()
    },
    tail: file.subarray(tailStart)
  }
}

/** A damaged file must fail here, not index past an array's end while a query runs. */
function checkArrays(
  postings: PostingHeader,
  offsets: Int32Array,
  documents: Int32Array,
  weightCount: number
): void {
  const slots = postings.terms.length * postings.fields.length
  let consistent =
    offsets.length === slots + 1 &&
    offsets[0] === 0 &&
    offsets[slots] === documents.length &&
    weightCount === documents.length
  // Plain loops: a start checks millions of these.
  for (let i = 1; consistent && i < offsets.length; i++) consistent = offsets[i]! >= offsets[i - 1]!
  const count = postings.documentCount
  for (let i = 0; consistent && i < documents.length; i++) {
    consistent = documents[i]! >= 0 && documents[i]! < count
  }
  if (!consistent) throw new Error('posting file: offsets and postings disagree')
}

function bytesOf(array: Int32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength)
}

/** Int32 view of `count` integers at `start`; copied when the buffer is not 4-byte aligned. */
function int32s(file: Buffer, start: number, count: number): Int32Array {
  const at = file.byteOffset + start
  if (at % 4 === 0) return new Int32Array(file.buffer, at, count)
  return new Int32Array(file.buffer.slice(at, at + count * 4))
}
