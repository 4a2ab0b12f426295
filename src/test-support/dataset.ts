// Small valid dataset files shared by the loader tests (version 1 plain, version 2 with blocks);
// each test breaks one thing in a fresh copy.

import { buildSectionText } from '../shared/blocks'
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

/** A version 2 file whose only section has a paragraph, code, a nested list, a table and a quote. */
export function structured(): DatasetFile {
  const data = minimal()
  const built = buildSectionText([
    { kind: 'paragraph', text: 'PM Modi is leaving for Tokyo.' },
    { kind: 'code', text: 'if (ready) {\n\n    go()\n}', language: 'ts' },
    { kind: 'list-item', text: 'Delhi', level: 1, ordered: true },
    { kind: 'list-item', text: 'Tokyo', level: 2, ordered: false },
    { kind: 'table-row', text: 'City\tDay', header: true },
    { kind: 'table-row', text: 'Tokyo\t\tMonday' },
    { kind: 'quote', text: 'He returns on Wednesday.' }
  ])
  const section = data.briefings[0]!.sections[0]!
  const tokyo = (from: number) => {
    const start = built.text.indexOf('Tokyo', from)
    return { start, end: start + 5, entity: 'tokyo', text: 'Tokyo' }
  }
  const mentions = [{ start: 0, end: 7, entity: 'narendra-modi', text: 'PM Modi' }]
  for (let m = tokyo(0); m.start !== -1; m = tokyo(m.end)) mentions.push(m)
  Object.assign(section, { text: built.text, blocks: built.blocks, mentions })
  return { ...data, version: 2 }
}
