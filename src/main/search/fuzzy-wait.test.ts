// A fuzzy word finds the library's words within its edit distance from the first query after a
// start, as the README says: in a library too large to collect its words at once, the query
// waits for them rather than answer from lunr's expansion of the stem (which finds other
// sections a moment later).

import { rmSync } from 'node:fs'

import { afterAll, expect, it, vi } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { makeIndexProfile, writeBriefing } from '../../test-support/index-profile'
import { ASEAN_BRIEFING, section } from '../../test-support/search-library'
import { SearchIndex } from './search-index'

/** The library loader, whose next call fails with `next` when set (a sync that fails). */
const loaderFails = vi.hoisted(() => ({ next: undefined as Error | undefined }))
vi.mock('../library/library-loader', async (original) => {
  const actual = await original<typeof import('../library/library-loader')>()
  return {
    ...actual,
    loadLibrary: (...args: Parameters<typeof actual.loadLibrary>) => {
      const error = loaderFails.next
      loaderFails.next = undefined
      return error ? Promise.reject(error) : actual.loadLibrary(...args)
    }
  }
})

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

// Collecting 2,100 sections' words and preparing took up to ~0.8 s on a loaded 2-core machine:
// more than expect.poll's default second leaves.
const PREPARING = { timeout: 15_000 }

const dirs: string[] = []
const indexes: SearchIndex[] = []

/** A new index on the library in a profile of its own, complete. */
async function opened() {
  const profile = makeIndexProfile('fuzzy-wait-', BRIEFINGS, dirs)
  const index = new SearchIndex(profile)
  indexes.push(index)
  await index.whenComplete()
  return { profile, index }
}

/** A new index on the library, complete, its words not collected yet (2,100 sections). */
async function started(): Promise<SearchIndex> {
  const { index } = await opened()
  expect((await index.stats()).wordsReady).toBe(false)
  return index
}

afterAll(async () => {
  for (const index of indexes) await index.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** The answer's hits are the sections with "government", marked, and as many as later. */
async function expectLibraryWords(index: SearchIndex, total: number, marked: string[]) {
  expect(total).toBe(150 * 7)
  expect(new Set(marked)).toEqual(new Set(['government']))
  await expect.poll(async () => (await index.stats()).wordsReady, PREPARING).toBe(true)
  expect((await index.search({ query: 'goverment~1', take: 5 })).total).toBe(total)
}

const marksOf = (hits: { snippet: { text: string; mark: boolean }[] }[]) =>
  hits.flatMap((hit) => hit.snippet.filter((p) => p.mark).map((p) => p.text))

it('answers a fuzzy word over the library words from the first query after a start', async () => {
  const index = await started()
  const first = await index.search({ query: 'goverment~1', take: 5 })
  await expectLibraryWords(index, first.total, marksOf(first.hits))
})

it('does so on the path the app takes (text and annotations in one call)', async () => {
  const index = await started()
  const first = await index.searchTogether({ query: 'goverment~1', take: 5 })
  await expectLibraryWords(index, first.text.total, marksOf(first.text.hits))
})

it('reports when nothing is left to prepare in the background, and again after an import', async () => {
  const { profile, index } = await opened()
  expect((await index.stats()).prepared).toBe(false)
  await expect.poll(async () => (await index.stats()).prepared, PREPARING).toBe(true)
  expect((await index.stats()).wordsReady).toBe(true)
  const imported = { ...BRIEFINGS[0]!, id: 'brief-new', title: 'Brief new' }
  writeBriefing(profile.userDataDir, imported)
  const syncing = index.sync({ briefings: [imported.id] })
  expect((await index.stats()).prepared).toBe(false)
  await syncing
  await expect.poll(async () => (await index.stats()).prepared, PREPARING).toBe(true)
  expect((await index.search({ query: 'goverment~1', take: 5 })).total).toBe(151 * 7)
})

it('reports nothing left to prepare again after a sync that failed', async () => {
  const { index } = await opened()
  await expect.poll(async () => (await index.stats()).prepared, PREPARING).toBe(true)
  // The library's files never fail a sync now (one that cannot be read, or even stat-ed, is left
  // out: index-delta.test.ts, library-loader.test.ts): the loader itself fails, once.
  loaderFails.next = new Error('the disk went away')
  await expect(index.sync({ briefings: ['brief-1'] })).rejects.toThrow('the disk went away')
  await expect.poll(async () => (await index.stats()).prepared, PREPARING).toBe(true)
  expect((await index.search({ query: 'goverment~1', take: 5 })).total).toBe(150 * 7)
})
