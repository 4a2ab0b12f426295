// The app's search path (text and annotations searched in the index process in one call, their
// facets merged there) answers exactly as searching them apart and merging in main did: hits,
// totals and every facet list, over more values than a facet lists.

import { rmSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { HIGHLIGHT_COLORS } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import type { SearchRequest } from '../../shared/search'
import { makeIndexProfile, writeBriefing } from '../../test-support/index-profile'
import { ASEAN_BRIEFING, QUAD_BRIEFING, testLibrary } from '../../test-support/search-library'
import { remoteAnnotationSearch } from './annotation-remote'
import { createAnnotationSearch } from './annotation-search'
import type { AnnotationDocument } from './annotation-search'
import { FACET_LIMIT } from './facet-counter'
import { searchAll } from './search-all'
import type { SearchServices } from './search-all'
import { SearchIndex } from './search-index'

// More briefings than a facet lists; every third shares its title with the one before (values
// with one label are listed in the order of their best hits).
const GENERATED: Briefing[] = Array.from({ length: FACET_LIMIT + 12 }, (_, n) => ({
  ...ASEAN_BRIEFING,
  id: `copy-${n}`,
  title: `Outlook ${n % 3 === 2 ? n - 1 : n}`,
  tags: [`batch${n % 4}`],
  sections: ASEAN_BRIEFING.sections.map((s, i) => ({
    ...s,
    text: `${s.text} Convoy ${n % (i + 2) === 0 ? 'talks' : 'drills'} near station ${n}.`
  }))
}))
const BRIEFINGS = [QUAD_BRIEFING, ASEAN_BRIEFING, ...GENERATED]

/** Highlights and a note per section, their words varying with the briefing's number. */
function annotationsOf(briefing: Briefing, n: number): AnnotationDocument[] {
  return briefing.sections.flatMap((section, i) =>
    Array.from({ length: 1 + ((n + i) % 3) }, (_, k) => ({
      kind: k === 2 ? ('note' as const) : ('highlight' as const),
      id: `${section.id}-${k}`,
      briefingId: briefing.id,
      briefingTitle: briefing.title,
      sectionId: section.id,
      heading: section.heading,
      text: `${section.text.slice(0, 40 + 7 * k)} ${k === 1 ? 'convoy talks' : 'maritime'}`,
      tags: (n + k) % 3 === 0 ? ['follow-up'] : k === 1 ? [`t${n % 35}`] : [],
      ...(k === 2 ? {} : { color: HIGHLIGHT_COLORS[(n + i + k) % HIGHLIGHT_COLORS.length]! })
    }))
  )
}

const REQUESTS: SearchRequest[] = [
  { query: 'talks' },
  { query: 'convoy', limit: 5 },
  { query: 'japan tokyo', limit: 3, offset: 2 },
  { query: 'maritime' },
  { query: 'quad', filters: { entityId: 'quad' } },
  { query: 'talks', filters: { tag: 'follow-up' } },
  { query: 'convoy', filters: { color: 'green' } },
  { query: 'talks', filters: { briefingId: 'copy-3' } },
  { query: '"convoy talks"' },
  { query: 'heading:security -drills' }
]

const dirs: string[] = []
let index: SearchIndex
let apart: SearchServices
let together: SearchServices
const info = { version: 'test', briefingCount: 0, sectionCount: 0, entityCount: 0, notices: [] }

beforeAll(async () => {
  const profile = makeIndexProfile('search-together-', BRIEFINGS.slice(1), dirs)
  index = new SearchIndex(profile)
  await index.whenComplete()
  const library = testLibrary(BRIEFINGS)
  const local = createAnnotationSearch()
  const remote = remoteAnnotationSearch(index)
  BRIEFINGS.forEach((briefing, n) => {
    local.setBriefing(briefing.id, annotationsOf(briefing, n))
    remote.setBriefing(briefing.id, annotationsOf(briefing, n))
  })
  apart = { library, search: index, annotationSearch: local, info }
  together = { library, search: index, annotationSearch: remote, info }
})

afterAll(async () => {
  await index.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('text and annotations searched in one call to the index process', () => {
  it('answers as searching them apart and merging in main', async () => {
    for (const request of REQUESTS) {
      expect(await searchAll(together, request), request.query).toEqual(
        await searchAll(apart, request)
      )
    }
  })

  it('merges facets over more values than are listed, from both kinds of hit', async () => {
    const answer = await searchAll(together, { query: 'talks', limit: 50 })
    expect(new Set(answer.hits.map((h) => h.kind))).toEqual(new Set(['text', 'highlight']))
    expect(answer.facets.briefing).toHaveLength(FACET_LIMIT)
    expect(answer.facets.tag.length).toBeGreaterThan(FACET_LIMIT - 5)
    expect(answer.facets.entity.map((e) => e.value)).toContain('quad')
    expect(answer.facets.color.length).toBeGreaterThan(1)
  })
})

describe('the entity facet of annotation hits', () => {
  it('follows a briefing whose mentions changed (entities kept between queries are dropped)', async () => {
    const profile = makeIndexProfile('search-entities-', [ASEAN_BRIEFING], dirs)
    const own = new SearchIndex(profile)
    await own.whenComplete()
    const remote = remoteAnnotationSearch(own)
    remote.setBriefing(ASEAN_BRIEFING.id, annotationsOf(ASEAN_BRIEFING, 0))
    const library = testLibrary([QUAD_BRIEFING, ASEAN_BRIEFING])
    const services = { library, search: own, annotationSearch: remote, info }
    // Only annotations say "maritime": the entities are those of their sections.
    const entities = async () =>
      (await searchAll(services, { query: 'maritime' })).facets.entity.map((e) => e.value)
    expect(await entities()).toContain('asean')
    const sections = ASEAN_BRIEFING.sections.map((section) => ({
      ...section,
      mentions: section.mentions.filter((m) => m.entity !== 'asean')
    }))
    writeBriefing(profile.userDataDir, { ...ASEAN_BRIEFING, sections })
    await own.sync({ briefings: [ASEAN_BRIEFING.id] })
    expect(await entities()).not.toContain('asean')
    expect(await entities()).toContain('japan')
    await own.close()
  })
})
