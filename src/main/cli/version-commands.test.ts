import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseArgs } from './args'
import { runCommand } from './commands'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

describe('cli import of a new version', () => {
  it('says a file is a new version, and replaces the briefing only with --replace', async () => {
    const profile = temp('cli-versions-')
    const dir = temp('cli-version-files-')
    writeFileSync(join(dir, 'visit.md'), '# Port visit\n\n## Arrival\n\nThe ship reached Tokyo.\n')
    writeFileSync(
      join(dir, 'visit-2.md'),
      '# Port visit\n\n## Arrival\n\nThe ship reached Osaka.\n'
    )
    const out: string[] = []
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) }
    const run = (...argv: string[]) => runCommand(parseArgs([...argv, '--profile', profile]), io)

    expect(await run('import', join(dir, 'visit.md'))).toBe(0)
    out.length = 0
    expect(await run('import', join(dir, 'visit-2.md'))).toBe(0)
    expect(out.join('\n')).toMatch(
      /visit-2\.md: a new version of "Port visit" \(port-visit\): not imported; add --replace/
    )
    expect(readdirSync(join(profile, 'library'))).toEqual(['port-visit.json'])

    out.length = 0
    expect(await run('import', join(dir, 'visit-2.md'), '--replace')).toBe(0)
    expect(out.join('\n')).toMatch(
      /visit-2\.md: a new version of "Port visit" \(port-visit\): replaced; previous text kept as version 1/
    )
    out.length = 0
    await run('show', 'port-visit')
    expect(out.join('\n')).toContain('Osaka')
    expect(readdirSync(join(profile, 'versions', 'port-visit'))).toEqual(['1.json'])
    // Each command starts the CLI's search-index and import processes (TypeScript through tsx).
  }, 60_000)
})
