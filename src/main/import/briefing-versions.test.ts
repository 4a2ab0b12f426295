import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, describe, expect, it } from 'vitest'

import { describeRange } from '../../shared/anchoring/describe'
import { FaultyFs } from '../../test-support/annotation-store'
import { startCore } from '../app-core'
import type { AppCore, CoreServices } from '../app-core'
import { nodeStoreFs } from '../fs/node-fs'
import { openReadingPositions } from '../library/reading-positions'
import { listBriefingVersions, restoreVersion } from './briefing-versions'
import { importBriefings } from './import-service'
import { decideVersion } from './version-offers'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const DATASET = join(ROOT, 'resources/dataset')

const cores: AppCore[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

async function open() {
  const userDataDir = temp('versions-')
  const core = startCore({ datasetDir: DATASET, userDataDir, appVersion: 'test' })
  cores.push(core)
  return { services: await core.ready, userDataDir }
}

const bytes = (s: string) => new TextEncoder().encode(s)
const V1 = `# Port visit

The destroyer called at Tokyo on Monday, officials in Japan said.

## Talks

Ministers agreed to expand joint exercises in the Indian Ocean next year.

## Costs

The budget for the programme was not disclosed by either government.
`
// Talks edited (a sentence in front, one word changed), Costs removed.
const V2 = `# Port visit

The destroyer called at Tokyo on Monday, officials in Japan said.

## Talks

Talks ran late. Ministers agreed to expand joint exercises in the Indian Ocean this year.
`

async function highlight(
  services: CoreServices,
  briefingId: string,
  sectionId: string,
  quote: string
) {
  const section = services.library.briefings
    .find((b) => b.id === briefingId)!
    .sections.find((s) => s.id === sectionId)!
  const start = section.text.indexOf(quote)
  const target = describeRange(section.text, start, start + quote.length, {
    briefingId,
    sectionId
  })!
  await services.annotations.change(briefingId, { op: 'highlight.create', target, color: 'green' })
}

async function importWithHighlights() {
  const { services, userDataDir } = await open()
  const first = await importBriefings(services, userDataDir, [
    { name: 'port.md', bytes: bytes(V1) }
  ])
  const id = first.imported[0]!.briefingId
  await highlight(services, id, 'lead', 'called at Tokyo')
  await highlight(services, id, 'talks', 'in the Indian Ocean next year')
  await highlight(services, id, 'costs', 'The budget for the programme')
  await services.annotations.change(id, {
    op: 'note.create',
    target: { kind: 'section', sectionId: 'costs' },
    body: 'Ask for the figures'
  })
  const second = await importBriefings(services, userDataDir, [
    { name: 'port-v2.md', bytes: bytes(V2) }
  ])
  return { services, userDataDir, id, second }
}

function decide(
  services: CoreServices,
  userDataDir: string,
  token: string,
  mode: 'replace' | 'separate' | 'skip',
  fs?: FaultyFs
) {
  return decideVersion(
    { services, userDataDir, ...(fs ? { fs } : {}) },
    { token, mode },
    {
      queue: (work) => services.importState.queue(work),
      importSeparately: (file, index) =>
        importBriefings(services, userDataDir, [file], new Date(), { separate: index })
    }
  )
}

describe('versions of an imported briefing', () => {
  it('offers a file with the same title and source as a new version instead of importing it', async () => {
    const { services, id, second } = await importWithHighlights()
    expect(second.imported).toEqual([])
    expect(second.versions).toMatchObject([
      { file: 'port-v2.md', briefingId: id, briefingTitle: 'Port visit', bundled: false }
    ])
    expect(services.library.briefings.filter((b) => b.title === 'Port visit')).toHaveLength(1)
  })

  it('replaces keeping the id, keeps the old text as version 1 and reports every highlight', async () => {
    const { services, userDataDir, id, second } = await importWithHighlights()
    const result = await decide(services, userDataDir, second.versions[0]!.token, 'replace')
    if (result.status !== 'replaced') throw new Error(result.status)
    expect(result.report).toMatchObject({
      briefingId: id,
      action: 'replaced',
      keptAs: 1,
      counts: { unchanged: 1, moved: 0, edited: 1, orphaned: 1 },
      notes: [{ label: 'Ask for the figures', oldHeading: 'Costs' }],
      saved: true
    })
    const current = services.library.briefings.find((b) => b.id === id)!
    expect(current.sections.map((s) => s.id)).toEqual(['lead', 'talks'])
    const onDisk = JSON.parse(readFileSync(join(userDataDir, 'library', `${id}.json`), 'utf8'))
    expect(onDisk.briefings[0].sections[1].text).toContain('this year')
    expect(readdirSync(join(userDataDir, 'versions', id))).toEqual(['1.json'])
    // The highlights stay attached to the same briefing: the edited one on its new text.
    const view = await services.annotations.load(id)
    expect(view.highlights.map((h) => [h.target.quote.exact, h.status]).sort()).toEqual([
      ['The budget for the programme', 'orphaned'],
      ['called at Tokyo', 'anchored'],
      ['in the Indian Ocean this year', 'anchored']
    ])
    expect(view.notes[0]!.target).toEqual({ kind: 'briefing' })
    // The same offer cannot be applied twice.
    await expect(
      decide(services, userDataDir, second.versions[0]!.token, 'replace')
    ).rejects.toThrow(/import the file again/)
  })

  it('restores the previous version, itself kept as a version, and the orphan anchors again', async () => {
    const { services, userDataDir, id, second } = await importWithHighlights()
    await decide(services, userDataDir, second.versions[0]!.token, 'replace')
    const list = await listBriefingVersions(services, userDataDir, id)
    expect(list.versions).toMatchObject([{ version: 1, title: 'Port visit', sectionCount: 3 }])
    const report = await restoreVersion({ services, userDataDir }, id, 1)
    expect(report).toMatchObject({ action: 'restored', keptAs: 2 })
    expect(report.counts).toEqual({ unchanged: 2, moved: 0, edited: 1, orphaned: 0 })
    const orphan = report.highlights.find((h) => h.oldQuote === 'The budget for the programme')
    expect(orphan).toMatchObject({ status: 'unchanged', heading: 'Costs' })
    const current = services.library.briefings.find((b) => b.id === id)!
    expect(current.sections.map((s) => s.id)).toEqual(['lead', 'talks', 'costs'])
    expect(
      (await listBriefingVersions(services, userDataDir, id)).versions.map((v) => v.version)
    ).toEqual([2, 1])
  })

  it('leaves library and versions as they were when the new text cannot be written', async () => {
    const { services, userDataDir, id, second } = await importWithHighlights()
    const libraryFile = join(userDataDir, 'library', `${id}.json`)
    const before = readFileSync(libraryFile, 'utf8')
    const fs = new FaultyFs()
    fs.failWith('ENOSPC', ['write'], join('library', id))
    const token = second.versions[0]!.token
    await expect(decide(services, userDataDir, token, 'replace', fs)).rejects.toThrow(
      /could not be saved/
    )
    expect(readFileSync(libraryFile, 'utf8')).toBe(before)
    expect(readdirSync(join(userDataDir, 'versions', id))).toEqual([])
    expect(readdirSync(join(userDataDir, 'library'))).toEqual([`${id}.json`])
    expect(services.library.briefings.find((b) => b.id === id)!.sections).toHaveLength(3)
    const view = await services.annotations.load(id)
    expect(view.highlights.every((h) => h.status === 'anchored')).toBe(true)
    // The offer is still there: once the disk has room, the replacement goes through.
    fs.heal()
    expect((await decide(services, userDataDir, token, 'replace', fs)).status).toBe('replaced')
  })

  it('keeps the library as it was when the old text cannot be kept', async () => {
    const { services, userDataDir, id, second } = await importWithHighlights()
    const fs = new FaultyFs()
    fs.failWith('EACCES', ['open'], 'versions')
    await expect(
      decide(services, userDataDir, second.versions[0]!.token, 'replace', fs)
    ).rejects.toThrow(/could not be kept/)
    expect(services.library.briefings.find((b) => b.id === id)!.sections).toHaveLength(3)
    expect(existsSync(join(userDataDir, 'versions', id, '1.json'))).toBe(false)
  })

  it('imports as a separate briefing or skips, on request', async () => {
    const { services, userDataDir, id, second } = await importWithHighlights()
    const separate = await decide(services, userDataDir, second.versions[0]!.token, 'separate')
    expect(separate).toMatchObject({ status: 'imported', title: 'Port visit' })
    if (separate.status !== 'imported') return
    expect(separate.briefingId).not.toBe(id)
    expect(services.library.briefings.filter((b) => b.title === 'Port visit')).toHaveLength(2)
    const again = await importBriefings(services, userDataDir, [
      { name: 'v3.md', bytes: bytes(`${V2}\nMore.\n`) }
    ])
    expect(await decide(services, userDataDir, again.versions[0]!.token, 'skip')).toEqual({
      status: 'skipped'
    })
  })

  it('offers a new version of the bundled briefing only as a separate briefing', async () => {
    const { services, userDataDir } = await open()
    const bundled = services.library.briefings[0]!
    const md = `---\ntitle: ${JSON.stringify(bundled.title)}\nsource: ${bundled.source}\n---\n\nA shorter retelling.\n`
    const report = await importBriefings(services, userDataDir, [
      { name: 'quad.md', bytes: bytes(md) }
    ])
    expect(report.versions).toMatchObject([{ briefingId: bundled.id, bundled: true }])
    await expect(
      decide(services, userDataDir, report.versions[0]!.token, 'replace')
    ).rejects.toThrow(/came with the app/)
  })

  it('moves the reading position into the new text: a removed section goes to the nearest one', async () => {
    const { services, userDataDir, id, second } = await importWithHighlights()
    const positions = openReadingPositions(userDataDir, nodeStoreFs)
    await positions.save({ briefingId: id, sectionId: 'costs', offset: 6000 })
    const result = await decideVersion(
      { services, userDataDir, positions },
      { token: second.versions[0]!.token, mode: 'replace' },
      {
        queue: (work) => services.importState.queue(work),
        importSeparately: () => Promise.reject(new Error('not asked'))
      }
    )
    expect(result.status).toBe('replaced')
    expect(await openReadingPositions(userDataDir, nodeStoreFs).get(id)).toMatchObject({
      sectionId: 'talks',
      offset: 0
    })
  })
})
