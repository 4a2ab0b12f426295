// PDF import where the app runs it: an Electron utility process, which pdf.js would take for a
// web page (`process.type` "utility"). No Electron binary runs here, so a Node process is given
// that shape before pdf.ts is loaded, as the import entry is in the app.

import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { BRIEFING } from '../../../test-support/import-formats'

const here = fileURLToPath(new URL('.', import.meta.url))
const FIXTURE = fileURLToPath(
  new URL('../../../../fixtures/import-formats/briefing.pdf', import.meta.url)
)

const probe = `
  import { readFileSync } from 'node:fs'
  const versions = { ...process.versions, electron: '45.0.0' }
  Object.defineProperty(process, 'versions', { value: versions, configurable: true })
  Object.defineProperty(process, 'type', { value: 'utility', configurable: true, enumerable: true })
  const { parsePdf } = await import('./pdf.ts')
  const result = await parsePdf('briefing.pdf', new Uint8Array(readFileSync(process.argv[1])))
  console.log(JSON.stringify({ result, type: process.type }))
`

describe('PDF import in an Electron utility process', () => {
  it('reads the PDF as in Node, and leaves process.type as it was', { timeout: 60_000 }, () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', probe, FIXTURE],
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
