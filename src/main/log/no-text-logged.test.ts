// The log holds ids, counts, timings and file names, never briefing or note text: an import (one
// file accepted, one refused), a note written and a failed search leave none of their words in it.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { startCore } from '../app-core'
import { importBriefings } from '../import/import-service'
import { installLogger } from './log'
import { createStreamLogger, silentLogger } from './logger'

const DATASET = resolve(__dirname, '../../../resources/dataset')
const profile = mkdtempSync(join(tmpdir(), 'no-text-logged-'))
afterAll(() => {
  installLogger(silentLogger)
  rmSync(profile, { recursive: true, force: true })
})

describe('what the log holds', () => {
  it('has no briefing or note text, and does say what happened', async () => {
    const lines: string[] = []
    installLogger(createStreamLogger({ write: (t: string) => lines.push(t) }, 'debug', 'main'))
    const core = startCore({ datasetDir: DATASET, userDataDir: profile, appVersion: 'test' })
    try {
      const services = await core.ready
      const encode = (s: string) => new TextEncoder().encode(s)
      const report = await importBriefings(services, profile, [
        { name: 'secret.txt', bytes: encode('Zanzibarian heading\n\nThe quokkafish brief.\n') },
        { name: 'bad.json', bytes: encode('{"format": "briefing-dataset", "quokkafish": [') }
      ])
      expect(report.imported).toHaveLength(1)
      expect(report.failed).toHaveLength(1)
      const briefingId = report.imported[0]!.briefingId
      const briefing = services.library.briefings.find((b) => b.id === briefingId)!
      const sectionId = briefing.sections[0]!.id
      await services.annotations.change(briefingId, {
        op: 'note.create',
        target: { kind: 'section', sectionId },
        body: 'Marmalade-octopus finding'
      })
    } finally {
      await core.close()
    }
    const text = lines.join('')
    expect(text).toContain('import: 2 file(s)')
    expect(text).toContain('bad.json')
    expect(text).not.toMatch(/quokkafish|Zanzibarian|Marmalade-octopus/)
  })
})
