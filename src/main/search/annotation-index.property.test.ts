// Property tests of the incremental annotation index: after any sequence of puts and removes it
// answers every query class exactly as an index built afresh from the documents left, and as
// lunr.Index.query over those documents (same hits, same scores up to rounding, same terms);
// and the same answers when a query's stamps run past the wrap of its scratch's counter.
import fc from 'fast-check'
import lunr from 'lunr'
import { describe, expect, it } from 'vitest'

import { AnnotationIndex } from './annotation-index'
import type { FullClause } from './annotation-index'
import { scoringClauses } from './posting-query'
import { Scratch } from './query-scratch'

/** lunr's query parser: public in lunr, missing from @types/lunr. */
const { QueryParser } = lunr as unknown as {
  QueryParser: new (query: string, into: lunr.Query) => { parse(): void }
}

const FIELDS = ['briefing', 'heading', 'body', 'tag']
const WORDS = [
  'maritime',
  'marine',
  'military',
  'militia',
  'platform',
  'platforms',
  'the',
  'and',
  'negotiation',
  'negotiating',
  'japan',
  'japanese',
  'defence',
  'follow-up',
  'co-development'
]

type Doc = Record<(typeof FIELDS)[number], string>
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' '))
const doc = fc.record({ briefing: text, heading: text, body: text, tag: text })
const op = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 12 }), doc }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 12 }) })
)

const QUERIES = [
  'maritime',
  'platforms',
  'marit*',
  'mil*',
  'negotiating~1',
  'japn~1',
  'm*ne',
  '+military platform',
  '+japan -marine',
  'maritime -marine',
  '-defence',
  'body:platform',
  'tag:follow',
  'heading:japan^3 body:japan',
  'co-development',
  'the'
]

function lunrIndexOf(docs: Map<string, Doc>): lunr.Index {
  const builder = new lunr.Builder()
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  builder.searchPipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  builder.ref('ref')
  for (const field of FIELDS) builder.field(field)
  for (const [ref, d] of docs) builder.add({ ref, ...d })
  return builder.build()
}

function indexOf(docs: Map<string, Doc>, scratch?: Scratch): AnnotationIndex {
  const index = new AnnotationIndex(FIELDS, scratch)
  for (const [ref, d] of docs) index.put(ref, d)
  return index
}

/** The query's clauses, as lunr's parser makes them and the index takes them. */
function clausesOf(query: string, index: AnnotationIndex) {
  const parsed = new lunr.Query(FIELDS)
  new QueryParser(query, parsed).parse()
  return scoringClauses(parsed.clauses, FIELDS, index.pipeline) as {
    clause: FullClause
    terms: string[]
  }[]
}

describe('incremental annotation index', () => {
  it('answers as a fresh index and as lunr after any sequence of puts and removes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const incremental = new AnnotationIndex(FIELDS)
        const docs = new Map<string, Doc>()
        for (const o of ops) {
          const ref = `r${o.id}`
          if (o.kind === 'put') {
            incremental.put(ref, o.doc)
            docs.set(ref, o.doc)
          } else {
            incremental.remove(ref)
            docs.delete(ref)
          }
          // A fuzzy query between changes makes the trie early, so later words are "new".
          incremental.query(clausesOf('japn~1', incremental))
        }
        const fresh = indexOf(docs)
        const reference = lunrIndexOf(docs)
        expect(incremental.size).toBe(docs.size)
        for (const query of QUERIES) {
          const got = incremental.query(clausesOf(query, incremental))
          expect(got).toEqual(fresh.query(clausesOf(query, fresh)))
          if (docs.size === 0) continue
          const expected = reference.search(query)
          expect(new Set(got.map((h) => h.ref))).toEqual(new Set(expected.map((r) => r.ref)))
          for (const hit of got) {
            const want = expected.find((r) => r.ref === hit.ref)!
            expect(hit.score).toBeCloseTo(want.score, 9)
            const terms = (want.matchData.metadata ?? {}) as Record<string, Record<string, unknown>>
            const byField = new Map<string, Set<string>>()
            for (const [term, fields] of Object.entries(terms)) {
              for (const field of Object.keys(fields)) {
                if (!byField.has(field)) byField.set(field, new Set())
                byField.get(field)!.add(term)
              }
            }
            expect(hit.matched).toEqual(byField)
          }
        }
      }),
      { numRuns: 150 }
    )
  }, 60_000)

  it('answers the same when the stamp counter wraps during a query', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 12 }), (list) => {
        const docs = new Map(list.map((d, i) => [`r${i}`, d]))
        const fresh = indexOf(docs)
        for (const query of QUERIES) {
          const expected = fresh.query(clausesOf(query, fresh))
          // The counter wraps (clearing every mark) after `left` more stamps: at each of the
          // query's stamps in turn.
          for (let left = 0; left <= 4; left++) {
            const scratch = new Scratch()
            scratch.stamps(0xffffffff - left)
            const wrapping = indexOf(docs, scratch)
            expect(wrapping.query(clausesOf(query, wrapping))).toEqual(expected)
          }
        }
      }),
      { numRuns: 100 }
    )
  })
})
