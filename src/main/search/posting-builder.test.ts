// Postings built directly must be exactly the ones lunr.Builder makes for the same documents:
// the same terms, posting lists and rounded weights, so every query scores as lunr's would.

import { describe, expect, it } from 'vitest'

import { brownDocuments } from '../../test-support/brown-documents'
import { lunrReference } from '../../test-support/lunr-reference'
import { buildPostings, PostingBuilder, TermAnalyser } from './posting-builder'
import { createSearchPipeline } from './section-index'
import type { SectionDocument } from './section-index'

function document(fields: Partial<SectionDocument>): SectionDocument {
  const empty = { briefing: '', heading: '', body: '', person: '', org: '', place: '' }
  return { ref: 'r', ...empty, programme: '', tag: '', ...fields }
}

// Text where lunr's tokenizer and pipeline do odd things: hyphens and runs of separators,
// punctuation-only words (trimmed to an empty term that lunr still indexes), stop words, numbers
// (integer-like object keys), words named like Object's properties, accents and non-BMP text.
const AWKWARD: SectionDocument[] = [
  document({ heading: 'Grand-jury  --  said', body: 'the jury... said "said" said; --- ! ?' }),
  document({ body: '1961 1961 2 10 constructor __proto__ toString hasOwnProperty' }),
  document({
    briefing: 'Café naïve CAFÉ',
    body: 'Ünïcödé 𝒜𝒷𝒸 emoji 🙂 tab\there\nnewline\u00a0nbsp'
  }),
  document({ person: 'Fumio Kishida\nKishida', tag: 'genre-a\ngenre-b', place: 'South China Sea' }),
  document({}),
  document({ body: 'running runs ran runner generously generous generalisation' })
]

function expectSameArrays(
  documents: SectionDocument[],
  expected = lunrReference(documents).arrays
): void {
  const actual = buildPostings(documents, new TermAnalyser(createSearchPipeline()))
  expect(actual.fields).toEqual(expected.fields)
  expect(actual.documentCount).toBe(expected.documentCount)
  expect(actual.terms).toEqual(expected.terms)
  expect(actual.offsets).toEqual(expected.offsets)
  expect(actual.documents).toEqual(expected.documents)
  expect(actual.weights).toEqual(expected.weights)
}

// Built here rather than in a test, whose time limit a loaded machine can exceed.
const prose = brownDocuments(24)
const lunrProse = lunrReference(prose).arrays

describe('posting builder', () => {
  it('makes lunr’s postings for real prose', () => {
    expect(prose.length).toBeGreaterThan(300)
    expectSameArrays(prose, lunrProse)
  })

  it('makes lunr’s postings for awkward text', () => {
    expectSameArrays(AWKWARD)
    expectSameArrays([...AWKWARD, ...brownDocuments(2)])
  })

  it('gives the same postings when its word memo is shared between shards', () => {
    const analyser = new TermAnalyser(createSearchPipeline())
    const documents = brownDocuments(4)
    buildPostings(documents.slice(0, 20), analyser)
    const again = buildPostings(documents, analyser)
    expect(again).toEqual(buildPostings(documents, new TermAnalyser(createSearchPipeline())))
  })

  it('builds an empty shard', () => {
    const arrays = new PostingBuilder(new TermAnalyser(createSearchPipeline())).build()
    expect(arrays.documentCount).toBe(0)
    expect(arrays.terms).toEqual([])
    expect(arrays.offsets).toEqual(new Int32Array(1))
  })
})
