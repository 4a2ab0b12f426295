import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

import { parseArgs, UsageError } from './args'
import { runCli } from '../../test-support/cli'
import { minimal, structured } from '../../test-support/dataset'
import { runCommand } from './commands'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const ROOT = resolve(__dirname, '../../..')
const DATASET = join(ROOT, 'resources/dataset')

/** A command on a fresh profile of its own. */
const run = (...argv: string[]) => runCli(...argv, '--profile', temp('cli-profile-'))

describe('CLI argument parsing', () => {
  it('reads commands, positionals and flags in either order', () => {
    expect(parseArgs(['search', 'kishida', '--json', '--limit=5', '--dataset', 'd'])).toMatchObject(
      {
        command: 'search',
        positionals: ['kishida'],
        json: true,
        limit: 5,
        dataset: 'd'
      }
    )
    expect(parseArgs(['search', '--', '-russia']).positionals).toEqual(['-russia'])
  })
  it('refuses unknown options and missing values', () => {
    expect(() => parseArgs(['list', '--jsn'])).toThrow(UsageError)
    expect(() => parseArgs(['list', '--dataset'])).toThrow(/needs a value/)
    expect(() => parseArgs(['search', 'x', '--limit', '0'])).toThrow(/--limit/)
  })
})

describe('CLI commands', () => {
  it('lists the bundled briefing, as text and as JSON', async () => {
    const text = await run('list')
    expect(text.code).toBe(0)
    expect(text.out).toContain('india-japan-quad-2022')
    const json = await run('list', '--json')
    expect(JSON.parse(json.out)).toEqual([
      expect.objectContaining({ id: 'india-japan-quad-2022', sectionCount: 7 })
    ])
  })

  it('shows a briefing with headings, text and entity annotations', async () => {
    const shown = await run('show', 'india-japan-quad-2022')
    expect(shown.code).toBe(0)
    expect(shown.out).toContain('## QUAD Summit')
    expect(shown.out).toMatch(/"Fumio Kishida" → Fumio Kishida \(person\)/)
    const json = JSON.parse((await run('show', 'india-japan-quad-2022', '--json')).out)
    expect(json.sections).toHaveLength(7)
    expect(json.entities.length).toBeGreaterThan(20)
  })

  it('searches with marked snippets, and JSON output', async () => {
    const found = await run('search', 'Kishida')
    expect(found.code).toBe(0)
    expect(found.out).toMatch(/^\d+ hits? for "Kishida"/)
    expect(found.out).toContain('[Kishida]')
    const json = JSON.parse((await run('search', 'person:kishida', '--json')).out)
    expect(json.hits[0]).toMatchObject({ briefingId: 'india-japan-quad-2022' })
  })

  it('reports a malformed query on stderr with exit 1', async () => {
    const bad = await run('search', 'foo~~')
    expect(bad.code).toBe(1)
    expect(bad.err).not.toBe('')
    expect(bad.out).toBe('')
  })

  it('validates the bundled dataset, and lists every problem of a bad one with exit 1', async () => {
    const good = await run('validate', DATASET)
    expect(good.code).toBe(0)
    expect(good.out).toMatch(/ok \(1 briefings?, \d+ entities\)/)
    const dir = temp('cli-bad-')
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        format: 'briefing-reader/dataset',
        version: 1,
        entities: [],
        briefings: [{ id: 'x' }]
      })
    )
    const bad = await run('validate', dir)
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('bad.json')
    expect(bad.err).toContain('$.briefings[0]')
    expect(bad.err).toMatch(/\d+ problems? found/)
  })

  it('validates version 1 and version 2 (blocks) files side by side', async () => {
    const dir = temp('cli-versions-')
    writeFileSync(join(dir, 'v1.json'), JSON.stringify(minimal()))
    const v2 = structured()
    v2.briefings[0]!.id = 'structured'
    writeFileSync(join(dir, 'v2.json'), JSON.stringify(v2))
    const both = await run('validate', dir)
    expect(both.err).toBe('')
    expect(both.code).toBe(0)
    expect(both.out).toMatch(/ok \(2 briefings, 2 entities\)/)
  })

  it('validates a folder as the app loads it: a briefing id used by two files is a problem', async () => {
    const dir = temp('cli-dup-')
    const bundled = readFileSync(join(DATASET, 'india-japan-quad.json'), 'utf8')
    writeFileSync(join(dir, 'a.json'), bundled)
    writeFileSync(join(dir, 'b.json'), bundled)
    const dup = await run('validate', dir)
    expect(dup.code).toBe(1)
    expect(dup.err).toMatch(
      /b\.json: \$\.briefings\[0\]\.id: briefing id "india-japan-quad-2022" is already used/
    )
  })

  it('imports briefing files into the profile, lists them, and names a bad file on stderr', async () => {
    const profile = temp('cli-import-')
    const dir = temp('cli-files-')
    writeFileSync(join(dir, 'visit.md'), '# Port visit\n\n## Arrival\n\nThe ship reached Tokyo.\n')
    writeFileSync(join(dir, 'empty.txt'), '')
    const out: string[] = []
    const err: string[] = []
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }
    const code = await runCommand(
      parseArgs(['import', join(dir, 'visit.md'), join(dir, 'empty.txt'), '--profile', profile]),
      io
    )
    expect(code).toBe(1)
    expect(out.join('\n')).toMatch(/visit\.md: imported "Port visit"/)
    expect(err.join('\n')).toContain('empty.txt')
    out.length = 0
    await runCommand(parseArgs(['list', '--json', '--profile', profile]), io)
    expect(JSON.parse(out.join('\n'))).toContainEqual(
      expect.objectContaining({ title: 'Port visit', imported: true })
    )
  })

  it('fails clearly for an unknown briefing, an unknown command and a missing dataset', async () => {
    expect(await run('show', 'nope')).toMatchObject({
      code: 1,
      err: expect.stringContaining('"nope"')
    })
    expect(await run('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command')
    })
    const missing = await run('list', '--dataset', join(tmpdir(), 'no-such-dataset-dir'))
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('no-such-dataset-dir')
  })

  it('runs as `npm run cli` with stderr and a non-zero exit on error', async () => {
    const exec = promisify(execFile)
    const tsx = join(ROOT, 'node_modules/.bin/tsx')
    const ok = await exec(tsx, ['src/main/cli/main.ts', 'list', '--profile', temp('cli-npm-')], {
      cwd: ROOT
    })
    expect(ok.stdout).toContain('india-japan-quad-2022')
    // Closing the index process as the command ends is no failure: nothing is printed of it.
    expect(ok.stderr).not.toContain('search')
    const failed = await exec(tsx, ['src/main/cli/main.ts', 'show', 'nope'], { cwd: ROOT }).catch(
      (e: { code: number; stderr: string }) => e
    )
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('nope') })
  }, 20_000)
})
