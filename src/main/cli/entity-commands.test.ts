// `entities list|accept|reject|merge`: the entity review of an imported briefing, headless, with
// the exit codes of the other commands (2 for usage, 1 for a refused decision).

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { runCli } from '../../test-support/cli'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const ARTICLE = `Harbour talks

Washington welcomed the step.

Port call

The frigate docked at Yokosuka on Monday. Admiral Hiroshi Tanaka welcomed the crew.

Industry

Officials from Mitsubishi Heavy Industries met Maria Gonzalez in Osaka. Gonzalez praised the Osaka shipyards.
`

describe('cli entities', () => {
  it('lists, accepts a kind, merges, rejects the rest, and reports errors', async () => {
    const profile = temp('cli-entities-')
    const file = join(temp('cli-entities-files-'), 'harbour.txt')
    writeFileSync(file, ARTICLE)
    const cli = (...argv: string[]) => runCli(...argv, '--profile', profile)

    expect((await cli('import', file)).code).toBe(0)
    const pending = await cli('entities', 'list')
    expect(pending).toMatchObject({ code: 0 })
    expect(pending.out).toMatch(/^harbour-talks\t\d+ to review\tHarbour talks$/m)

    const listed = await cli('entities', 'list', 'harbour-talks', '--json')
    const proposals = JSON.parse(listed.out) as { name: string; kind: string; examples: string[] }[]
    expect(proposals.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Maria Gonzalez', 'Washington', 'Osaka'])
    )
    const osaka = proposals.find((p) => p.name === 'Osaka')
    expect(osaka?.examples[0]).toContain('met Maria Gonzalez in Osaka')
    const text = await cli('entities', 'list', 'harbour-talks')
    expect(text.out).toMatch(/^Osaka\tplace\t2 mentions$/m)

    expect(await cli('entities', 'accept', 'harbour-talks', 'Nobody')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/“Nobody” is not proposed for this briefing/)
    })
    expect((await cli('entities', 'accept', 'harbour-talks')).code).toBe(2)
    expect((await cli('entities', 'frobnicate')).code).toBe(2)

    const people = proposals.filter((p) => p.kind === 'person').length
    const accepted = await cli('entities', 'accept', 'harbour-talks', '--kind', 'person')
    expect(accepted.code).toBe(0)
    expect(accepted.out).toContain(`${people} accepted, 0 merged, 0 rejected`)

    const merged = await cli('entities', 'merge', 'harbour-talks', 'Washington', 'united-states')
    expect(merged.out).toContain('0 accepted, 1 merged, 0 rejected')

    const rejected = await cli('entities', 'reject', 'harbour-talks', '--rest')
    expect(rejected.out).toMatch(/rejected; entity mentions \d+ → \d+; 0 left to review$/)
    expect((await cli('entities', 'list')).out).toBe('No entities to review.')

    const shown = await cli('show', 'harbour-talks')
    expect(shown.out).toMatch(/"Maria Gonzalez" → Maria Gonzalez \(person\)/)
    expect(shown.out).toMatch(/"Washington" → United States \(place\)/)
    // Each command starts the CLI's search-index and import processes (TypeScript through tsx).
  }, 120_000)
})
