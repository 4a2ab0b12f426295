// The typed-array index must answer every kind of query exactly as lunr's own Index.query does on
// an index of the same documents: the same documents, scores and matched terms per field. Checked on real
// prose (Brown Corpus texts) with queries drawn from its vocabulary, before and after the cache
// file round trip.

import lunr from 'lunr'
import { describe, expect, it } from 'vitest'

import { decodePostingFile, encodePostingFile } from './posting-file'
import { buildPostings, TermAnalyser } from './posting-builder'
import { PostingIndex } from './posting-index'
import { matchedTerms, matchShard } from './posting-query'
import { planQuery } from './query-plan'
import { createSearchPipeline } from './section-index'
import { brownDocuments } from '../../test-support/brown-documents'
import { lunrReference } from '../../test-support/lunr-reference'

const documents = brownDocuments(24)
// lunr's own index is the reference; the postings queried are built directly (posting-builder.ts).
const lunrIndex = lunrReference(documents).index
const pipeline = createSearchPipeline()
const arrays = buildPostings(documents, new TermAnalyser(pipeline))

// Words of the corpus, picked deterministically: frequent ones and rare ones.
const words = [...new Set(documents.flatMap((d) => d.body.toLowerCase().match(/[a-z]{5,}/g)!))]
const pick = (i: number): string => words[(i * 7919) % words.length]!

const QUERIES = [
  'the',
  'jury',
  'jury election',
  'county grand',
  'milit*',
  'gener*',
  'gov*ent',
  'goverment~1',
  'electon~2',
  'heading:jury',
  'briefing:text',
  'person:kishida',
  'place:china sea',
  'tag:genre-a',
  '+jury +election',
  '+jury -election',
  '-jury -election',
  'jury^5 election',
  `jury^${'9'.repeat(400)} election`,
  'body:jury heading:election',
  '"grand jury"',
  'zzzzunknown',
  '+zzzzunknown jury',
  ...Array.from({ length: 12 }, (_, i) => pick(i)),
  ...Array.from({ length: 6 }, (_, i) => `${pick(i + 20)} ${pick(i + 40)}`),
  ...Array.from({ length: 6 }, (_, i) => `${pick(i + 60).slice(0, 4)}*`),
  ...Array.from({ length: 6 }, (_, i) => `${pick(i + 80).slice(1)}~1`)
]

type Scored = Map<string, { score: number; terms: Map<string, Set<string>> }>

function byLunr(query: string): Scored {
  const plan = planQuery(query, pipeline)
  // Nothing searchable left ("the"): the search answers nothing without asking lunr, which would
  // list every document.
  if (plan.clauses.length === 0) return new Map()
  const results = lunrIndex.query((q) => plan.clauses.forEach((c) => q.clause({ ...c })))
  return new Map(
    results.map((result) => {
      const metadata = result.matchData.metadata as Record<string, Record<string, unknown>>
      const terms = new Map<string, Set<string>>()
      for (const [term, fields] of Object.entries(metadata)) {
        for (const field of Object.keys(fields)) {
          if (!terms.has(field)) terms.set(field, new Set())
          terms.get(field)!.add(term)
        }
      }
      return [result.ref, { score: result.score, terms }]
    })
  )
}

function byPostings(index: PostingIndex, query: string): Scored {
  const found = matchShard(index, planQuery(query, pipeline).scoring)
  const scored: Scored = new Map()
  for (let i = 0; i < found.count; i++) {
    const document = found.documents[i]!
    scored.set(document.toString(36), {
      score: found.scores[i]!,
      terms: matchedTerms(index, found, document)
    })
  }
  return scored
}

function expectSame(actual: Scored, expected: Scored, query: string): void {
  expect([...actual.keys()].sort(), query).toEqual([...expected.keys()].sort())
  for (const [ref, { score, terms }] of expected) {
    const mine = actual.get(ref)!
    expect(Math.abs(mine.score - score), `${query}: score of ${ref}`).toBeLessThan(1e-9)
    expect(mine.terms, `${query}: terms of ${ref}`).toEqual(terms)
  }
}

describe('posting index', () => {
  const index = new PostingIndex(arrays)
  const reloaded = new PostingIndex(decodePostingFile(encodePostingFile({}, arrays)).arrays)

  it('is built from enough real prose to mean something', () => {
    expect(documents.length).toBeGreaterThan(300)
    expect(arrays.terms.length).toBeGreaterThan(5000)
  })

  it.each(QUERIES)('answers %s as lunr does', (query) => {
    const expected = byLunr(query)
    expectSame(byPostings(index, query), expected, query)
    expectSame(byPostings(reloaded, query), expected, query)
  })

  it('finds something for most queries (the comparison is not vacuous)', () => {
    const answered = QUERIES.filter((query) => byLunr(query).size > 0)
    expect(answered.length).toBeGreaterThan(QUERIES.length * 0.8)
    expect(byLunr('-jury -election').size).toBe(documents.length - byLunr('jury election').size)
  })

  it('ranks as lunr ranks', () => {
    for (const query of ['jury election', 'gener*', 'goverment~1', 'jury^5 election']) {
      const top = (scored: Scored) =>
        [...scored].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1))
      const mine = top(byPostings(index, query)).map(([ref]) => ref)
      expect(mine.slice(0, 20), query).toEqual(
        top(byLunr(query))
          .map(([ref]) => ref)
          .slice(0, 20)
      )
    }
  })

  it('refuses a damaged cache file instead of reading past its arrays', () => {
    const file = encodePostingFile({ key: 'k' }, arrays)
    expect(decodePostingFile<{ key: string }>(file).header.key).toBe('k')
    expect(() => decodePostingFile(file.subarray(0, file.length - 4))).toThrow(/length/)
    const corrupt = Buffer.from(file)
    corrupt.writeInt32LE(documents.length + 5, corrupt.length - arrays.weights.length * 4 - 4)
    expect(() => decodePostingFile(corrupt)).toThrow(/disagree/)
    expect(() => decodePostingFile(Buffer.from('{"format":"json"}'))).toThrow(/not a posting/)
  })

  it('keeps lunr’s weights exactly through the file', () => {
    const { arrays: back } = decodePostingFile(encodePostingFile({}, arrays))
    expect(back.weights).toEqual(arrays.weights)
    expect(back.documents).toEqual(arrays.documents)
    expect(lunr.version).toBe('2.3.9')
  })

  it('scores with lunr’s very weights, kept as thousandths', () => {
    const index = new PostingIndex(arrays)
    const back = Float64Array.from(index.weightMillis, (millis) => millis / 1000)
    expect(back).toEqual(arrays.weights)
  })
})
