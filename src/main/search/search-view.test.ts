// The library's view as the search sees it, made in slices so that queries are answered meanwhile.

import { describe, expect, it } from 'vitest'

import { viewInSlices, viewOf } from './search-view'
import { ASEAN_BRIEFING, QUAD_BRIEFING, testLibrary } from '../../test-support/search-library'
import { messageAndPass, steppingSlice } from '../../test-support/time-slices'

/** The library with `copies` copies of each test briefing under ids of their own. */
function libraryOf(copies: number) {
  const briefings = [QUAD_BRIEFING, ASEAN_BRIEFING].flatMap((briefing) =>
    Array.from({ length: copies }, (_, i) => ({ ...briefing, id: `${briefing.id}-${i}` }))
  )
  return testLibrary([...briefings, { ...QUAD_BRIEFING, id: `${QUAD_BRIEFING.id}-0`, title: 'A' }])
}

describe('viewInSlices', () => {
  it('makes the same view as viewOf (the first of a repeated briefing id wins)', async () => {
    const library = libraryOf(20)
    const [sliced, whole] = [await viewInSlices(library), viewOf(library)]
    expect([...sliced.sections.keys()]).toEqual([...whole.sections.keys()])
    expect([...sliced.hashes]).toEqual([...whole.hashes])
    expect([...sliced.sectionCounts]).toEqual([...whole.sectionCounts])
    expect(
      sliced.sections.get(JSON.stringify([`${QUAD_BRIEFING.id}-0`, 'lead']))?.briefing.title
    ).toBe(QUAD_BRIEFING.title)
    expect(sliced.documents(`${ASEAN_BRIEFING.id}-3`)).toEqual(
      whole.documents(`${ASEAN_BRIEFING.id}-3`)
    )
  })

  it('answers a query that arrives while a large view is made, before the view is done', async () => {
    const making = viewInSlices(libraryOf(50), steppingSlice())
    expect(await messageAndPass(making)).toEqual(['message', 'pass done'])
  })
})
