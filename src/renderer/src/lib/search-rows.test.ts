// Unit tests of the result rows: hits grouped by briefing with counts, and what each hit matched.

import { describe, expect, it } from 'vitest'

import type { SearchHit } from '../../../shared/search'
import { groupHits, matchedIn } from './search-rows'

function hit(sectionId: string, briefingId: string, extra: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: 'text',
    briefingId,
    briefingTitle: `Title ${briefingId}`,
    sectionId,
    heading: sectionId,
    score: 1,
    fields: ['body'],
    snippet: [],
    matches: [],
    ...extra
  }
}

describe('groupHits', () => {
  it('groups by briefing in the order of each group’s best hit, keeping rank order inside', () => {
    const { rows, ordered } = groupHits(
      [hit('a', 'b1'), hit('b', 'b2'), hit('c', 'b1'), hit('d', 'b3')],
      []
    )
    expect(
      rows.map((r) => (r.type === 'group' ? `# ${r.title} (${r.count})` : r.hit.sectionId))
    ).toEqual(['# Title b1 (2)', 'a', 'c', '# Title b2 (1)', 'b', '# Title b3 (1)', 'd'])
    expect(ordered.map((h) => h.sectionId)).toEqual(['a', 'c', 'b', 'd'])
    expect(rows.filter((r) => r.type === 'hit').map((r) => r.index)).toEqual([0, 1, 2, 3])
  })

  it('counts a group’s hits over all pages when the briefing facet says so', () => {
    const { rows } = groupHits([hit('a', 'b1')], [{ value: 'b1', label: 'Title b1', count: 40 }])
    expect(rows[0]).toMatchObject({ type: 'group', count: 40 })
  })

  it('keeps a highlight and the text of the same section as separate rows', () => {
    const { ordered } = groupHits(
      [hit('a', 'b1'), hit('a', 'b1', { kind: 'highlight', annotationId: 'h1' })],
      []
    )
    expect(ordered).toHaveLength(2)
  })
})

describe('matchedIn', () => {
  it('names the fields in the analyst’s words', () => {
    expect(matchedIn(hit('a', 'b', { fields: ['body', 'org'] }))).toBe('text, organisation')
    expect(matchedIn(hit('a', 'b', { fields: ['heading', 'programme'] }))).toBe(
      'heading, programme'
    )
  })

  it('leaves out the text of a highlight or note, which its badge names', () => {
    expect(matchedIn(hit('a', 'b', { kind: 'note', fields: ['body'] }))).toBe('')
    expect(matchedIn(hit('a', 'b', { kind: 'highlight', fields: ['body', 'tag'] }))).toBe('tag')
  })
})
