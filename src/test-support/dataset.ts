// A small valid dataset file shared by the loader tests; each test breaks one thing in a fresh copy.

import type { DatasetFile } from '../shared/dataset'

export const TEXT = 'PM Modi is leaving for Tokyo.\n\nHe returns on Wednesday.'

/** A small valid dataset; each test breaks one thing in a fresh copy. */
export function minimal(): DatasetFile {
  const tokyo = TEXT.indexOf('Tokyo')
  return {
    format: 'briefing-reader/dataset',
    version: 1,
    entities: [
      { id: 'narendra-modi', kind: 'person', name: 'Narendra Modi', aliases: ['PM Modi'] },
      { id: 'tokyo', kind: 'place', name: 'Tokyo', aliases: [], description: 'Capital of Japan.' }
    ],
    briefings: [
      {
        id: 'modi-in-tokyo',
        title: 'Modi in Tokyo',
        source: 'Test',
        published: '2022-05-23',
        tags: ['diplomacy'],
        sections: [
          {
            id: 'lead',
            heading: 'Overview',
            editorialHeading: true,
            text: TEXT,
            tags: [],
            mentions: [
              { start: 0, end: 7, entity: 'narendra-modi', text: 'PM Modi' },
              { start: tokyo, end: tokyo + 5, entity: 'tokyo', text: 'Tokyo' }
            ]
          }
        ]
      }
    ]
  }
}
