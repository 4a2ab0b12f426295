// The CLI's import prints what was left out of each imported file (a PDF's pages of images only),
// after the line saying it was imported, and still ends with success.
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { runCli } from '../../test-support/cli'
import { IMPORT_FORMATS_DIR } from '../../test-support/import-formats'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

describe('CLI import warnings', () => {
  it('prints the pages of a PDF left out as images only', async () => {
    const profile = temp('cli-warnings-')
    const pdf = join(IMPORT_FORMATS_DIR, 'with-scanned-page.pdf')
    const result = await runCli('import', pdf, '--profile', profile)
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    const lines = result.out.split('\n')
    expect(lines[0]).toMatch(/^with-scanned-page\.pdf: imported "/)
    expect(lines[1]).toBe(
      'with-scanned-page.pdf: warning: Page 3 had no text (images only) and was left out.'
    )
  }, 60_000)
})
