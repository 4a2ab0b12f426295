// Collecting the library's words for fuzzy queries: which queries wait for them, and that a walk
// started beside another (each fuzzy keystroke starts one) ends as soon as the words are in.

import { setImmediate as nextTurn } from 'node:timers/promises'

import { describe, expect, it } from 'vitest'

import {
  asksLibraryWords,
  carryWords,
  libraryWordsOf,
  libraryWordsReady,
  wordsCollected
} from './fuzzy-words'
import type { IndexedSection } from './section-index'
import { createSearchPipeline } from './section-index'

const turn = () => nextTurn()

/** A view of `n` one-section briefings with a word of their own each; `changed` differ. */
function viewOf(n: number, changed: ReadonlySet<number> = new Set()) {
  const sections = new Map<string, IndexedSection>()
  const hashes = new Map<string, string>()
  for (let i = 0; i < n; i++) {
    const text = changed.has(i) ? `zebra${i} text` : `word${i} text`
    sections.set(`b${i}/s`, {
      briefing: { id: `b${i}`, title: 'T', tags: [], sections: [] },
      section: { id: 's', heading: `h ${i}`, text, tags: [], mentions: [] },
      tags: [],
      entities: []
    } as unknown as IndexedSection)
    hashes.set(`b${i}`, text)
  }
  return { sections, entities: new Map(), hashes }
}

/** Event-loop turns until `promise` settles. */
async function turnsTo(promise: Promise<unknown>): Promise<number> {
  let done = false
  void promise.then(() => (done = true))
  let turns = 0
  for (; !done; turns++) await turn()
  return turns
}

describe('asksLibraryWords', () => {
  const pipeline = createSearchPipeline()
  it('is true for a fuzzy word, false for what does not expand over the words', () => {
    expect(asksLibraryWords('goverment~1', pipeline)).toBe(true)
    expect(asksLibraryWords('harbour heading:talks~1', pipeline)).toBe(true)
    expect(asksLibraryWords('harbour talks', pipeline)).toBe(false)
    expect(asksLibraryWords('harbour\\~1', pipeline)).toBe(false)
    expect(asksLibraryWords('milit*~1', pipeline)).toBe(false)
    // Unreadable (typed on the way to "goverment~1"): its error is answered at once.
    expect(asksLibraryWords('goverment~', pipeline)).toBe(false)
  })
})

describe('wordsCollected', () => {
  it('ends a walk started beside another as soon as the words are in', async () => {
    const view = viewOf(20_000)
    let first = false
    let second = false
    void wordsCollected(
      () => view,
      () => true
    ).then(() => (first = true))
    for (let i = 0; i < 180; i++) await turn()
    void wordsCollected(
      () => view,
      () => true
    ).then(() => (second = true))
    while (!first) await turn()
    expect(libraryWordsReady(view)).toBe(true)
    let turns = 0
    for (; !second; turns++) await turn()
    expect(turns).toBeLessThan(5)
  })
})

describe('carryWords', () => {
  const collect = (view: ReturnType<typeof viewOf>) =>
    wordsCollected(
      () => view,
      () => true
    )

  it('reads again only the briefings whose hash changed when a whole view takes over', async () => {
    const before = viewOf(20_000)
    await collect(before)
    const same = viewOf(20_000)
    carryWords(before, same, true)
    expect(libraryWordsReady(same)).toBe(true)

    const changed = viewOf(20_000, new Set([7, 19_000]))
    carryWords(same, changed, true)
    expect(libraryWordsReady(changed)).toBe(false)
    expect(await turnsTo(collect(changed))).toBeLessThan(5)
    expect(libraryWordsOf(changed)?.termsNear('zebra19000', 0)).toEqual(['zebra19000'])
  })

  it('carries nothing when the entity records changed or the words were not all in', async () => {
    const before = viewOf(2_000)
    const next = viewOf(2_000)
    carryWords(before, next, true)
    expect(libraryWordsReady(next)).toBe(false)
    await collect(before)
    carryWords(before, next, false)
    expect(libraryWordsReady(next)).toBe(false)
  })
})
