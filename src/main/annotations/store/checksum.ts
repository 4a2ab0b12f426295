// Checksums on journal lines and snapshots, so bit rot on disk is reported on load instead of
// being read as a different note, time or sequence number.

import { createHash } from 'node:crypto'

/** The field that carries a record's checksum; always the last field written. */
export const CHECKSUM_FIELD = 'c'

/** What a parsed record's checksum says about it. */
export interface Checked {
  /** The record without its checksum field. */
  value: unknown
  /** 'legacy': written before checksums (no field), accepted as it is. */
  status: 'ok' | 'legacy' | 'damaged'
}

/**
 * First 16 hex digits of the SHA-256 of the record's compact JSON (without the checksum). JSON.parse
 * keeps key order, so an undamaged record re-serializes to exactly the text that was summed.
 */
export function checksumOf(value: object): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16)
}

/** `value` with its checksum as the last field. */
export function withChecksum<T extends object>(value: T): T & { [CHECKSUM_FIELD]: string } {
  return { ...value, [CHECKSUM_FIELD]: checksumOf(value) }
}

/** Splits off and verifies the checksum of a parsed record (anything but an object: 'legacy'). */
export function verifyChecksum(json: unknown): Checked {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { value: json, status: 'legacy' }
  }
  if (!Object.hasOwn(json, CHECKSUM_FIELD)) return { value: json, status: 'legacy' }
  const { [CHECKSUM_FIELD]: sum, ...value } = json as Record<string, unknown>
  return { value, status: sum === checksumOf(value) ? 'ok' : 'damaged' }
}
