// Unit tests of the chunked base64 encoding: equals one-shot btoa across chunk boundaries.

import { describe, expect, it } from 'vitest'

import { bytesToBase64 } from './base64'

/** The unchunked reference: the whole binary string at once. */
function reference(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

describe('bytesToBase64', () => {
  it('encodes empty and short inputs', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('')
    expect(bytesToBase64(new TextEncoder().encode('héllo'))).toBe('aMOpbGxv')
  })

  it('encodes large inputs across chunk boundaries without padding in between', () => {
    for (const size of [24575, 24576, 24577, 1_000_003]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31) % 256)
      expect(bytesToBase64(bytes)).toBe(reference(bytes))
    }
  })
})
