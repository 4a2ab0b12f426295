// The annotation search answers exactly as its reference (the Map/Set version it replaced, in
// src/test-support): same total, hits in the same order with the same scores and snippets, and
// the same facet counts listed in the same order, after any sequence of changes, whether or not
// the ranking of refs that changes start (in turns of the event loop) has ended between them.
import { setImmediate as nextTurn } from 'node:timers/promises'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { HIGHLIGHT_COLORS } from '../../shared/annotations'
import type { SearchFilters } from '../../shared/search'
import { createReferenceAnnotationSearch } from '../../test-support/annotation-search-reference'
import { createAnnotationSearch } from './annotation-search'
import type { FacetCounts } from './numbered-facet'
import type { AnnotationDocument, AnnotationResult, AnnotationSearch } from './annotation-search'

const WORDS = ['maritime', 'patrols', 'patrol', 'near', 'the', 'strait', 'coast', 'guard', 'ports']
const text = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 })
  .map((w) => w.join(' '))
const briefingIds = ['b1', 'b2', 'b3']

const annotation = (briefingId: string) =>
  fc.record({
    kind: fc.constantFrom('highlight' as const, 'note' as const),
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    briefingId: fc.constant(briefingId),
    // Titles repeat across briefings, so facet ties fall back on the order values were met.
    briefingTitle: fc.constantFrom('Strait', 'Coast'),
    sectionId: fc.constantFrom('s1', 's2', 's3', ''),
    heading: text,
    text,
    tags: fc.array(fc.constantFrom('follow-up', 'patrols', 'x'), { maxLength: 3 }),
    color: fc.option(fc.constantFrom(...HIGHLIGHT_COLORS), { nil: undefined })
  })

const change = fc.constantFrom(...briefingIds).chain((briefingId) =>
  fc.oneof(
    fc.record({
      briefingId: fc.constant(briefingId),
      documents: fc.array(annotation(briefingId), { maxLength: 6 })
    }),
    fc.record({
      briefingId: fc.constant(briefingId),
      put: fc.array(annotation(briefingId), { maxLength: 3 }),
      removed: fc.array(
        fc.record({
          kind: fc.constantFrom('highlight' as const, 'note' as const),
          id: fc.constantFrom('a', 'b', 'c')
        }),
        { maxLength: 2 }
      )
    })
  )
)

const QUERIES = [
  'patrols',
  'maritime patrols',
  '"maritime patrols"',
  '+patrols -coast',
  'patr*',
  'patrol~1',
  'tag:patrols',
  'heading:strait^3 coast',
  '-guard',
  '+nothing ports',
  'person:x',
  'person:x strait'
]
const FILTERS: (SearchFilters | undefined)[] = [
  undefined,
  { briefingId: 'b2' },
  { tag: 'follow-up' },
  { color: 'blue' },
  { entityId: 'e1' }
]

/** Entities by section, with names shared between ids (facet ties by label). */
function sectionEntities(briefingId: string, sectionId: string): ReadonlyMap<string, string> {
  const n = briefingIds.indexOf(briefingId) * 4 + Number(sectionId.slice(1) || 0)
  const names = new Map<string, string>()
  if (n % 2 === 0) names.set(`e${n % 3}`, `Entity ${n % 2}`)
  if (n % 3 !== 1) names.set(`e${(n + 1) % 4}`, 'Entity 1')
  return names
}

/**
 * The counts as main lists them after merging them with the text's: by count, then label, then
 * in the order given, so only the order of values sharing a label shows.
 */
function asMerged(counter: FacetCounts) {
  return counter.all().sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
}

function answer(
  search: AnnotationSearch,
  query: string,
  filters: SearchFilters | undefined,
  take: number
) {
  const result: AnnotationResult = search.search(query, {
    take,
    sectionEntities,
    ...(filters ? { filters } : {})
  })
  const { briefing, entity, tag, color } = result.facets
  return {
    total: result.total,
    hits: result.hits,
    facets: [briefing, entity, tag, color].map(asMerged)
  }
}

/** Applies the changes, letting the event loop turn `turns` times after each. */
async function apply(search: AnnotationSearch, changes: [Change, number][]) {
  for (const [c, turns] of changes) {
    if ('documents' in c) search.setBriefing(c.briefingId, c.documents as AnnotationDocument[])
    else search.patchBriefing(c.briefingId, c.put as AnnotationDocument[], c.removed)
    for (let t = 0; t < turns; t++) await nextTurn()
  }
}
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never

describe('annotation search against its reference', () => {
  it('answers every query, filter and page size exactly as the reference after any changes', async () => {
    const changes = fc.array(fc.tuple(change, fc.nat(2)), { minLength: 1, maxLength: 8 })
    await fc.assert(
      fc.asyncProperty(changes, async (changes) => {
        const fast = createAnnotationSearch()
        const reference = createReferenceAnnotationSearch()
        await apply(fast, changes)
        await apply(reference, changes)
        for (const query of QUERIES) {
          for (const filters of FILTERS) {
            for (const take of [1, 3, 40]) {
              expect(answer(fast, query, filters, take)).toEqual(
                answer(reference, query, filters, take)
              )
            }
          }
        }
        fast.close()
      }),
      { numRuns: 120 }
    )
  }, 120_000)
})
