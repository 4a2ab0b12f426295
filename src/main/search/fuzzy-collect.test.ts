// Collecting the library's words for fuzzy queries: which queries wait for them, and that a walk
// started beside another (each fuzzy keystroke starts one) ends as soon as the words are in.

import { describe, expect, it } from 'vitest'

import { asksLibraryWords, libraryWordsReady, wordsCollected } from './fuzzy-words'
import type { IndexedSection } from './section-index'
import { createSearchPipeline } from './section-index'

const turn = () => new Promise((resolve) => setImmediate(resolve))

/** A view of `n` one-section briefings with a word of their own each. */
function viewOf(n: number) {
  const sections = new Map<string, IndexedSection>()
  for (let i = 0; i < n; i++) {
    sections.set(`b${i}/s`, {
      briefing: { id: `b${i}`, title: 'T', tags: [], sections: [] },
      section: { id: 's', heading: `h ${i}`, text: `word${i} text`, tags: [], mentions: [] },
      tags: [],
      entities: []
    } as unknown as IndexedSection)
  }
  return { sections, entities: new Map() }
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
