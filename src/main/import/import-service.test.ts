import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { SEED_PATH } from '../../test-support/fixtures'
import { startCore } from '../app-core'
import type { AppCore } from '../app-core'
import { STAGING_DIR, stagingName, writeClaim } from '../library/staged-imports'
import { slicedTextCount } from '../library/text-packer'
import { searchAll } from '../search/search-all'
import { updateBriefingDetails } from './briefing-details'
import { importBriefings } from './import-service'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const DATASET = join(ROOT, 'resources/dataset')

const cores: AppCore[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

async function open(userDataDir = temp('import-')) {
  const core = startCore({ datasetDir: DATASET, userDataDir, appVersion: 'test' })
  cores.push(core)
  return { core, services: await core.ready, userDataDir }
}

const text = (s: string) => new TextEncoder().encode(s)
const ARTICLE = `Port visit

The destroyer called at Tokyo on Monday, officials in Japan said.

Outlook

Further visits are planned before the QUAD Leaders Summit.
`

describe('importing briefings', () => {
  it('imports a text file with the library entities tagged, searchable, and kept across restarts', async () => {
    const { core, services, userDataDir } = await open()
    const report = await importBriefings(services, userDataDir, [
      { name: 'port.txt', bytes: text(ARTICLE) }
    ])
    expect(report.failed).toEqual([])
    expect(report.imported).toMatchObject([{ file: 'port.txt', title: 'Port visit', sections: 2 }])
    const id = report.imported[0]!.briefingId
    const briefing = services.library.briefings.find((b) => b.id === id)!
    const tagged = briefing.sections.flatMap((s) => s.mentions.map((m) => `${m.text}=${m.entity}`))
    expect(tagged).toEqual(expect.arrayContaining(['Tokyo=tokyo', 'Japan=japan', 'QUAD=quad']))
    expect(services.imported.has(id)).toBe(true)
    const hits = await searchAll(services, { query: 'destroyer' })
    expect(hits.hits.map((h) => h.briefingId)).toEqual([id])
    await core.close()
    cores.pop()
    const reopened = await open(userDataDir)
    expect(reopened.services.library.briefings.map((b) => b.id)).toContain(id)
  })

  it('has main pack the texts it loads and those an import brings in', async () => {
    const before = slicedTextCount()
    const { services, userDataDir } = await open()
    const loaded = services.library.briefings.reduce((sum, b) => sum + b.sections.length, 0)
    // Each text is packed but a chunk's only text (left as it is).
    expect(slicedTextCount() - before).toBeGreaterThanOrEqual(loaded - 2)
    const afterLoad = slicedTextCount()
    await importBriefings(services, userDataDir, [{ name: 'port.txt', bytes: text(ARTICLE) }])
    await vi.waitFor(() => expect(slicedTextCount() - afterLoad).toBe(2))
  })

  it('takes a dataset file whose entity differs from the library only by an alias', async () => {
    const { services, userDataDir } = await open()
    const japan = services.library.entities.get('japan')!
    const file = (entity: object, id: string) => ({
      format: 'briefing-reader/dataset',
      version: 1,
      entities: [entity],
      briefings: [
        {
          id,
          title: `Note ${id}`,
          source: 'Desk',
          published: '2026-01-02',
          tags: [],
          sections: [
            {
              id: 'lead',
              heading: 'Lead',
              text: 'Japan said so.',
              tags: [],
              mentions: [{ start: 0, end: 5, entity: 'japan', text: 'Japan' }]
            }
          ]
        }
      ]
    })
    const aliased = { ...japan, aliases: [...japan.aliases, 'Nihon'] }
    const renamed = { ...japan, name: 'Nippon-koku' }
    const report = await importBriefings(services, userDataDir, [
      { name: 'aliased.json', bytes: text(JSON.stringify(file(aliased, 'aliased'))) },
      { name: 'renamed.json', bytes: text(JSON.stringify(file(renamed, 'renamed'))) }
    ])
    expect(report.imported.map((i) => i.file)).toEqual(['aliased.json'])
    expect(report.failed).toEqual([
      { file: 'renamed.json', message: expect.stringMatching(/entity "japan" differently/) }
    ])
  })

  it('imports the raw seed article into the lead and six sections, and not twice', async () => {
    const { services, userDataDir } = await open()
    const bytes = readFileSync(SEED_PATH)
    const first = await importBriefings(services, userDataDir, [{ name: 'seed.txt', bytes }])
    expect(first.imported[0]?.sections).toBe(7)
    const again = await importBriefings(services, userDataDir, [{ name: 'copy.txt', bytes }])
    expect(again.imported).toEqual([])
    expect(again.duplicates).toMatchObject([{ file: 'copy.txt' }])
  })

  it('gives two simultaneous imports of the same title different ids, keeping both', async () => {
    const { services, userDataDir } = await open()
    const [a, b] = await Promise.all([
      importBriefings(services, userDataDir, [{ name: 'a.txt', bytes: text(ARTICLE) }]),
      // Same title and source: imported as a separate briefing, not offered as a new version.
      importBriefings(
        services,
        userDataDir,
        [{ name: 'b.txt', bytes: text(ARTICLE.replace('Monday', 'Tuesday')) }],
        new Date(),
        { separate: 0 }
      )
    ])
    const ids = [a.imported[0]!.briefingId, b.imported[0]!.briefingId]
    expect(new Set(ids).size).toBe(2)
    for (const id of ids) expect(services.library.briefings.some((x) => x.id === id)).toBe(true)
    expect(readdirSync(join(userDataDir, 'library')).sort()).toEqual(
      ids.map((id) => `${id}.json`).sort()
    )
  })

  it('lets the analyst set title, source and date of an imported briefing, not of a bundled one', async () => {
    const { core, services, userDataDir } = await open()
    const report = await importBriefings(services, userDataDir, [
      { name: 'port.txt', bytes: text(ARTICLE) }
    ])
    const id = report.imported[0]!.briefingId
    const updated = await updateBriefingDetails(services, userDataDir, {
      briefingId: id,
      title: 'Destroyer port call',
      source: 'Naval attaché',
      published: '2024-02-29'
    })
    expect(updated).toMatchObject({ title: 'Destroyer port call', source: 'Naval attaché' })
    expect(
      (await searchAll(services, { query: 'briefing:attaché OR briefing:port' })).hits[0]
        ?.briefingTitle
    ).toBe('Destroyer port call')
    await expect(
      updateBriefingDetails(services, userDataDir, {
        briefingId: 'india-japan-quad-2022',
        title: 'x'
      })
    ).rejects.toMatchObject({ code: 'read-only' })
    await expect(
      updateBriefingDetails(services, userDataDir, { briefingId: id, published: '2024-02-31' })
    ).rejects.toMatchObject({ code: 'invalid-request' })
    await core.close()
    cores.pop()
    const reopened = await open(userDataDir)
    expect(reopened.services.library.briefings.find((b) => b.id === id)).toMatchObject({
      title: 'Destroyer port call',
      published: '2024-02-29'
    })
  })

  it('leaves the library exactly as it was when a file is bad, naming the file', async () => {
    const { services, userDataDir } = await open()
    const before = services.library.briefings.map((b) => b.id)
    const report = await importBriefings(services, userDataDir, [
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'bin.txt', bytes: new Uint8Array([0, 1, 2, 0, 255, 0]) },
      { name: '../../x.md', bytes: text('# Title\n\nBody text here.') },
      { name: 'CON.txt', bytes: text('Body text.') }
    ])
    expect(report.imported).toEqual([])
    expect(report.failed.map((f) => f.file)).toEqual([
      'empty.txt',
      'bin.txt',
      '../../x.md',
      'CON.txt'
    ])
    for (const failure of report.failed) expect(failure.message).toContain(failure.file)
    expect(services.library.briefings.map((b) => b.id)).toEqual(before)
    expect(
      existsSync(join(userDataDir, 'library')) ? readdirSync(join(userDataDir, 'library')) : []
    ).toEqual([])
  })

  it('takes the next id when another process has claimed the title, and leaves no staging behind', async () => {
    const { services, userDataDir } = await open()
    const other = stagingName()
    mkdirSync(join(userDataDir, STAGING_DIR, other), { recursive: true })
    expect(await writeClaim(userDataDir, 'port-visit', other)).toBe(true)
    const report = await importBriefings(services, userDataDir, [
      { name: 'port.txt', bytes: text(ARTICLE) }
    ])
    expect(report.imported.map((i) => i.briefingId)).toEqual(['port-visit-2'])
    expect(readdirSync(join(userDataDir, 'library')).sort()).toEqual([
      'port-visit-2.json',
      'port-visit.claim'
    ])
    expect(readdirSync(join(userDataDir, STAGING_DIR))).toEqual([other])
  })
})
