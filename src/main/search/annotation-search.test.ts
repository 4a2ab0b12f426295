import { describe, expect, it } from 'vitest'

import type { AnnotationDocument } from './annotation-search'
import { createAnnotationSearch } from './annotation-search'

const doc = (over: Partial<AnnotationDocument>): AnnotationDocument => ({
  kind: 'highlight',
  id: 'h1',
  briefingId: 'b1',
  briefingTitle: 'Tokyo visit',
  sectionId: 's1',
  heading: 'Military Cooperation',
  text: 'co-development of military platforms',
  tags: [],
  ...over
})

describe('annotation search', () => {
  const search = createAnnotationSearch()
  search.setBriefing('b1', [
    doc({}),
    doc({
      kind: 'note',
      id: 'n1',
      heading: 'Overview',
      text: 'Ask the desk about negotiations with Mitsubishi',
      tags: ['follow-up']
    })
  ])

  it('finds highlights by their quote and notes by their text, saying which matched', async () => {
    const military = search.search('military', { take: 10 })
    expect(military.hits).toMatchObject([
      { kind: 'highlight', annotationId: 'h1', sectionId: 's1' }
    ])
    expect(military.hits[0]?.snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['military'])
    const negotiating = search.search('negotiating', { take: 10 })
    expect(negotiating.hits).toMatchObject([{ kind: 'note', annotationId: 'n1' }])
    expect(negotiating.hits[0]?.snippet.some((p) => p.mark && p.text === 'negotiations')).toBe(true)
  })

  it('searches tags; entity-only fields match no annotation', () => {
    expect(search.search('tag:follow-up', { take: 10 }).hits.map((h) => h.annotationId)).toEqual([
      'n1'
    ])
    expect(search.search('person:mitsubishi', { take: 10 }).hits).toEqual([])
    expect(search.search('+person:mitsubishi negotiations', { take: 10 }).hits).toEqual([])
    expect(search.search('person:mitsubishi negotiations', { take: 10 }).hits).toHaveLength(1)
  })

  it('follows changes: replaced annotations are found, removed ones are not', () => {
    search.setBriefing('b1', [
      doc({ id: 'h2', heading: 'Overview', text: 'maritime domain awareness' })
    ])
    expect(search.search('military', { take: 10 }).hits).toEqual([])
    expect(search.search('maritime', { take: 10 }).hits.map((h) => h.annotationId)).toEqual(['h2'])
  })

  it('prepares on the word most annotations have, and answers as before', () => {
    const prepared = createAnnotationSearch()
    const docs = ['patrols near the strait', 'maritime patrols', 'coast guard patrols'].map(
      (text, i) => doc({ id: `h${i}`, briefingTitle: 'Outlook', heading: 'Coast', text })
    )
    prepared.setBriefing('b1', docs)
    const before = prepared.search('coast', { take: 10 })
    expect(prepared.prepare()).toBe('coast')
    expect(prepared.search('coast', { take: 10 })).toEqual(before)
    expect(createAnnotationSearch().prepare()).toBeUndefined()
  })

  it('prepares on nothing, without failing, when that word reads as query syntax', () => {
    const prepared = createAnnotationSearch()
    const docs = [0, 1, 2].map((i) =>
      doc({ id: `h${i}`, briefingTitle: '', heading: '', text: `e~f ratio ${i}` })
    )
    prepared.setBriefing('b1', docs)
    expect(prepared.prepare()).toBeUndefined()
    expect(prepared.search('ratio', { take: 10 }).total).toBe(3)
  })
})
