// safeFileName: reserved Windows names, forbidden and invisible characters, dots and spaces at the
// ends, the 120-byte limit without splitting characters, and case-insensitive collisions.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { FALLBACK_NAME, MAX_FILE_NAME_BYTES, safeFileName } from './filenames'

const name = (title: string, taken: string[] = []): string =>
  safeFileName(title, 'md', new Set(taken))

/** Everything a name must satisfy on Windows, macOS and Linux. */
function assertPortable(file: string): void {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  expect(file).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f]/)
  expect(file).not.toMatch(/^[.\s]/u)
  expect(file.replace(/\.md$/, '')).not.toMatch(/[.\s]$/u)
  expect(file.split('.')[0]?.trimEnd()).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i)
  expect(Buffer.byteLength(file)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
  expect(file).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
}

describe('safeFileName', () => {
  it('keeps an ordinary title readable', () => {
    expect(name('PM Modi in Tokyo: QUAD Leaders Summit and the India–Japan bilateral')).toBe(
      'PM Modi in Tokyo - QUAD Leaders Summit and the India–Japan bilateral.md'
    )
    expect(safeFileName('Notes', '.json', new Set())).toBe('Notes.json')
  })

  it('replaces the characters Windows forbids and drops controls', () => {
    expect(name('a<b>c:d"e/f\\g|h?i*j')).toBe("abc -d'e-f-g-hij.md")
    expect(name('tab\there\nnew\u0000line\u007f')).toBe('tab here new line.md')
  })

  it('drops bidi overrides that disguise an extension', () => {
    expect(name('report\u202Edm.exe')).toBe('report dm.exe.md')
  })

  it.each(['CON', 'con', 'Prn', 'aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹', 'COM0'])(
    'avoids the reserved name %s, also with an extension',
    (reserved) => {
      expect(name(reserved)).toBe(`${reserved}_.md`)
      expect(name(`${reserved}.tar`)).toBe(`${reserved}_.tar.md`)
      expect(name(`${reserved} .txt`)).toBe(`${reserved}_ .txt.md`)
    }
  )

  it('leaves names that only start like reserved ones', () => {
    expect(name('Console report')).toBe('Console report.md')
    expect(name('COM10')).toBe('COM10.md')
  })

  it('strips leading dots and trailing dots and spaces', () => {
    expect(name('..hidden')).toBe('hidden.md')
    expect(name('  Title ends here...  ')).toBe('Title ends here.md')
  })

  it.each(['', '   ', '...', '???', '\u0000\u0001', '\u202E'])(
    'falls back to "briefing" for %j',
    (t) => {
      expect(name(t)).toBe(`${FALLBACK_NAME}.md`)
    }
  )

  it('cuts long titles to 120 UTF-8 bytes without splitting a character or an emoji', () => {
    const cjk = name('日本'.repeat(100))
    expect(Buffer.byteLength(cjk)).toBeLessThanOrEqual(120)
    expect(cjk).toBe(`${'日本'.repeat(19)}日.md`)
    const emoji = name('👩🏽‍💻'.repeat(40))
    expect(emoji).toMatch(/^(👩🏽‍💻)+\.md$/u)
    expect(name('a'.repeat(200)).length).toBe(120)
  })

  it('resolves collisions case-insensitively and records the names it hands out', () => {
    const taken = new Set(['report.MD'])
    expect(safeFileName('Report', 'md', taken)).toBe('Report (2).md')
    expect(safeFileName('REPORT', 'md', taken)).toBe('REPORT (3).md')
    expect(taken).toEqual(new Set(['report.MD', 'Report (2).md', 'REPORT (3).md']))
  })

  it('keeps the counter inside the byte limit', () => {
    const taken = new Set<string>()
    const long = 'x'.repeat(300)
    const first = safeFileName(long, 'md', taken)
    const second = safeFileName(long, 'md', taken)
    expect(second).toBe(`${'x'.repeat(120 - 3 - 4)} (2).md`)
    expect(first).not.toBe(second)
  })

  it('is portable and unique for any title', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 6 }),
        (titles) => {
          const taken = new Set<string>()
          const names = titles.map((t) => safeFileName(t, 'md', taken))
          names.forEach(assertPortable)
          expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
        }
      ),
      { numRuns: 300 }
    )
  })
})
