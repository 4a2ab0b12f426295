// importDocument on real files of every binary format: a PDF, a Word file and e-mails (whose
// attachments become briefings of their own), each a valid briefing or refused with a message.

import { describe, expect, it } from 'vitest'

import { DATASET_FORMAT, DATASET_VERSION, type Briefing } from '../../../shared/dataset'
import { validateDataset } from '../../library/load-dataset'
import { BRIEFING, formatFixture } from '../../../test-support/import-formats'
import { utf8 } from '../../../test-support/import'
import { importDocument } from './import-document'
import type { ImportedFile, ImportOptions } from './import-file'

const OPTIONS: ImportOptions = { id: 'imported', importedAt: '2026-12-01T12:00:00.000Z' }
const SLOW = 60_000

async function imported(
  name: string,
  bytes: Uint8Array
): Promise<Exclude<ImportedFile, { format: 'dataset' }>> {
  const result = await importDocument(name, bytes, OPTIONS)
  if ('error' in result) throw new Error(result.error)
  if (result.format === 'dataset') throw new Error('a dataset')
  return result
}

async function refused(name: string, bytes: Uint8Array): Promise<string> {
  const result = await importDocument(name, bytes, OPTIONS)
  if (!('error' in result)) throw new Error(`expected ${name} to be refused`)
  return result.error
}

function valid(result: { briefing: Briefing }) {
  const dataset = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    entities: [],
    briefings: [result.briefing]
  }
  return validateDataset(dataset, 'x.json')
}

describe('importDocument: PDF and Word', { timeout: SLOW }, () => {
  it('imports a PDF and a Word file as valid briefings with the same sections', async () => {
    const pdf = await imported('briefing.pdf', formatFixture('briefing.pdf'))
    const docx = await imported('briefing.docx', formatFixture('briefing.docx'))
    expect(pdf.format).toBe('pdf')
    expect(docx.format).toBe('docx')
    for (const result of [pdf, docx]) {
      expect(valid(result)).toEqual([])
      expect(result.briefing.title).toBe(BRIEFING.title)
      expect(result.briefing.source).toBe(BRIEFING.author)
      expect(result.briefing.sections.map((s) => s.heading)).toEqual([
        'Overview',
        ...BRIEFING.headings
      ])
    }
    expect(docx.briefing.published).toBe('2024-06-18')
  })

  it('imports a PDF or Word file saved under another extension by its content', async () => {
    expect((await imported('briefing.txt', formatFixture('briefing.pdf'))).format).toBe('pdf')
    expect((await imported('briefing', formatFixture('briefing.docx'))).format).toBe('docx')
  })

  it('refuses old Word files and OpenDocument ones under any name, and checks names first', async () => {
    expect(await refused('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe(
      '"old.doc" is an old-style Word document (.doc); save it as .docx or PDF and import that.'
    )
    expect(await refused('renamed.zip', formatFixture('briefing.odt'))).toMatch(
      /^"renamed\.zip" is an OpenDocument file/
    )
    expect(await refused('../x.pdf', formatFixture('briefing.pdf'))).toMatch(
      /the file name contains a path/
    )
    expect(await refused('empty.pdf', new Uint8Array())).toBe('"empty.pdf" is empty (0 bytes).')
  })

  it('still imports text files as before', async () => {
    const text = await imported('note.txt', utf8('A note\n\nSome text about the harbour.'))
    expect(text.format).toBe('text')
  })
})

describe('importDocument: e-mail', { timeout: SLOW }, () => {
  it('takes subject, sender and date, and reads the HTML body (no script)', async () => {
    const mail = await imported('forwarded-briefing.eml', formatFixture('forwarded-briefing.eml'))
    expect(mail.format).toBe('email')
    expect(valid(mail)).toEqual([])
    expect(mail.briefing.title).toBe('Second Thomas Shoal resupply – briefing attached')
    expect(mail.briefing.source).toBe('Maria Santos <m.santos@maritime-desk.example>')
    expect(mail.briefing.published).toBe('2024-06-18')
    const headings = mail.briefing.sections.map((s) => s.heading)
    // "Key points" is an <h2> of the HTML part: the plain-text part has no headings.
    expect(headings).toEqual(['Overview', 'Key points', 'Attachments'])
    expect(JSON.stringify(mail.briefing)).not.toContain('alert(1)')
    // The HTML body's list and the list of attachments are lists.
    const kinds = mail.briefing.sections.map((s) => s.blocks?.map((b) => b.kind))
    expect(kinds).toEqual([
      undefined,
      ['list-item', 'list-item', 'paragraph'],
      ['list-item', 'list-item', 'list-item', 'list-item']
    ])
  })

  it('imports attachments of supported kinds as briefings linked to the e-mail', async () => {
    const mail = await imported('forwarded-briefing.eml', formatFixture('forwarded-briefing.eml'))
    expect(mail.attachments?.map((a) => [a.name, a.format])).toEqual([
      ['briefing.pdf', 'pdf'],
      ['briefing.docx', 'docx']
    ])
    for (const attachment of mail.attachments ?? []) {
      expect(valid(attachment)).toEqual([])
      expect(attachment.briefing.source).toBe(
        'Maritime Desk, attached to the e-mail "Second Thomas Shoal resupply – briefing attached"'
      )
    }
    expect(mail.refusedAttachments).toEqual([
      { file: 'scan.pdf', message: expect.stringMatching(/^"scan\.pdf" has no text to import/) }
    ])
    const list = mail.briefing.sections.find((s) => s.heading === 'Attachments')?.text.split('\n\n')
    expect(list).toEqual([
      `briefing.pdf: imported as the briefing "${BRIEFING.title}".`,
      `briefing.docx: imported as the briefing "${BRIEFING.title}".`,
      expect.stringMatching(/^scan\.pdf: not imported\. "scan\.pdf" has no text to import/),
      'chart.png: not imported (not a kind of file the app reads).'
    ])
  })

  it('reads a plain-text e-mail, and refuses a file with no e-mail headers', async () => {
    const mail = await imported('plain-text.eml', formatFixture('plain-text.eml'))
    expect(mail.briefing.title).toBe('Patrol schedule update')
    expect(mail.briefing.source).toBe('ops@coastguard.example')
    expect(mail.briefing.published).toBe('2024-06-03')
    expect(mail.briefing.sections.map((s) => s.text)).toEqual([
      'The joint patrol moves to Thursday.\n\nWeather permitting, the vessels sail at dawn.'
    ])
    expect(await refused('not-an-email.eml', formatFixture('broken/not-an-email.eml'))).toBe(
      '"not-an-email.eml" is not an e-mail: it has no From, Subject or Date header.'
    )
  })
})
