import { describe, expect, it } from 'vitest'

import {
  follow,
  targetOf,
  TEXT,
  tokyoLibrary as library,
  useAnnotationService
} from '../../test-support/annotation-service'

const { setUp, closeLast } = useAnnotationService('annotation-service')

describe('annotation service', () => {
  it('creates a highlight from a selection, anchored, with main-assigned id and clean tags', async () => {
    const { service } = await setUp()
    const view = follow(
      await service.load('b1'),
      await service.change('b1', {
        op: 'highlight.create',
        target: targetOf('co-development'),
        color: 'green',
        tags: [' industry ', 'Industry', 'defence']
      })
    )
    expect(view.highlights).toHaveLength(1)
    expect(view.highlights[0]).toMatchObject({
      id: 'id-1',
      color: 'green',
      tags: ['industry', 'defence'],
      note: '',
      status: 'anchored',
      range: { start: TEXT.indexOf('co-development'), end: TEXT.indexOf(' of military') }
    })
    expect(view.save).toEqual({ saved: true, pending: 0 })
    expect(view.canUndo).toBe(true)
  })

  it('answers a change with the id it created or changed', async () => {
    const { service } = await setUp()
    const created = await service.change('b1', {
      op: 'note.create',
      target: { kind: 'briefing' },
      body: 'first'
    })
    expect(created.changedId).toBe('id-1')
    expect(created.notes.put.map((n) => n.id)).toEqual(['id-1'])
    const edited = await service.change('b1', { op: 'note.update', id: 'id-1', body: 'second' })
    expect(edited.changedId).toBe('id-1')
  })

  it('refuses a target whose position does not cut out its quote', async () => {
    const { service } = await setUp()
    const target = targetOf('military')
    const forged = { ...target, quote: { ...target.quote, exact: 'civilian' } }
    await expect(
      service.change('b1', { op: 'highlight.create', target: forged, color: 'yellow' })
    ).rejects.toMatchObject({ code: 'invalid-request' })
    await expect(
      service.change('b1', {
        op: 'highlight.create',
        target: { ...target, sectionId: 'nope' },
        color: 'yellow'
      })
    ).rejects.toMatchObject({ code: 'not-found' })
    await expect(service.load('no-such-briefing')).rejects.toMatchObject({ code: 'not-found' })
  })

  it('updates, deletes to the trash, restores, and undoes/redoes', async () => {
    const { service } = await setUp()
    let view = await service.load('b1')
    view = follow(
      view,
      await service.change('b1', {
        op: 'highlight.create',
        target: targetOf('military'),
        color: 'yellow'
      })
    )
    view = follow(
      view,
      await service.change('b1', {
        op: 'highlight.update',
        id: 'id-1',
        color: 'pink',
        note: 'Why *now*?'
      })
    )
    expect(view.highlights[0]).toMatchObject({ color: 'pink', note: 'Why *now*?' })
    view = follow(view, await service.change('b1', { op: 'highlight.delete', id: 'id-1' }))
    expect(view.highlights).toEqual([])
    expect(view.trash).toMatchObject([{ kind: 'highlight', id: 'id-1', label: 'military' }])
    view = follow(view, await service.undo('b1'))
    expect(view.highlights.map((h) => h.id)).toEqual(['id-1'])
    view = follow(view, await service.redo('b1'))
    expect(view.highlights).toEqual([])
    view = follow(view, await service.change('b1', { op: 'highlight.restore', id: 'id-1' }))
    expect(view.highlights[0]).toMatchObject({ id: 'id-1', color: 'pink' })
  })

  it('keeps section and briefing notes, and makes everything searchable', async () => {
    const { service, search } = await setUp()
    await service.change('b1', {
      op: 'note.create',
      target: { kind: 'briefing' },
      body: 'Overall: watch Mitsubishi'
    })
    await service.change('b1', {
      op: 'note.create',
      target: { kind: 'section', sectionId: 's1' },
      body: 'Platforms list pending',
      tags: ['follow-up']
    })
    await service.change('b1', {
      op: 'highlight.create',
      target: targetOf('military'),
      color: 'yellow',
      note: 'ask about radar'
    })
    expect(search.search('mitsubishi', { take: 10 }).hits).toMatchObject([
      { kind: 'note', heading: 'Briefing note', sectionId: 's1' }
    ])
    expect(search.search('radar', { take: 10 }).hits).toMatchObject([
      { kind: 'highlight', annotationId: 'id-3' }
    ])
    await expect(
      service.change('b1', {
        op: 'note.create',
        target: { kind: 'section', sectionId: 'zz' },
        body: 'x'
      })
    ).rejects.toMatchObject({ code: 'not-found' })
  })

  it('re-anchors on changed text and keeps what it cannot place as an orphan', async () => {
    const { dir, service } = await setUp()
    await service.change('b1', {
      op: 'highlight.create',
      target: targetOf('military platforms'),
      color: 'blue',
      note: 'keep me'
    })
    await service.change('b1', {
      op: 'highlight.create',
      target: targetOf('co-development'),
      color: 'green'
    })
    await closeLast()
    const edited =
      'Both sides now study joint manufacturing of different military platforms as well.'
    const { service: reopened } = await setUp(dir, library(edited))
    const view = await reopened.load('b1')
    const byId = new Map(view.highlights.map((h) => [h.id, h]))
    const moved = byId.get('id-1')!
    expect(moved.status).toBe('anchored')
    expect(edited.slice(moved.range!.start, moved.range!.end)).toBe('military platforms')
    expect(byId.get('id-2')).toMatchObject({
      status: 'orphaned',
      target: { quote: { exact: 'co-development' } }
    })
  })

  it('runs concurrent edits of one highlight one after the other, losing neither', async () => {
    const { service } = await setUp()
    await service.change('b1', {
      op: 'highlight.create',
      target: targetOf('military'),
      color: 'yellow'
    })
    await Promise.all([
      service.change('b1', { op: 'highlight.update', id: 'id-1', color: 'pink' }),
      service.change('b1', { op: 'highlight.update', id: 'id-1', note: 'both survive' })
    ])
    const view = await service.load('b1')
    expect(view.highlights[0]).toMatchObject({ color: 'pink', note: 'both survive' })
  })
})

/** searchAll over the test library with one green highlight noted "platforms evidence". */
async function searchable() {
  const { searchAll } = await import('../search/search-all')
  const { createLunrSearch } = await import('../../test-support/in-memory-search')
  const { service, search: annotationSearch } = await setUp()
  await service.change('b1', {
    op: 'highlight.create',
    target: targetOf('military'),
    color: 'green',
    note: 'platforms evidence'
  })
  const services = {
    search: createLunrSearch(library()),
    library: library(),
    annotationSearch
  } as unknown as Parameters<typeof searchAll>[0]
  return (request: Parameters<typeof searchAll>[1]) => searchAll(services, request)
}

describe('search over text and annotations together', () => {
  it('returns text and annotation hits within the limit, each saying what matched', async () => {
    const search = await searchable()
    const both = await search({ query: 'platforms', limit: 10 })
    expect(both.hits.map((h) => h.kind).sort()).toEqual(['highlight', 'text'])
    expect(both.total).toBe(2)
    const one = await search({ query: 'platforms', limit: 1 })
    expect(one.hits).toHaveLength(1)
    expect(one.total).toBe(2)
  })
})

describe('search facets and paging over text and annotations', () => {
  it('counts highlight colours and filters by one', async () => {
    const search = await searchable()
    const all = await search({ query: 'platforms' })
    expect(all.facets.color).toEqual([{ value: 'green', label: 'green', count: 1 }])
    const green = await search({ query: 'platforms', filters: { color: 'green' } })
    expect(green.hits.map((h) => h.kind)).toEqual(['highlight'])
    expect(green.total).toBe(1)
    expect((await search({ query: 'platforms', filters: { color: 'pink' } })).total).toBe(0)
  })

  it('pages with offset: the pages together are the whole list, without repeats', async () => {
    const search = await searchable()
    const whole = await search({ query: 'platforms', limit: 10 })
    const first = await search({ query: 'platforms', limit: 1 })
    const second = await search({ query: 'platforms', limit: 1, offset: 1 })
    expect(second.offset).toBe(1)
    expect([...first.hits, ...second.hits]).toEqual(whole.hits)
    expect(first.total).toBe(whole.total)
  })
})

describe('search while the index process has not read the library yet', () => {
  it('says the whole library is still indexing instead of "complete, no hits"', async () => {
    const { searchAll } = await import('../search/search-all')
    const { search: annotationSearch } = await setUp()
    const empty = { indexedSections: 0, totalSections: 0, pendingBriefings: 0 }
    const services = {
      search: {
        search: async () => ({
          query: 'japan',
          total: 0,
          hits: [],
          facets: { briefing: [], entity: [], tag: [], color: [] },
          indexing: empty
        })
      },
      library: library(),
      annotationSearch,
      info: { sectionCount: 6, briefingCount: 1 }
    } as unknown as Parameters<typeof searchAll>[0]
    const response = await searchAll(services, { query: 'japan' })
    expect(response.indexing).toEqual({ indexedSections: 0, totalSections: 6, pendingBriefings: 1 })
  })
})
