// The written-out list of characters whose lower case holds ASCII, against the case mappings of
// the Node the tests run on (Electron's differs only if its Unicode adds such a character).

import { describe, expect, it } from 'vitest'

import { LOWERS_TO_ASCII } from './word-starts'

describe('LOWERS_TO_ASCII', () => {
  it('matches exactly the characters outside ASCII whose lower case holds ASCII', () => {
    const lowerToAscii: string[] = []
    const matched: string[] = []
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const char = String.fromCodePoint(code)
      const hex = code.toString(16)
      if ([...char.toLowerCase()].some((c) => c.charCodeAt(0) < 0x80)) lowerToAscii.push(hex)
      if (LOWERS_TO_ASCII.test(char)) matched.push(hex)
    }
    expect(matched).toEqual(lowerToAscii)
    // The two the marker's fallback exists for (mark-terms.test.ts marks words with them).
    expect(lowerToAscii).toEqual(['130', '212a'])
  })
})
