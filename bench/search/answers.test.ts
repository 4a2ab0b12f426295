// The engine's answers to the benchmark's queries, pinned: work on query speed (issue #17 item 3)
// must leave every hit, its order, score, snippet and marks, the total and the facets as they
// were. The digests were recorded with the engine before that work; a change that means to alter
// answers records them again (ANSWER_DIGESTS=print prints them).

import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import type { Library } from '../../src/main/library/library'
import { PostingIndex } from '../../src/main/search/posting-index'
import { viewOf } from '../../src/main/search/search-view'
import type { LoadedShard } from '../../src/main/search/text-search'
import { buildIndex, createShardedSearch } from '../../src/test-support/in-memory-search'
import { buildCorpus } from './corpus'
import { pickQueries } from './queries'

const EXPECTED: Record<string, string> = {
  human: 'd448e129265e9657',
  returned: '750c1131cbb6100e',
  yourself: 'a2a4896bb1d17d8c',
  employed: 'ffc0b514c9f32664',
  nailed: '99fca41ccbd1d69f',
  'doing stage': '590737ce3f982820',
  'stopped beside': '7e3b0b186f9afe73',
  'intensity parker balanced': '434302f1067c83be',
  'milit*': 'ebb885a5d306c9fd',
  'gener*': '54337f6c5b77807f',
  'advan*': 'cad8767a710a4202',
  'myste*': '3b9eea69869f2bcb',
  'goverment~1': 'b0b523ba305fec40',
  'effrts~1': 'ade4c23e1f375e61',
  'reacing~1': '93ccdb12e5306a15',
  'terrtory~1': 'fc464a394811e67d',
  'heading:although': '861512e479ce7204',
  'heading:further': '469ce6c56a246b33',
  'heading:total': '1ae1a450d1212f5b',
  '"both declared themselves"': '00f36f59d2a065a1',
  '"moved like mourners"': '2a8cbb92f0913794',
  '"despair and once"': 'faf541b45a5010d9',
  '"tighten the seat"': '9e9641ba7d069175',
  first: 'b59afbb6d831fd46',
  before: '13429cb0c4a243b8',
  through: '9d7b5fd5489d2ec3'
}

describe("the benchmark's queries", () => {
  it('get the answers the engine gave before its query work, over three shards', async () => {
    const { briefings } = buildCorpus(1_000)
    const library: Library = { briefings, entities: new Map() }
    const view = viewOf(library)
    const ids = [...view.hashes.keys()]
    // Three shards, the last one holding a briefing of the first again (counted once).
    const parts = [ids.slice(0, 40), ids.slice(40, 80), [...ids.slice(80), ids[0]!]]
    const shards: LoadedShard[] = parts.map((members) => {
      const { arrays, refs } = buildIndex(members.flatMap((id) => view.documents(id)))
      const built = new Map(members.map((id) => [id, view.hashes.get(id) ?? '']))
      return { index: new PostingIndex(arrays), refs, built }
    })
    const search = createShardedSearch(shards, library)
    const digests: Record<string, string> = {}
    for (const { text } of pickQueries(briefings.flatMap((b) => b.sections))) {
      const { total, hits, facets } = await search.search({ query: text, take: 20 })
      expect(total, text).toBeGreaterThan(0)
      const answer = JSON.stringify({ total, hits, facets })
      digests[text] = createHash('sha256').update(answer).digest('hex').slice(0, 16)
    }
    if (process.env.ANSWER_DIGESTS === 'print') console.log(JSON.stringify(digests, null, 2))
    expect(digests).toEqual(EXPECTED)
  })
})
