// Fuzzy words expand to the library's words near the word as typed: the distance walk agrees with
// a plain distance table, and on the bundled briefing misspelt words find every section the
// intended word finds (no fewer than lunr's expansion of the stem did), with fewer strays.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import type { DatasetFile } from '../../shared/dataset'
import { seededRandom } from '../../test-support/crash-steps'
import { buildIndex, createLunrSearch } from '../../test-support/in-memory-search'
import { LibraryWords } from './fuzzy-words'
import { PostingIndex } from './posting-index'
import { matchShard } from './posting-query'
import { planQuery } from './query-plan'
import { createSearchPipeline } from './section-index'
import { viewOf } from './search-view'
import { withinDistance } from './word-trie'

/** Optimal string alignment distance, the whole table. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
      }
    }
  }
  return d[a.length]![b.length]!
}

describe('withinDistance', () => {
  it('finds exactly the words a full distance table finds', () => {
    const random = seededRandom(5)
    const word = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 6) },
        () => 'abcde'[Math.floor(random() * 5)]
      ).join('')
    const words = [...new Set(Array.from({ length: 400 }, word))].sort()
    for (let round = 0; round < 60; round++) {
      const typed = word()
      for (const edits of [1, 2]) {
        const expected = words.filter((w) => distance(w, typed) <= edits)
        expect(withinDistance(words, typed, edits), `${typed}~${edits}`).toEqual(expected)
      }
    }
  })

  it('counts a swap of neighbouring letters as one edit, as lunr does', () => {
    expect(withinDistance(['form', 'fro', 'from', 'mrof'], 'form', 1)).toEqual(['form', 'from'])
  })
})

describe('LibraryWords', () => {
  it('stems the words near the typed word, not the neighbours of its stem', () => {
    const words = new LibraryWords()
    const library = {
      entities: new Map(),
      briefings: [
        {
          id: 'b',
          title: 'Covering the government',
          tags: [],
          sections: [
            {
              id: 's',
              heading: 'Over the governments',
              text: 'The governor hovered over a lover; government cover.',
              tags: [],
              mentions: []
            }
          ]
        }
      ]
    }
    const view = viewOf(library as never)
    words.add(view.sections.values(), view.entities)
    // "goverment" stems to "gover", whose neighbours "cover", "over" and "hover" lunr expands.
    expect(words.termsNear('goverment', 1)).toEqual(['govern'])
    expect(words.termsNear('govrnments', 1)).toEqual(['govern'])
  })
})

const DATASET = fileURLToPath(
  new URL('../../../resources/dataset/india-japan-quad.json', import.meta.url)
)

describe('misspelt words on the bundled briefing', () => {
  const file = JSON.parse(readFileSync(DATASET, 'utf8')) as DatasetFile
  const library = {
    entities: new Map(file.entities.map((e) => [e.id, e])),
    briefings: file.briefings
  }
  const search = createLunrSearch(library)
  const pipeline = createSearchPipeline()
  const view = viewOf(library)
  const { arrays, refs } = buildIndex([...view.hashes.keys()].flatMap((id) => view.documents(id)))
  const index = new PostingIndex(arrays)
  /** What lunr's expansion of the typed word's stem found (the default expander). */
  const byLunr = (query: string): Set<string> => {
    const found = matchShard(index, planQuery(query, pipeline).scoring)
    return new Set(found.documents.map((document) => refs[document]!))
  }
  const refsOf = async (query: string): Promise<Set<string>> => {
    const { hits } = await search.search({ query, take: 10_000 })
    return new Set(hits.map((hit) => JSON.stringify([hit.briefingId, hit.sectionId])))
  }

  const text = file.briefings.flatMap((b) => b.sections.map((s) => s.text)).join(' ')
  const words = [...new Set(text.toLowerCase().match(/\b[a-z]{6,}\b/g) ?? [])].sort()
  const picked = words.filter((_, i) => i % Math.max(1, Math.floor(words.length / 40)) === 0)
  const typos = picked.flatMap((w) => {
    const middle = w.length >> 1
    return [
      [w, w.slice(0, middle) + w.slice(middle + 1)],
      [w, w.slice(0, middle - 1) + w[middle] + w[middle - 1] + w.slice(middle + 1)],
      [w, `${w.slice(0, -2)}x${w.slice(-1)}`]
    ] as [string, string][]
  })

  it('has words enough to mean something', () => {
    expect(typos.length).toBeGreaterThan(60)
  })

  it('finds every section the intended word finds, and fewer others than lunr did', async () => {
    let strays = 0
    let lunrStrays = 0
    for (const [intended, typo] of typos) {
      const relevant = await refsOf(intended)
      const found = await refsOf(`${typo}~1`)
      const before = byLunr(`${typo}~1`)
      const missing = [...relevant].filter((ref) => !found.has(ref))
      expect(missing, `${typo}~1 for ${intended}`).toEqual([])
      const relevantBefore = [...before].filter((ref) => relevant.has(ref)).length
      expect(relevant.size, `${typo}~1`).toBeGreaterThanOrEqual(relevantBefore)
      strays += found.size - relevant.size
      lunrStrays += before.size - relevantBefore
    }
    expect(strays).toBeLessThan(lunrStrays)
  })
})
