// Importing PDF, Word and e-mail files into a profile's library (the import service, parsing in
// this thread): each file a briefing, an e-mail's attachments briefings of their own, and an
// attachment that cannot be imported reported under the e-mail's name.

import { afterEach, describe, expect, it } from 'vitest'

import { DATASET_DIR } from '../../test-support/fixtures'
import { BRIEFING, formatFixture } from '../../test-support/import-formats'
import { startCore } from '../app-core'
import type { AppCore } from '../app-core'
import { searchAll } from '../search/search-all'
import { importBriefings } from './import-service'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const cores: AppCore[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

async function open() {
  const userDataDir = temp('import-formats-')
  const core = startCore({ datasetDir: DATASET_DIR, userDataDir, appVersion: 'test' })
  cores.push(core)
  return { services: await core.ready, userDataDir }
}

describe('importing PDF, Word and e-mail files', { timeout: 60_000 }, () => {
  it('imports a PDF and a Word file, searchable, with nothing left to ask', async () => {
    const { services, userDataDir } = await open()
    const report = await importBriefings(services, userDataDir, [
      { name: 'briefing.pdf', bytes: formatFixture('briefing.pdf') },
      { name: 'briefing.docx', bytes: formatFixture('briefing.docx') }
    ])
    expect(report.failed).toEqual([])
    expect(report.imported).toMatchObject([
      { file: 'briefing.pdf', title: BRIEFING.title, sections: 6 }
    ])
    expect(report.imported[0]!.missing).toBeUndefined()
    // The Word file of the same document gives exactly the PDF's text: already in the library.
    expect(report.duplicates).toEqual([
      { file: 'briefing.docx', title: BRIEFING.title, briefingId: report.imported[0]!.briefingId }
    ])
    const hits = await searchAll(services, { query: 'Palawan' })
    expect(hits.hits.map((h) => h.briefingId)).toEqual([report.imported[0]!.briefingId])
  })

  it('imports an e-mail and its attachments, and names the attachment it could not import', async () => {
    const { services, userDataDir } = await open()
    const report = await importBriefings(services, userDataDir, [
      { name: 'forwarded-briefing.eml', bytes: formatFixture('forwarded-briefing.eml') }
    ])
    expect(report.imported.map((i) => [i.file, i.title])).toEqual([
      ['forwarded-briefing.eml', 'Second Thomas Shoal resupply – briefing attached'],
      ['forwarded-briefing.eml', BRIEFING.title]
    ])
    // The Word attachment holds the PDF's text: one briefing, not two.
    expect(report.duplicates).toEqual([
      {
        file: 'forwarded-briefing.eml',
        title: BRIEFING.title,
        briefingId: report.imported[1]!.briefingId
      }
    ])
    expect(report.failed).toEqual([
      {
        file: 'forwarded-briefing.eml › scan.pdf',
        message: expect.stringMatching(/^"scan\.pdf" has no text to import/)
      }
    ])
  })

  it('reports what was left out of a file: the pages of a PDF that are images only', async () => {
    const { services, userDataDir } = await open()
    const report = await importBriefings(services, userDataDir, [
      { name: 'with-scanned-page.pdf', bytes: formatFixture('with-scanned-page.pdf') },
      { name: 'briefing.docx', bytes: formatFixture('with-image.docx') }
    ])
    expect(report.failed).toEqual([])
    expect(report.imported.map((i) => [i.file, i.warnings])).toEqual([
      ['with-scanned-page.pdf', ['Page 3 had no text (images only) and was left out.']],
      ['briefing.docx', ['1 picture was left out (text only is imported).']]
    ])
  })
})
