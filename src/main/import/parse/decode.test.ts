// Decoding imported files: encodings, line ends, and every bad input named in the import issue.

import { describe, expect, it } from 'vitest'

import { decodeImportFile, firstInvalidUtf8, IMPORT_LIMITS } from './decode'
import { checkImportName } from './file-name'
import { checkFileSize } from './limits'
import { utf8 } from '../../../test-support/import'

function decoded(name: string, bytes: Uint8Array, limits = IMPORT_LIMITS) {
  const result = decodeImportFile(name, bytes, limits)
  if ('error' in result) throw new Error(result.error)
  return result
}

function refused(name: string, bytes: Uint8Array, limits = IMPORT_LIMITS): string {
  const result = decodeImportFile(name, bytes, limits)
  if (!('error' in result)) throw new Error(`expected ${name} to be refused`)
  return result.error
}

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]
    bytes[2 + i * 2] = first
    bytes[3 + i * 2] = second
  }
  return bytes
}

describe('decodeImportFile: good input', () => {
  it('decodes UTF-8, turning CRLF and CR into LF and composing to NFC', () => {
    const result = decoded('a.txt', utf8('Caf\u0065\u0301 line\r\nnext\rlast'))
    expect(result).toEqual({ name: 'a.txt', text: 'Café line\nnext\nlast', encoding: 'utf-8' })
  })

  it('strips a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Tokyo')])
    expect(decoded('bom.txt', bytes).text).toBe('Tokyo')
  })

  it('decodes UTF-16 LE and BE with a byte order mark', () => {
    const text = 'PM Modi’s visit — 東京 🇯🇵\r\nDone'
    expect(decoded('le.txt', utf16(text, 'le'))).toMatchObject({
      text: 'PM Modi’s visit — 東京 🇯🇵\nDone',
      encoding: 'utf-16le'
    })
    expect(decoded('be.txt', utf16(text, 'be'))).toMatchObject({
      text: 'PM Modi’s visit — 東京 🇯🇵\nDone',
      encoding: 'utf-16be'
    })
  })

  it('accepts tabs and form feeds, and a file exactly at the size limit', () => {
    expect(decoded('t.txt', utf8('a\tb\fc')).text).toBe('a\tb\fc')
    const limits = { ...IMPORT_LIMITS, maxFileBytes: 5 }
    expect(decoded('t.txt', utf8('12345'), limits).text).toBe('12345')
  })
})

describe('decodeImportFile: bad input gets a specific message naming the file', () => {
  it('refuses an empty file and a blank one', () => {
    expect(refused('empty.md', new Uint8Array())).toBe('"empty.md" is empty (0 bytes).')
    expect(refused('blank.txt', utf8(' \n\t\n'))).toMatch(/^"blank\.txt" contains only blank space/)
    expect(refused('bom-only.txt', new Uint8Array([0xef, 0xbb, 0xbf]))).toMatch(/"bom-only\.txt"/)
  })

  it('refuses binary files: known signatures, NUL bytes, control characters', () => {
    expect(refused('scan.pdf', utf8('%PDF-1.7\n...'))).toMatch(/"scan\.pdf" is a PDF document/)
    expect(refused('notes.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatch(
      /"notes\.docx" is a ZIP archive/
    )
    expect(refused('img.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10]))).toMatch(/PNG/)
    expect(refused('data.bin', new Uint8Array([1, 2, 0, 3, 4]))).toMatch(
      /^"data\.bin" is a binary file, not text: it contains NUL bytes/
    )
    const controls = utf8('text' + '\u0001\u0002\u0003'.repeat(10))
    expect(refused('ctl.txt', controls)).toMatch(/"ctl\.txt" is a binary file.*control characters/)
  })

  it('hints at UTF-16 without a byte order mark', () => {
    const le = utf16('Hello world, this is text', 'le').slice(2)
    expect(refused('u16.txt', le)).toMatch(/or UTF-16 text without a byte order mark/)
  })

  it('refuses invalid UTF-8, saying at which byte offset', () => {
    const latin1 = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' au lait')])
    expect(refused('latin1.txt', latin1)).toMatch(
      /^"latin1\.txt" is not valid UTF-8: byte 0xE9 at offset 3 .*Windows-1252/
    )
    const late = new Uint8Array([...utf8('x'.repeat(1500)), 0xff])
    expect(refused('late.txt', late)).toMatch(/byte 0xFF at offset 1,500/)
  })

  it('refuses UTF-32 and truncated UTF-16', () => {
    expect(refused('u32.txt', new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toMatch(/UTF-32/)
    expect(refused('odd.txt', new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42]))).toMatch(/cut short/)
    expect(refused('lone.txt', new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0]))).toMatch(
      /not valid UTF-16LE/
    )
  })

  it('refuses a file over the size limit before looking at its content', () => {
    const limits = { ...IMPORT_LIMITS, maxFileBytes: 4 }
    expect(refused('big.txt', utf8('12345'), limits)).toBe(
      '"big.txt" is too large to import (5 bytes); the limit is 4 bytes per file.'
    )
  })

  it('refuses a 200 MB file with the default limit (sizes from stat, and a lazily zeroed buffer)', () => {
    expect(checkFileSize('huge.txt', 200 * 1024 * 1024)?.error).toBe(
      '"huge.txt" is too large to import (200 MB); the limit is 20 MB per file.'
    )
    // Zero-filled pages are not touched: the size check comes first, so this stays cheap.
    const huge = new Uint8Array(new ArrayBuffer(200 * 1024 * 1024))
    expect(refused('huge.txt', huge)).toMatch(/^"huge\.txt" is too large to import \(200 MB\)/)
  })

  it('refuses names that are paths, device names or contain control characters', () => {
    expect(refused('../../x.md', utf8('# Hi'))).toBe(
      '"../../x.md": the file name contains a path; only a plain file name is accepted.'
    )
    expect(refused('..\\evil.txt', utf8('x'))).toMatch(/contains a path/)
    expect(refused('CON.txt', utf8('x'))).toBe(
      '"CON.txt": the file name is a reserved device name on Windows; rename the file.'
    )
    expect(refused('lpt1', utf8('x'))).toMatch(/reserved device name/)
    expect(refused('a\u0000b.txt', utf8('x'))).toBe(
      '"a\\u0000b.txt": the file name contains control characters; rename the file.'
    )
    expect(refused('report\u202Etxt.exe', utf8('x'))).toMatch(/"report\\u202etxt\.exe": .*control/)
    expect(refused('', utf8('x'))).toMatch(/without a name/)
    expect(refused(`${'n'.repeat(300)}.txt`, utf8('x'))).toMatch(/longer than 255 characters/)
  })
})

describe('checkImportName', () => {
  it('accepts ordinary names, including ones that merely contain dots or device-like words', () => {
    for (const name of [
      'briefing.txt',
      'console.md',
      'CONTENT.txt',
      'a..b.md',
      '東京 briefing.html'
    ]) {
      expect(checkImportName(name)).toEqual({ name })
    }
  })
})

describe('firstInvalidUtf8', () => {
  it('finds overlong forms, surrogates, truncation and stray continuation bytes', () => {
    expect(firstInvalidUtf8(utf8('ok ✓ 🇯🇵'))).toBe(-1)
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1)
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0)
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xe2, 0x82]))).toBe(2)
    expect(firstInvalidUtf8(new Uint8Array([0x80]))).toBe(0)
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0)
  })
})
