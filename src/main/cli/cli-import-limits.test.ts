// A page that would exhaust memory fails alone, with a message naming it, through the real
// import process (started with its heap cap) as the CLI and the app use it.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { runCli } from '../../test-support/cli'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const run = runCli

describe('CLI import of a page too deep to parse', () => {
  it('fails that file with a message naming it, and imports the others', async () => {
    const dir = temp('cli-deep-')
    const deep = join(dir, 'deep.html')
    // 18 MB of nested list items, as in the report that took 2.9 GB.
    writeFileSync(deep, `<html><body><h1>Deep</h1>${'<ul><li>x'.repeat(2_000_000)}</body></html>`)
    const fine = join(dir, 'fine.html')
    writeFileSync(fine, '<html><body><h1>Harbour visit</h1><p>The ships arrived.</p></body></html>')
    const profile = temp('cli-profile-')
    const result = await run('import', deep, fine, '--profile', profile)
    expect(result.code).toBe(1)
    expect(result.err).toContain(
      '"deep.html" could not be read: it nests its elements more than 1,000 levels deep'
    )
    expect(result.out).toContain('fine.html: imported "Harbour visit"')
  }, 60_000)
})
