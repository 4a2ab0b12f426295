// The one canonical form of section text, which import produces, dataset validation demands and
// every highlight's offsets are measured on: its rules, stated once.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  canonicalText,
  findWholeWord,
  firstNonNfcOffset,
  isCanonicalText,
  plainlyNfc,
  splitParagraphs
} from './canonical-text'

describe('canonicalText', () => {
  it('composes to NFC', () => {
    expect(canonicalText('cafe\u0301')).toBe('caf\u00e9')
  })
  it('folds CRLF and CR, splits paragraphs on blank lines and joins them with one blank line', () => {
    expect(canonicalText('One.\r\n\r\nTwo.\r\rThree.')).toBe('One.\n\nTwo.\n\nThree.')
    expect(canonicalText('One.\n \t\nTwo.\n\n\n\nThree.')).toBe('One.\n\nTwo.\n\nThree.')
  })
  it('collapses ASCII whitespace inside a paragraph, including single newlines, to one space', () => {
    expect(canonicalText('Line one.\r\nline\t two.\nend')).toBe('Line one. line two. end')
  })
  it('keeps no-break and other Unicode spaces inside a paragraph as content', () => {
    expect(canonicalText('10\u00a0km  and\u2009more')).toBe('10\u00a0km and\u2009more')
  })
  it('trims paragraphs and drops empty ones, so there is no leading or trailing whitespace', () => {
    expect(canonicalText('\n\n  One.  \n\n \n\n Two. \n')).toBe('One.\n\nTwo.')
    expect(canonicalText(' \r\n \n')).toBe('')
  })
  it('is idempotent and returns NFC text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = canonicalText(s)
        expect(canonicalText(once)).toBe(once)
        expect(firstNonNfcOffset(once)).toBe(-1)
      })
    )
  })
  it('gives the paragraphs it joins', () => {
    expect(splitParagraphs('A  b\n\nC')).toEqual(['A b', 'C'])
    expect(canonicalText('A  b\n\nC')).toBe(splitParagraphs('A  b\n\nC').join('\n\n'))
  })
})

describe('isCanonicalText', () => {
  it('says of NFC text what comparing it with its canonical form says', () => {
    for (const text of ['', 'One.', 'One two.\n\nThree.', '10\u00a0km', 'a\u2009b']) {
      expect(isCanonicalText(text), JSON.stringify(text)).toBe(true)
    }
    for (const text of [
      ' One.',
      'One.\n',
      'a\nb',
      'a\n\n\nb',
      'a  b',
      'a\tb',
      '\u00a0a',
      'a\n\n'
    ]) {
      expect(isCanonicalText(text), JSON.stringify(text)).toBe(false)
    }
    // Every character trim removes (ECMAScript's white space and line terminators), and others.
    const spaces = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2005']
    const more = ['\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
    const content = ['a', 'b', 'é', '\u0085', '\u200b', '\u2009', '\u2019', '\u180e']
    const chars = [...spaces, ...more, ...content]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
        // What it is asked of: text already NFC (U+2000 is not: NFC makes it U+2002).
        const text = parts.join('').normalize('NFC')
        expect(isCanonicalText(text)).toBe(canonicalText(text) === text)
        expect(isCanonicalText(canonicalText(text))).toBe(true)
      }),
      { numRuns: 5000 }
    )
  })

  it('says the same of paragraphs joined by runs of newlines and blanks, any of them failing', () => {
    // Paragraph structure is where the check looks at single characters: one to four paragraphs,
    // joined by one to three newlines with blanks around, so a later paragraph can be the bad one.
    const word = fc.constantFrom('a', 'b é', ' a', 'b ', '\u00a0', 'a\u2028b', '\u2009')
    const paragraph = fc.array(word, { minLength: 0, maxLength: 3 }).map((w) => w.join(''))
    const joint = fc.constantFrom('\n', '\n\n', '\n\n\n', ' \n\n', '\n\n ', '\n \n')
    fc.assert(
      fc.property(
        fc.array(fc.tuple(paragraph, joint), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (parts, trailing) => {
          const text = parts
            .map(([p, j], i) => (i < parts.length - 1 || trailing ? p + j : p))
            .join('')
          expect(isCanonicalText(text), JSON.stringify(text)).toBe(canonicalText(text) === text)
        }
      ),
      { numRuns: 5000 }
    )
  })
})

describe('firstNonNfcOffset', () => {
  it('finds where text stops being NFC', () => {
    expect(firstNonNfcOffset('caf\u00e9')).toBe(-1)
    expect(firstNonNfcOffset('cafe\u0301')).toBe(3)
    expect(firstNonNfcOffset('\u2018cafe\u0301\u2019')).toBe(4)
    // Singletons NFC replaces (an en quad, the ohm and kelvin signs), beside plain text.
    expect(firstNonNfcOffset('a\u2000b')).toBe(1)
    expect(firstNonNfcOffset('ab \u2126')).toBe(3)
    expect(firstNonNfcOffset('\u212a')).toBe(0)
  })

  it('takes text of only the code units NFC leaves as they are for NFC without normalising it', () => {
    // Every code unit the fast path takes for NFC alone.
    const plain: string[] = []
    for (let code = 0; code < 0x10000; code++) {
      if (plainlyNfc(String.fromCharCode(code))) plain.push(String.fromCharCode(code))
    }
    // Each alone and every pair: NFC only composes neighbours, and these have no combining class.
    const notNfc: string[] = []
    for (const a of plain) {
      if (a.normalize('NFC') !== a) notNfc.push(a)
      for (const b of plain) if ((a + b).normalize('NFC') !== a + b) notNfc.push(a + b)
    }
    expect(notNfc).toEqual([])
    expect(plain.length).toBeGreaterThan(0x300)
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...plain)), (parts) => {
        expect(firstNonNfcOffset(parts.join(''))).toBe(-1)
      })
    )
  })
})

describe('findWholeWord', () => {
  it('finds a surface only where it is not glued to a word on either side', () => {
    expect(findWholeWord('Japan and Japanese; (Japan)', 'Japan')).toEqual([0, 21])
    expect(findWholeWord('Kishida met Kishi.', 'Kishi')).toEqual([12])
    expect(findWholeWord('anything', '')).toEqual([])
  })
})
