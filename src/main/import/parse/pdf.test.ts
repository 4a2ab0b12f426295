// PDF import on real files: LibreOffice's "Export as PDF" of one briefing (with and without its
// outline), qpdf's encrypted copies, and broken ones (cut short, a Word file named .pdf, a scan).

import { beforeAll, describe, expect, it } from 'vitest'

import { BRIEFING, formatFixture, STRUCTURE } from '../../../test-support/import-formats'
import { IMPORT_LIMITS } from './limits'
import { parsePdf, pdfDate } from './pdf'
import type { ImportFailure, ParsedDocument, TextPart } from './types'

// Loading pdf.js the first time takes seconds on a loaded machine.
const SLOW = 60_000

async function parsed(path: string): Promise<ParsedDocument> {
  const result = await parsePdf(path.split('/').pop()!, formatFixture(path))
  if ('error' in result) throw new Error(result.error)
  return result
}

async function refused(path: string, limits = IMPORT_LIMITS): Promise<string> {
  const result = await parsePdf(path.split('/').pop()!, formatFixture(path), limits)
  if (!('error' in result)) throw new Error(`expected ${path} to be refused`)
  return (result as ImportFailure).error
}

function section(doc: ParsedDocument, heading: string): TextPart[] {
  const found = doc.sections.find((s) => s.heading === heading)
  if (!found) throw new Error(`no section ${heading}: ${doc.sections.map((s) => s.heading)}`)
  return found.paragraphs
}

describe('PDF import: a LibreOffice export', { timeout: SLOW }, () => {
  let doc: ParsedDocument
  beforeAll(async () => {
    doc = await parsed('briefing.pdf')
  }, SLOW)

  it('takes title, author and date from the document info', () => {
    expect(doc.title).toBe(BRIEFING.title)
    expect(doc.source).toBe(BRIEFING.author)
    // LibreOffice writes the export's date as the creation date.
    expect(doc.published).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('makes sections of the outline headings, sub-headings named under their parent', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(BRIEFING.headings)
    // The title printed on page 1 differs from the info's title: it stays as text.
    expect(doc.lead).toEqual(['Maritime security briefing'])
  })

  it('drops the running header, the footer and the page numbers', () => {
    const text = JSON.stringify(doc)
    expect(text).not.toContain('Weekly briefing')
    expect(text).not.toMatch(/Page \d/)
  })

  it('rebuilds paragraphs from line spacing, across pages, lists and table rows one each', () => {
    const summary = section(doc, 'Summary')
    expect(summary).toHaveLength(2)
    expect(summary[0]).toMatch(/^The Philippine Coast Guard .* the current administration\.$/)
    expect(section(doc, 'Background › The resupply route').slice(1)).toEqual(BRIEFING.listItems)
    // The paragraph before the table runs from page 1 to page 2.
    const responses = section(doc, 'Responses')
    expect(responses[1]).toBe(
      'The European Union called for restraint from all parties and reaffirmed its support for ' +
        'freedom of navigation under international law.'
    )
    expect(responses.slice(2)).toEqual(BRIEFING.tableRows)
  })

  it('reads two columns one after the other and joins words hyphenated at line ends', () => {
    const outlook = section(doc, 'Outlook')
    expect(outlook.slice(0, 6)).toEqual([
      ...BRIEFING.outlook,
      ...BRIEFING.outlook,
      ...BRIEFING.outlook
    ])
    expect(outlook[6]).toBe(BRIEFING.closing)
  })
})

describe('PDF import: structure from typography', { timeout: SLOW }, () => {
  it('keeps bullets and numbers as list items nested by indentation, monospace as code, table rows', async () => {
    const doc = await parsed('structure.pdf')
    expect(doc.title).toBe(STRUCTURE.title)
    // A quotation is only indented and in italics in a PDF: it stays a paragraph of its own.
    const expected = STRUCTURE.sections.map((section) => ({
      ...section,
      paragraphs: section.paragraphs.map((part) =>
        typeof part !== 'string' && part.kind === 'quote' ? part.text : part
      )
    }))
    expect(doc.sections).toEqual(expected)
  })
})

describe('PDF import: other real files', { timeout: SLOW }, () => {
  it('finds headings by font size and weight when the PDF has no outline', async () => {
    const doc = await parsed('no-outline.pdf')
    expect(doc.sections.map((s) => s.heading)).toEqual(BRIEFING.headings)
    expect(section(doc, 'Outlook')[6]).toBe(BRIEFING.closing)
  })

  it('reads a PDF given as a Node Buffer (as main reads a chosen file) and leaves it intact', async () => {
    const bytes = Buffer.from(formatFixture('briefing.pdf'))
    const copy = Buffer.from(bytes)
    const result = await parsePdf('briefing.pdf', bytes)
    expect('error' in result ? result.error : result.title).toBe(BRIEFING.title)
    expect(bytes.equals(copy)).toBe(true)
  })

  it('imports a PDF encrypted with only an owner password (it opens without one)', async () => {
    const doc = await parsed('owner-locked.pdf')
    expect(doc.sections.map((s) => s.heading)).toEqual(BRIEFING.headings)
  })

  it('leaves out a page of images only in a PDF with text, and says so', async () => {
    const doc = await parsed('with-scanned-page.pdf')
    expect(doc.sections.map((s) => s.heading)).toEqual(BRIEFING.headings)
    expect(doc.warnings).toEqual(['Page 3 had no text (images only) and was left out.'])
  })

  it('refuses a password-protected PDF, saying so', async () => {
    expect(await refused('broken/password.pdf')).toBe(
      '"password.pdf" is protected by a password; the app cannot open it. Save or print it as a ' +
        'PDF without a password, then import that.'
    )
  })

  it('refuses a scan (pages of images, no text): there is no text recognition', async () => {
    expect(await refused('broken/scanned.pdf')).toMatch(
      /^"scanned\.pdf" has no text to import: its pages are images only \(a scan\?\)\. .*OCR/
    )
  })

  it('refuses a PDF cut short and a Word file named .pdf', async () => {
    expect(await refused('broken/truncated.pdf')).toBe(
      '"truncated.pdf" is cut short: the PDF ends before its end marker (%%EOF).'
    )
    expect(await refused('broken/word-file.pdf')).toBe(
      '"word-file.pdf" is not a PDF document: it does not start with "%PDF".'
    )
  })

  it('refuses a PDF over the page limit', async () => {
    expect(await refused('briefing.pdf', { ...IMPORT_LIMITS, maxPdfPages: 1 })).toBe(
      '"briefing.pdf" has 2 pages; the limit is 1 pages per PDF.'
    )
  })

  it("refuses a damaged PDF with pdf.js's reason", async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nnot really a PDF\n%%EOF\n')
    const result = await parsePdf('fake.pdf', bytes)
    expect('error' in result && result.error).toMatch(
      /^"fake\.pdf" (is not a readable PDF|could not be read)/
    )
  })
})

describe('pdfDate', () => {
  it('reads the date as written, whatever the time zone', () => {
    expect(pdfDate("D:20240618233000+05'30'")).toBe('2024-06-18')
    expect(pdfDate('D:2024')).toBeUndefined()
    expect(pdfDate(undefined)).toBeUndefined()
  })
})
