import { describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { findPreviousVersion } from './version-match'

function briefing(id: string, title: string, source: string, text: string): Briefing {
  return {
    id,
    title,
    source,
    published: '2026-01-01',
    tags: [],
    sections: [{ id: 'lead', heading: 'Overview', text, tags: [], mentions: [] }]
  }
}

const LIBRARY = [
  briefing('a', 'Port visit', 'Reuters', 'First text.'),
  briefing('b', 'Port visit', 'AP', 'Other agency.')
]

describe('which briefing an import is a new version of', () => {
  it('matches title and source ignoring case and spacing when the text differs', () => {
    const edited = briefing('x', '  port   VISIT ', 'reuters', 'Second text.')
    expect(findPreviousVersion(edited, LIBRARY)?.id).toBe('a')
  })

  it('needs the source to match too', () => {
    expect(findPreviousVersion(briefing('x', 'Port visit', 'AFP', 'New.'), LIBRARY)).toBeUndefined()
  })

  it('needs the title to match too', () => {
    expect(findPreviousVersion(briefing('x', 'Port visits', 'AP', 'New.'), LIBRARY)).toBeUndefined()
  })

  it('is not a version when the content is identical (that is a duplicate)', () => {
    expect(
      findPreviousVersion(briefing('x', 'Port visit', 'Reuters', 'First text.'), LIBRARY)
    ).toBeUndefined()
  })
})
