// PDF import where the app runs it: an Electron utility process, which pdf.js would take for a
// web page (`process.type` "utility"). No Electron binary runs here, so a Node process is given
// that shape (UTILITY_PROCESS_ARGV) before pdf.ts is loaded, as the import entry is in the app.

import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { BRIEFING, IMPORT_FORMATS_DIR } from '../../../test-support/import-formats'
import { UTILITY_PROCESS_ARGV } from '../../../test-support/utility-process'

const here = fileURLToPath(new URL('.', import.meta.url))
const FIXTURE = join(IMPORT_FORMATS_DIR, 'briefing.pdf')

const probe = `
  import { readFileSync } from 'node:fs'
  const { parsePdf } = await import('./pdf.ts')
  const result = await parsePdf('briefing.pdf', new Uint8Array(readFileSync(process.argv[1])))
  console.log(JSON.stringify({ result, type: process.type }))
`

describe('PDF import in an Electron utility process', () => {
  it('reads the PDF as in Node, and leaves process.type as it was', { timeout: 60_000 }, () => {
    const out = execFileSync(
      process.execPath,
      [...UTILITY_PROCESS_ARGV, '--import', 'tsx', '--input-type=module', '-e', probe, FIXTURE],
      { cwd: here, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }
    )
    const { result, type } = JSON.parse(out.trim().split('\n').pop()!) as {
      result: { title?: string; sections?: unknown[]; error?: string }
      type: string
    }
    expect(result.error).toBeUndefined()
    expect(result.title).toBe(BRIEFING.title)
    expect(result.sections!.length).toBeGreaterThan(1)
    expect(type).toBe('utility')
  })
})
