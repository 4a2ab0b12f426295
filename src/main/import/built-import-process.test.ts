// The built import process (out/main/chunks/import-entry-*.js, the file the app's utility process
// runs) reads PDF, Word and e-mail files: pdf.js, mammoth and mailparser load from the bundle's
// dependencies, with pdf.js's fonts and CMaps from its package, exactly as parsed in this thread.

import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { forkNodeProcess } from '../background/node-process'
import { formatFixture } from '../../test-support/import-formats'
import { UTILITY_PROCESS_ARGV } from '../../test-support/utility-process'
import { startImportWorker } from './import-worker'
import { importDocument } from './parse/import-document'

const CHUNKS = resolve(__dirname, '../../../out/main/chunks')
const options = { id: 'import', importedAt: '2026-12-03T00:00:00.000Z' }

function builtEntry(): string {
  expect(existsSync(CHUNKS), 'out/main missing: run npm run build:bundles').toBe(true)
  const file = readdirSync(CHUNKS).find((name) => /^import-entry-.*\.js$/.test(name))
  expect(file, 'no import-entry chunk in out/main/chunks').toBeDefined()
  return join(CHUNKS, file!)
}

const worker = startImportWorker(() => forkNodeProcess('import', builtEntry()))
// As the app runs it: pdf.js takes a process of that shape for a web page unless told otherwise.
const utility = startImportWorker(() =>
  forkNodeProcess('import', builtEntry(), UTILITY_PROCESS_ARGV)
)
afterAll(() => Promise.all([worker.close(), utility.close()]))

describe('the built import process', { timeout: 60_000 }, () => {
  it.each(['briefing.pdf', 'briefing.docx', 'forwarded-briefing.eml'])(
    'parses %s as this thread does',
    async (name) => {
      const bytes = formatFixture(name)
      const there = await worker.parseImport({ name, bytes, options })
      expect('error' in there ? there.error : there.format).toBe(
        { pdf: 'pdf', docx: 'docx', eml: 'email' }[name.split('.').pop()!]
      )
      expect(there).toEqual(await importDocument(name, bytes, options))
    }
  )

  it('parses briefing.pdf in a process shaped as Electron’s utility process', async () => {
    const bytes = formatFixture('briefing.pdf')
    const there = await utility.parseImport({ name: 'briefing.pdf', bytes, options })
    expect('error' in there ? there.error : there.format).toBe('pdf')
    expect(there).toEqual(await importDocument('briefing.pdf', bytes, options))
  })

  it('refuses a password-protected PDF with the same message', async () => {
    const bytes = formatFixture('broken/password.pdf')
    const there = await worker.parseImport({ name: 'password.pdf', bytes, options })
    expect(there).toEqual({ error: expect.stringMatching(/is protected by a password/) })
  })
})
