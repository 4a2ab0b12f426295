// A fuzzy word finds the library's words within its edit distance from the first query after a
// start, as the README says: in a library too large to collect its words at once, the query
// waits for them rather than answer from lunr's expansion of the stem (which finds other
// sections a moment later).

import { rmSync } from 'node:fs'

import { afterAll, beforeAll, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { makeIndexProfile } from '../../test-support/index-profile'
import { ASEAN_BRIEFING, section } from '../../test-support/search-library'
import { SearchIndex } from './search-index'

// 2,100 sections, over the number whose words are collected at the first query. "goverment"
// stems to "gover", one edit from "cover": lunr's expansion finds "covered" too.
const BRIEFINGS: Briefing[] = Array.from({ length: 150 }, (_, n) => ({
  ...ASEAN_BRIEFING,
  id: `brief-${n}`,
  title: `Brief ${n}`,
  sections: Array.from({ length: 14 }, (_, i) =>
    section(
      `s${i}`,
      `Part ${i}`,
      i % 2 === 0
        ? `The government opened harbour talks in round ${n}.`
        : `The council covered harbour talks in round ${n}.`,
      []
    )
  )
}))

const dirs: string[] = []
let index: SearchIndex

beforeAll(async () => {
  index = new SearchIndex(makeIndexProfile('fuzzy-wait-', BRIEFINGS, dirs))
  await index.whenComplete()
})

afterAll(async () => {
  await index.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

it('answers a fuzzy word over the library words from the first query after a start', async () => {
  expect((await index.stats()).wordsReady).toBe(false)
  const first = await index.search({ query: 'goverment~1', take: 5 })
  const together = await index.searchTogether({ query: 'goverment~1', take: 5 })
  expect(first.total).toBe(150 * 7)
  const marked = first.hits.flatMap((hit) => hit.snippet.filter((p) => p.mark).map((p) => p.text))
  expect(new Set(marked)).toEqual(new Set(['government']))
  expect(together.text.total).toBe(first.total)
  await expect.poll(async () => (await index.stats()).wordsReady).toBe(true)
  const later = await index.search({ query: 'goverment~1', take: 5 })
  expect({ ...first, indexing: null }).toEqual({ ...later, indexing: null })
})
