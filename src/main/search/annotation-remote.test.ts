// Main's side of annotation search in the index process: changes arrive in order, a restarted
// process (one that answers to another name) is sent every annotation again, and nothing is sent
// once it is being closed.

import { describe, expect, it } from 'vitest'

import { useTempFolders } from '../../test-support/temp-folders'
import type { AnnotationDocument } from './annotation-search'
import { remoteAnnotationSearch } from './annotation-remote'
import { SearchIndex } from './search-index'

const doc = (id: string, text: string): AnnotationDocument => ({
  kind: 'highlight',
  id,
  briefingId: 'b1',
  briefingTitle: 'Tokyo visit',
  sectionId: 's1',
  heading: 'Overview',
  text,
  tags: [],
  color: 'green'
})

const temp = useTempFolders()

function indexHost() {
  const dir = temp('annotation-remote-')
  return new SearchIndex({ datasetDir: dir, userDataDir: dir })
}

describe('annotation search in the index process', () => {
  it('applies changes in order before a search, and counts facets there', async () => {
    const host = indexHost()
    const remote = remoteAnnotationSearch(host)
    remote.setBriefing('b1', [doc('h1', 'maritime patrols'), doc('h2', 'trade routes')])
    remote.patchBriefing('b1', [doc('h2', 'maritime trade')], [])
    remote.patchBriefing('b1', [], [{ kind: 'highlight', id: 'h1' }])
    const answer = await remote.search('maritime', { take: 10 })
    expect(answer.hits.map((h) => h.annotationId)).toEqual(['h2'])
    expect(answer.facets.color.top()).toEqual([{ value: 'green', label: 'green', count: 1 }])
    await host.close()
  })

  it('sends everything again when the index process was restarted (it answers to another name)', async () => {
    let host = indexHost()
    const remote = remoteAnnotationSearch({
      changeAnnotations: (changes) => host.changeAnnotations(changes),
      searchAnnotations: (query, options) => host.searchAnnotations(query, options),
      searchTogether: (query) => host.searchTogether(query)
    })
    let sent = 0
    remote.indexWith(async (onProgress) => {
      sent += 1
      onProgress(0)
      remote.setBriefing('b1', [doc('h1', 'maritime patrols')])
    })
    await remote.whenIndexed()
    expect((await remote.search('maritime', { take: 10 })).total).toBe(1)
    await host.close()
    host = indexHost()
    // The first answer from the new process has nothing; it makes main send everything again.
    expect((await remote.search('maritime', { take: 10 })).total).toBe(0)
    expect(sent).toBe(2)
    await remote.whenIndexed()
    expect((await remote.search('maritime', { take: 10 })).total).toBe(1)
    await host.close()
  })

  it('sends every briefing only once the text index is complete, counting them as indexing till then; edits go at once', async () => {
    const host = indexHost()
    let complete!: () => void
    const textComplete = new Promise<void>((resolve) => (complete = resolve))
    const remote = remoteAnnotationSearch({
      changeAnnotations: (changes) => host.changeAnnotations(changes),
      searchAnnotations: (query, options) => host.searchAnnotations(query, options),
      searchTogether: (query) => host.searchTogether(query),
      whenComplete: () => textComplete
    })
    remote.indexWith(async (onProgress) => {
      onProgress(1)
      remote.setBriefing('b1', [doc('h1', 'maritime patrols')])
      onProgress(0)
    })
    // An edit (or an import) meanwhile is searchable at once.
    remote.setBriefing('b2', [{ ...doc('h2', 'maritime trade'), briefingId: 'b2' }])
    const before = await remote.search('maritime', { take: 10 })
    expect(before.hits.map((h) => h.annotationId)).toEqual(['h2'])
    expect(remote.pendingBriefings()).toBe(1)
    complete()
    await remote.whenIndexed()
    expect(remote.pendingBriefings()).toBe(0)
    expect((await remote.search('maritime', { take: 10 })).total).toBe(2)
    await host.close()
  })

  it('counts every briefing indexed even when the index process fails to settle its heap after them', async () => {
    const host = indexHost()
    const remote = remoteAnnotationSearch({
      changeAnnotations: (changes) => host.changeAnnotations(changes),
      searchAnnotations: (query, options) => host.searchAnnotations(query, options),
      searchTogether: (query) => host.searchTogether(query),
      settleAnnotations: () => Promise.reject(new Error('The search index process stopped.'))
    })
    remote.indexWith(async (onProgress) => {
      remote.setBriefing('b1', [doc('h1', 'maritime patrols')])
      onProgress(0)
    })
    await remote.whenIndexed()
    expect(remote.pendingBriefings()).toBe(0)
    expect((await remote.search('maritime', { take: 10 })).total).toBe(1)
    await host.close()
  })

  it('sends nothing once closed, and resends nothing when the text index then fails', async () => {
    const calls: string[] = []
    let closing = false
    const remote = remoteAnnotationSearch(
      {
        changeAnnotations: async () => (calls.push('change'), 'one'),
        searchAnnotations: async () => {
          throw new Error('not searched here')
        },
        searchTogether: async () => {
          throw new Error('not searched here')
        },
        whenComplete: () => Promise.reject(new Error('The search index process stopped')),
        settleAnnotations: async () => void calls.push('settle')
      },
      () => closing
    )
    closing = true
    remote.setBriefing('b1', [doc('h1', 'maritime patrols')])
    let sent = false
    remote.indexWith(async () => void (sent = true))
    await remote.whenIndexed()
    await remote.drain()
    expect(calls).toEqual([])
    expect(sent).toBe(false)
  })
})
