// Moving to another laptop loses nothing (issue #13): annotations for a briefing the profile lacks
// wait for it and are attached when it is imported; exit codes say what was not applied.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { describeRange } from '../../shared/anchoring/describe'
import { runCli } from '../../test-support/cli'
import { useTempFolders } from '../../test-support/temp-folders'

const folder = useTempFolders()
const temp = (name: string) => folder(`moving-${name}-`)

const cli = runCli

/** A profile with one imported briefing ("Port visit") holding a highlight and a note. */
async function annotatedProfile() {
  const profile = temp('profile')
  const files = temp('files')
  const md = join(files, 'visit.md')
  writeFileSync(md, '# Port visit\n\n## Arrival\n\nThe ship reached Tokyo on Monday.\n')
  expect((await cli('import', md, '--profile', profile)).code).toBe(0)
  const listed = JSON.parse((await cli('list', '--json', '--profile', profile)).out)
  const visit = listed.find((b: { title: string }) => b.title === 'Port visit')
  const { startCore } = await import('../app-core')
  const { sourceDatasetDir } = await import('../paths')
  const core = startCore({ datasetDir: sourceDatasetDir(), userDataDir: profile, appVersion: 't' })
  const services = await core.ready
  const briefing = services.library.briefings.find((b) => b.id === visit.id)!
  const section = briefing.sections[0]!
  const start = section.text.indexOf('Tokyo')
  const target = describeRange(section.text, start, start + 5, {
    briefingId: briefing.id,
    sectionId: section.id
  })!
  await services.annotations.change(briefing.id, {
    op: 'highlight.create',
    target,
    color: 'green',
    note: 'Which berth?',
    tags: []
  })
  await services.annotations.change(briefing.id, {
    op: 'note.create',
    target: { kind: 'briefing' },
    body: 'Ask the embassy'
  })
  await services.annotations.change('india-japan-quad-2022', {
    op: 'note.create',
    target: { kind: 'briefing' },
    body: 'Compare with the port visit'
  })
  await core.close()
  return { profile, md, briefingId: briefing.id as string }
}

describe('moving to another laptop', () => {
  it('keeps annotations for a missing briefing waiting, exit 3, and attaches them on import', async () => {
    const { profile, md, briefingId } = await annotatedProfile()
    const backup = join(temp('out'), 'notes.json')
    const exported = await cli('export', '--format', 'w3c', '--out', backup, '--profile', profile)
    expect(exported.code).toBe(0)

    const laptop = temp('laptop')
    const first = await cli('import-annotations', backup, '--profile', laptop)
    expect(first.code).toBe(3)
    expect(first.out).toMatch(/1 added.*2 waiting/)
    expect(first.err).toContain(`2 annotations wait for the briefing`)
    expect(first.err).toContain(briefingId)

    expect((await cli('import', md, '--profile', laptop)).code).toBe(0)
    const md1 = await cli('export', '--profile', profile)
    const md2 = await cli('export', '--profile', laptop)
    expect(md2.code).toBe(0)
    expect(md2.out).toContain('Which berth?')
    expect(md2.out).toContain('Ask the embassy')
    const strip = (t: string) => t.replace(/^exported_at: .*$/gm, '')
    expect(strip(md2.out)).toBe(strip(md1.out))
    // Attached once: importing the backup again now applies all of it.
    const again = await cli('import-annotations', backup, '--profile', laptop)
    expect(again).toMatchObject({ code: 0, out: expect.stringMatching(/3 already present/) })
  }, 60_000)

  it('refuses a library backup of a version it does not know, changing nothing (exit 1)', async () => {
    const file = join(temp('bad'), 'backup.json')
    writeFileSync(file, JSON.stringify({ format: 'briefing-reader/library-bundle', version: 2 }))
    const profile = temp('empty')
    const result = await cli('import-annotations', file, '--profile', profile)
    expect(result).toMatchObject({ code: 1, err: expect.stringContaining('version 2') })
    expect((await cli('list', '--json', '--profile', profile)).out).not.toContain('imported": true')
  })

  it('exits 1 on a file that is not JSON, with the reason on stderr', async () => {
    const bad = join(temp('bad'), 'notes.json')
    writeFileSync(bad, 'this is not JSON')
    const result = await cli('import-annotations', bad, '--profile', temp('empty'))
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/JSON/)
    expect(readFileSync(bad, 'utf8')).toBe('this is not JSON')
  })

  it('restores the same library and the same Markdown export from a bundle on an empty profile', async () => {
    const { profile } = await annotatedProfile()
    // Something already waiting in the old profile travels too.
    const other = await annotatedProfile()
    const otherBackup = join(temp('out'), 'other.json')
    await cli('export', '--format', 'w3c', '--out', otherBackup, '--profile', other.profile)
    expect((await cli('import-annotations', otherBackup, '--profile', profile)).code).toBe(0)
    const orphanBackup = join(temp('out'), 'orphan.json')
    const json = JSON.parse(readFileSync(otherBackup, 'utf8'))
    const renamed = JSON.stringify(json).replaceAll(
      'urn:briefing-reader:port-visit',
      'urn:briefing-reader:gone'
    )
    writeFileSync(orphanBackup, renamed.replaceAll('urn:uuid:', 'urn:briefing-reader:note:x'))
    expect((await cli('import-annotations', orphanBackup, '--profile', profile)).code).toBe(3)

    const bundle = join(temp('out'), 'backup.json')
    const exported = await cli(
      'export',
      '--format',
      'bundle',
      '--out',
      bundle,
      '--profile',
      profile
    )
    expect(exported).toMatchObject({ code: 0, out: expect.stringMatching(/1 imported briefing/) })
    expect(
      (await cli('export', '--format', 'bundle', '--out', bundle, '--profile', profile)).code
    ).toBe(1)

    const laptop = temp('laptop')
    const restored = await cli('import-annotations', bundle, '--profile', laptop)
    expect(restored.err).toContain('wait for the briefing')
    expect(restored.code).toBe(3) // the annotations of "gone" still wait, here as there
    expect(restored.out).toMatch(/restored "Port visit"/)
    const list = async (p: string) => (await cli('list', '--json', '--profile', p)).out
    expect(await list(laptop)).toBe(await list(profile))
    const strip = (t: string) => t.replace(/^exported_at: .*$/gm, '')
    const before = await cli('export', '--profile', profile)
    const after = await cli('export', '--profile', laptop)
    expect(after.code).toBe(0)
    expect(after.out).toContain('Compare with the port visit')
    expect(strip(after.out)).toBe(strip(before.out))
    const waitingBefore = await cli('export', '--format', 'bundle', '--profile', profile)
    const waitingAfter = await cli('export', '--format', 'bundle', '--profile', laptop)
    expect(JSON.parse(waitingAfter.out).waiting).toEqual(JSON.parse(waitingBefore.out).waiting)
  }, 60_000)
})
