// Word import on real files (LibreOffice's .docx of the test briefing) and on broken ones: cut
// short, a PDF named .docx, an OpenDocument file, and two ZIP bombs (an honest and a lying one).

import { deflateRawSync } from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { BRIEFING, formatFixture, STRUCTURE } from '../../../test-support/import-formats'
import { parseDocx } from './docx'
import { IMPORT_LIMITS } from './limits'
import type { ParsedDocument } from './types'
import { checkZip } from './zip-guard'

async function parsed(path: string): Promise<ParsedDocument> {
  const result = await parseDocx(path.split('/').pop()!, formatFixture(path))
  if ('error' in result) throw new Error(result.error)
  return result
}

async function refused(path: string, limits = IMPORT_LIMITS): Promise<string> {
  const result = await parseDocx(path.split('/').pop()!, formatFixture(path), limits)
  if (!('error' in result)) throw new Error(`expected ${path} to be refused`)
  return result.error
}

describe('Word import: a LibreOffice .docx', { timeout: 30_000 }, () => {
  it('takes headings from Heading styles, lists as items, tables a row per paragraph', async () => {
    const doc = await parsed('briefing.docx')
    expect(doc.sections.map((s) => s.heading)).toEqual(BRIEFING.headings)
    const route = doc.sections.find((s) => s.heading === 'Background › The resupply route')
    expect(route?.paragraphs.slice(1)).toEqual(BRIEFING.listItems)
    const responses = doc.sections.find((s) => s.heading === 'Responses')
    expect(responses?.paragraphs.slice(2)).toEqual(BRIEFING.tableRows)
  })

  it('takes title, author and date from the file properties, and drops soft hyphens', async () => {
    const doc = await parsed('briefing.docx')
    expect(doc.title).toBe(BRIEFING.title)
    expect(doc.source).toBe(BRIEFING.author)
    expect(doc.published).toMatch(/^2024-06-18/)
    expect(doc.sections.at(-1)?.paragraphs.at(-1)).toBe(BRIEFING.closing)
  })
})

describe('Word import: structure', { timeout: 30_000 }, () => {
  it('keeps nested and numbered lists, code (by style or font), a header row and a quotation', async () => {
    const doc = await parsed('structure.docx')
    expect(doc.title).toBe(STRUCTURE.title)
    expect(doc.sections).toEqual(STRUCTURE.sections)
  })
})

describe('Word import: broken files', () => {
  it('refuses a file cut short and a PDF named .docx', async () => {
    expect(await refused('broken/truncated.docx')).toBe(
      '"truncated.docx" is cut short or damaged: it is not a complete ZIP archive.'
    )
    expect(await refused('broken/pdf-file.docx')).toBe(
      '"pdf-file.docx" is not a Word document (.docx): it is not a ZIP archive.'
    )
  })

  it('refuses an OpenDocument file: no kept library reads it', async () => {
    expect(await refused('briefing.odt')).toBe(
      '"briefing.odt" is an OpenDocument file, which the app cannot import yet; save it as Word ' +
        '(.docx) or PDF and import that.'
    )
  })

  it('refuses a ZIP bomb by the sizes its directory states, before unpacking', async () => {
    expect(await refused('broken/zip-bomb.docx')).toBe(
      '"zip-bomb.docx" unpacks to 1,024 MB; the limit is 100 MB unpacked per file (this may be a ' +
        '"ZIP bomb").'
    )
  })

  it('refuses a ZIP bomb that understates its sizes, while unpacking (never in full)', async () => {
    expect(await refused('broken/lying-bomb.docx')).toBe(
      '"lying-bomb.docx" is damaged or hostile: the part "word/document.xml" unpacks to more than ' +
        'the archive states (this may be a "ZIP bomb").'
    )
  })

  it('holds a real file to the unpacked limit too', async () => {
    const limits = { ...IMPORT_LIMITS, maxUnpackedBytes: 10_000 }
    expect(await refused('briefing.docx', limits)).toMatch(
      /^"briefing\.docx" unpacks to [\d.,]+ kB; the limit is 9\.8 kB unpacked per file/
    )
  })

  it('refuses a ZIP that is not a Word document', async () => {
    expect(await refused('broken/not-word.docx')).toBe(
      '"not-word.docx" is a ZIP archive but not a Word document (no word/document.xml).'
    )
  })
})

describe('checkZip', () => {
  it('lists the parts of a small archive with their sizes', () => {
    const entries = checkZip('x.zip', zipOf('a.txt', 'hello hello hello'), 1000)
    expect(entries).toEqual([
      { name: 'a.txt', method: 8, compressedSize: expect.any(Number), size: 17, localOffset: 0 }
    ])
  })
})

/** A one-part ZIP archive (deflated), written by hand as the format describes. */
function zipOf(name: string, text: string): Uint8Array {
  const data = new TextEncoder().encode(text)
  const packed = deflateRawSync(data)
  const nameBytes = new TextEncoder().encode(name)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(packed.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(nameBytes.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(packed.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(nameBytes.length, 28)
  central.writeUInt32LE(0, 42)
  const directoryAt = 30 + nameBytes.length + packed.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(46 + nameBytes.length, 12)
  end.writeUInt32LE(directoryAt, 16)
  return new Uint8Array(Buffer.concat([local, nameBytes, packed, central, nameBytes, end]))
}

describe('Word import: pictures', () => {
  it('leaves a picture out, keeping the text around it', async () => {
    const doc = await parsed('with-image.docx')
    expect(doc.lead).toEqual(['Before the chart.', 'After the chart.'])
    expect(doc.warnings).toEqual(['1 picture was left out (text only is imported).'])
  })
})
