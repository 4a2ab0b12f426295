// Search behaviour end to end on the test library: marking, fields, ranking, limit, dataset.

import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import type { Briefing, DatasetFile } from '../../shared/dataset'
import type { SearchHit } from '../../shared/search'
import { createLunrSearch } from '../../test-support/in-memory-search'
import { ELLIPSIS } from './snippet'
import {
  ASEAN_BRIEFING,
  expectWellFormed,
  QUAD_BRIEFING,
  testLibrary
} from '../../test-support/search-library'

const search = createLunrSearch(testLibrary())
const BRIEFINGS = [QUAD_BRIEFING, ASEAN_BRIEFING]

function textOf(hit: SearchHit): string {
  const briefing = BRIEFINGS.find((b) => b.id === hit.briefingId)
  const section = briefing?.sections.find((s) => s.id === hit.sectionId)
  if (!section) throw new Error(`no section ${hit.briefingId}/${hit.sectionId}`)
  return section.text
}

async function hitsFor(query: string): Promise<SearchHit[]> {
  return (await search.search({ query })).hits
}

async function hitFor(query: string, sectionId: string): Promise<SearchHit> {
  const hit = (await hitsFor(query)).find((h) => h.sectionId === sectionId)
  if (!hit) throw new Error(`"${query}" did not hit section ${sectionId}`)
  return hit
}

const marked = (hit: SearchHit): string[] => hit.snippet.filter((p) => p.mark).map((p) => p.text)
const matched = (hit: SearchHit): string[] =>
  hit.matches.map(([start, end]) => textOf(hit).slice(start, end))

describe('lunr search: terms and marking', () => {
  it('finds a plain term and marks it in snippet and matches', async () => {
    const hits = await hitsFor('Kishida')
    expect(hits.map((h) => h.sectionId)).toEqual(['lead'])
    const [hit] = hits as [SearchHit]
    expect(hit).toMatchObject({
      briefingId: 'india-japan',
      briefingTitle: 'India and Japan deepen ties',
      heading: 'Lead',
      fields: ['body', 'person']
    })
    expect(hit.score).toBeGreaterThan(0)
    expect(marked(hit)).toEqual(['Kishida', 'Kishida'])
    expect(matched(hit)).toEqual(['Kishida', 'Kishida'])
    expectWellFormed(hit, textOf(hit))
  })

  it('marks inflected forms that stem like the query term', async () => {
    const hit = await hitFor('meeting', 'lead')
    expect(matched(hit)).toEqual(['meet', 'meetings'])
    expect(marked(hit)).toEqual(['meet', 'meetings'])
  })

  it('marks prefix (wildcard) matches, without the punctuation around them', async () => {
    const hits = await hitsFor('milit*')
    expect(matched(await hitFor('milit*', 'long'))).toEqual(['military'])
    expect(matched(await hitFor('milit*', 'security'))).toEqual(['Militarily'])
    for (const hit of hits) expectWellFormed(hit, textOf(hit))
  })

  it('marks fuzzy matches', async () => {
    const hit = await hitFor('japn~1', 'overview')
    expect(matched(hit)).toEqual(['Japan', 'Japan', 'Japan', 'Japan'])
    expect(marked(hit)).toEqual(['Japan', 'Japan', 'Japan', 'Japan'])
  })

  it('runs fielded queries on the named field only', async () => {
    const person = await hitsFor('person:kishida')
    expect(person.map((h) => h.sectionId)).toEqual(['lead'])
    expect(person[0]?.fields).toEqual(['person'])

    const heading = await hitsFor('heading:military')
    expect(heading.map((h) => h.sectionId)).toEqual(['military'])
    expect(heading[0]?.fields).toEqual(['heading'])

    const tag = await hitsFor('tag:defence')
    expect(tag.map((h) => h.sectionId).sort()).toEqual(['military', 'security'])

    const place = await hitsFor('place:tokyo')
    expect(place.map((h) => h.sectionId).sort()).toEqual(['lead', 'overview'])
    expect(place.every((h) => h.fields.join() === 'place')).toBe(true)
  })

  it('finds sections by entity alias and briefing tag', async () => {
    const nippon = await hitsFor('nippon')
    expect(nippon.map((h) => h.sectionId).sort()).toEqual(['economy', 'lead', 'overview'])
    expect((await hitFor('nippon', 'overview')).fields).toEqual(['place'])
    const tagged = await hitsFor('tag:indo-pacific')
    expect(tagged).toHaveLength(QUAD_BRIEFING.sections.length)
  })

  it('gives the unmarked opening as snippet when only the heading or tags matched', async () => {
    const hit = await hitFor('heading:military', 'military')
    expect(hit.matches).toEqual([])
    expect(hit.snippet).toEqual([{ text: textOf(hit), mark: false }])
  })

  it('marks the mentions of the entities an entity field matched, by any of their names', async () => {
    const person = await hitFor('person:kishida', 'lead')
    expect(matched(person).every((text) => /Kishida/.test(text))).toBe(true)
    expect(matched(person).length).toBeGreaterThan(0)
    const overview = await hitFor('nippon', 'overview')
    expect(matched(overview).length).toBeGreaterThan(0)
    expect(new Set(matched(overview))).toEqual(new Set(['Japan']))
    expect(marked(overview)[0]).toBe('Japan')
  })

  it('cuts a long section around the marks, at word boundaries, with ellipses', async () => {
    const hit = await hitFor('surveillance', 'long')
    expectWellFormed(hit, textOf(hit))
    expect(hit.snippet[0]).toEqual({ text: ELLIPSIS, mark: false })
    expect(hit.snippet.at(-1)).toEqual({ text: ELLIPSIS, mark: false })
    const body = hit.snippet
      .slice(1, -1)
      .map((p) => p.text)
      .join('')
    expect(body.length).toBeGreaterThanOrEqual(160)
    expect(body.length).toBeLessThanOrEqual(240)
    expect(body).toMatch(/^\S.*\S$/s)
    const start = textOf(hit).indexOf(body)
    expect(/\s/.test(textOf(hit).charAt(start - 1))).toBe(true)
    expect(/\s/.test(textOf(hit).charAt(start + body.length))).toBe(true)
  })
})

describe('lunr search: queries without hits', () => {
  it('returns nothing for an empty or blank query', async () => {
    for (const query of ['', '   ', '\n\t ']) {
      expect(await search.search({ query })).toMatchObject({ query, total: 0, hits: [] })
    }
  })

  it('returns nothing, without error, for stop words and bare punctuation', async () => {
    for (const query of ['the', 'the and of', '!!!', '…', '+the', '-the', 'body:the']) {
      expect(await search.search({ query })).toMatchObject({ query, total: 0, hits: [] })
    }
  })

  it('ignores a required term the pipeline removes instead of crashing', async () => {
    const { total } = await search.search({ query: 'japan' })
    expect((await search.search({ query: '+the japan' })).total).toBe(total)
    expect((await search.search({ query: '+, japan' })).total).toBe(total)
  })

  it('applies + and - presence', async () => {
    const required = await hitsFor('+asean +militarily')
    expect(required.map((h) => h.sectionId)).toEqual(['security'])
    const excluded = await hitsFor('asean -militarily')
    expect(excluded.map((h) => h.sectionId)).toEqual(['overview'])
  })
})

describe('lunr search: ranking, limit and total', () => {
  it('ranks more matches and a heading match first', async () => {
    const body = await hitsFor('body:japan')
    expect(body.map((h) => h.sectionId)).toEqual(['overview', 'lead'])
    const outlook = await hitsFor('outlook')
    expect(outlook.map((h) => h.sectionId)).toEqual(['security', 'overview'])
    expect(outlook[0]?.fields).toEqual(['briefing', 'heading'])
  })

  it('returns at most `limit` hits and the total count', async () => {
    const all = await search.search({ query: 'japan' })
    expect(all.total).toBe(all.hits.length)
    expect(all.total).toBeGreaterThan(2)
    const two = await search.search({ query: 'japan', take: 2 })
    expect(two.total).toBe(all.total)
    expect(two.hits).toEqual(all.hits.slice(0, 2))
  })

  it('returns 20 hits by default', async () => {
    const sections = Array.from({ length: 25 }, (_, i) => ({
      id: `s${i}`,
      heading: `Part ${i}`,
      text: `Routine filler paragraph number ${i}.`,
      tags: [],
      mentions: []
    }))
    const big: Briefing = { ...ASEAN_BRIEFING, id: 'big', sections }
    const result = await createLunrSearch(testLibrary([big])).search({ query: 'filler' })
    expect(result.total).toBe(25)
    expect(result.hits).toHaveLength(20)
  })
})

const DATASET = fileURLToPath(
  new URL('../../../resources/dataset/india-japan-quad.json', import.meta.url)
)

describe.runIf(existsSync(DATASET))('lunr search: bundled dataset', () => {
  it('finds Kishida in the lead section and marks him in the snippet', async () => {
    const file = JSON.parse(readFileSync(DATASET, 'utf8')) as DatasetFile
    const library = {
      entities: new Map(file.entities.map((e) => [e.id, e])),
      briefings: file.briefings
    }
    const { hits } = await createLunrSearch(library).search({ query: 'Kishida', take: 200 })
    const lead = hits.find((h) => h.sectionId === 'lead')
    expect(lead).toBeDefined()
    expect(lead?.snippet.some((p) => p.mark && p.text === 'Kishida')).toBe(true)
  })
})
