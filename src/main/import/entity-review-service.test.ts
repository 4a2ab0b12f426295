// Entity review after an import: proposals are kept in the profile, listed until handled, applied
// all or nothing (a failed write changes neither file nor the library), and accepted or merged
// names are tagged, searchable by field and kept across restarts.

import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, describe, expect, it } from 'vitest'

import type { DatasetFile } from '../../shared/dataset'
import { FaultyFs } from '../../test-support/annotation-store'
import { startCore } from '../app-core'
import type { AppCore } from '../app-core'
import { applyEntityReview, entityReview, pendingReviews } from './entity-review-service'
import { importBriefings } from './import-service'
import { proposalPath } from './proposal-files'
import { searchAll } from '../search/search-all'
import { useTempFolders } from '../../test-support/temp-folders'

const temp = useTempFolders()

const DATASET = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../..'),
  'resources/dataset'
)

const ARTICLE = `Harbour talks

Washington welcomed the step.

Port call

The frigate docked at Yokosuka on Monday. Admiral Hiroshi Tanaka welcomed the crew, and Tanaka said the visit mattered to Japan.

Industry

Officials from Mitsubishi Heavy Industries met Maria Gonzalez in Osaka. Gonzalez praised the Osaka shipyards.
`

const DECISIONS = [
  { name: 'Maria Gonzalez', action: 'accept', as: { name: 'Maria Gonzalez', kind: 'person' } },
  { name: 'Gonzalez', action: 'accept', as: { name: 'Maria Gonzalez', kind: 'person' } },
  { name: 'Washington', action: 'merge', into: 'united-states' },
  { name: 'Osaka', action: 'reject' }
] as const

const cores: AppCore[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
})

async function open(userDataDir = temp('entity-review-')) {
  const core = startCore({ datasetDir: DATASET, userDataDir, appVersion: 'test' })
  cores.push(core)
  return { core, services: await core.ready, userDataDir }
}

async function importArticle() {
  const opened = await open()
  const report = await importBriefings(opened.services, opened.userDataDir, [
    { name: 'harbour.txt', bytes: new TextEncoder().encode(ARTICLE) }
  ])
  const id = report.imported[0]!.briefingId
  const datasetPath = join(opened.userDataDir, 'library', `${id}.json`)
  return { ...opened, report, id, datasetPath }
}

const names = (review: { proposals: { name: string }[] }) => review.proposals.map((p) => p.name)

describe('entity review', () => {
  it('keeps the proposals of an import in the profile and lists them until handled', async () => {
    const { services, userDataDir, report, id } = await importArticle()
    const proposals = JSON.parse(readFileSync(proposalPath(userDataDir, id), 'utf8'))
    expect(report.imported[0]).toMatchObject({
      proposals: proposals.proposals.length,
      missing: ['source', 'published']
    })
    expect(await pendingReviews(services, userDataDir)).toEqual([
      { briefingId: id, count: proposals.proposals.length }
    ])
    const review = await entityReview(services, userDataDir, id)
    expect(names(review)).toEqual(
      expect.arrayContaining(['Maria Gonzalez', 'Gonzalez', 'Washington', 'Osaka', 'Tanaka'])
    )
    expect(names(review)).not.toContain('Japan')
    expect(review).toMatchObject({ title: 'Harbour talks', analysedChars: review.totalChars })
    expect(review.entities).toContainEqual({
      id: 'united-states',
      kind: 'place',
      name: 'United States'
    })
    await expect(
      entityReview(services, userDataDir, 'india-japan-quad-2022')
    ).rejects.toMatchObject({ code: 'read-only' })
  })

  it('accepts, renames, merges and rejects: tagged, searchable, kept across restarts', async () => {
    const { core, services, userDataDir, id, datasetPath } = await importArticle()
    const result = await applyEntityReview(services, userDataDir, {
      briefingId: id,
      decisions: [...DECISIONS]
    })
    const left = (await entityReview(services, userDataDir, id)).proposals
    expect(result).toMatchObject({ accepted: 2, merged: 1, rejected: 1, remaining: left.length })
    expect(result.mentionsAfter).toBeGreaterThan(result.mentionsBefore)
    expect(names({ proposals: left })).not.toEqual(
      expect.arrayContaining(['Gonzalez', 'Washington', 'Osaka'])
    )

    const file = JSON.parse(readFileSync(datasetPath, 'utf8')) as DatasetFile
    expect(file.entities).toContainEqual({
      id: 'maria-gonzalez',
      kind: 'person',
      name: 'Maria Gonzalez',
      aliases: ['Gonzalez']
    })
    expect(file.entities.find((e) => e.id === 'united-states')?.aliases).toContain('Washington')
    const mentions = file.briefings[0]!.sections.flatMap((s) => s.mentions)
    expect(mentions.map((m) => `${m.text}=${m.entity}`)).toEqual(
      expect.arrayContaining([
        'Washington=united-states',
        'Maria Gonzalez=maria-gonzalez',
        'Gonzalez=maria-gonzalez'
      ])
    )
    expect(mentions.some((m) => m.text === 'Osaka')).toBe(false)

    const person = await searchAll(services, { query: 'person:gonzalez' })
    expect(person.hits.map((h) => [h.briefingId, h.sectionId])).toEqual([[id, 'industry']])
    const place = await searchAll(services, { query: 'place:washington' })
    // "Washington" is now an alias of the library's United States: the bundled briefing, which
    // mentions the United States, is found by it too.
    expect(place.hits.filter((h) => h.briefingId === id).map((h) => h.sectionId)).toEqual(['lead'])
    expect(services.library.entities.get('maria-gonzalez')?.name).toBe('Maria Gonzalez')

    await core.close()
    cores.pop()
    const reopened = await open(userDataDir)
    expect(reopened.services.info.notices).toEqual([])
    expect(reopened.services.library.entities.get('united-states')?.aliases).toContain('Washington')
    expect(reopened.services.library.entities.get('maria-gonzalez')?.aliases).toEqual(['Gonzalez'])
    expect(reopened.services.library.briefings.map((b) => b.id)).toContain('india-japan-quad-2022')
    expect(await pendingReviews(reopened.services, userDataDir)).toEqual(
      left.length > 0 ? [{ briefingId: id, count: left.length }] : []
    )
  })

  it.each([
    ['the list of entities to review', 'entity-proposals', 'rename'],
    ['the briefing', 'library', 'write']
  ] as const)('changes nothing when saving %s fails', async (_what, only, op) => {
    const { services, userDataDir, id, datasetPath } = await importArticle()
    const before = readFileSync(datasetPath, 'utf8')
    const proposalsBefore = readFileSync(proposalPath(userDataDir, id), 'utf8')
    const fs = new FaultyFs()
    fs.failWith('ENOSPC', [op], only)
    await expect(
      applyEntityReview(services, userDataDir, { briefingId: id, decisions: [...DECISIONS] }, fs)
    ).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/could not be saved .*ENOSPC.*Nothing was changed\.$/)
    })
    expect(readFileSync(datasetPath, 'utf8')).toBe(before)
    expect(readFileSync(proposalPath(userDataDir, id), 'utf8')).toBe(proposalsBefore)
    expect(services.library.entities.has('maria-gonzalez')).toBe(false)
    expect(services.library.entities.get('united-states')?.aliases).not.toContain('Washington')
    expect((await searchAll(services, { query: 'person:gonzalez' })).hits).toEqual([])

    fs.heal()
    await applyEntityReview(
      services,
      userDataDir,
      { briefingId: id, decisions: [...DECISIONS] },
      fs
    )
    expect(services.library.entities.has('maria-gonzalez')).toBe(true)
  })

  it('refuses a decision on a proposal already handled, and reports a damaged proposal file', async () => {
    const { services, userDataDir, id } = await importArticle()
    const reject = { briefingId: id, decisions: [{ name: 'Osaka', action: 'reject' as const }] }
    await applyEntityReview(services, userDataDir, reject)
    await expect(applyEntityReview(services, userDataDir, reject)).rejects.toMatchObject({
      code: 'invalid-request',
      message: '“Osaka” is not among the entities to review (any more).'
    })
    writeFileSync(proposalPath(userDataDir, id), '{"format": "something else"')
    await expect(entityReview(services, userDataDir, id)).rejects.toMatchObject({
      message: expect.stringContaining('could not be read: the file is not JSON')
    })
    expect(await pendingReviews(services, userDataDir)).toEqual([])
  })
})
