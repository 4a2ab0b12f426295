// From a parsed document to a Briefing: canonical texts, ids, defaults; the content hash.

import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { validateDataset } from '../../library/load-dataset'
import { DATASET_FORMAT, DATASET_VERSION, type Briefing } from '../../../shared/dataset'
import { parsePlainText } from './plain-text'
import { bundledDataset, seedText } from '../../../test-support/import'
import { contentHash, kebabCase, toBriefing } from './to-briefing'

const META = {
  fileName: 'india-japan-quad-briefing.txt',
  id: 'imported-1',
  importedAt: '2024-03-05T10:20:30.000Z'
}

function valid(briefing: Briefing): void {
  const dataset = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    entities: [],
    briefings: [briefing]
  }
  expect(validateDataset(dataset, 'test.json')).toEqual([])
}

describe('toBriefing', () => {
  it('turns the seed into the bundled briefing’s headings and texts, valid for the loader', () => {
    const briefing = toBriefing(parsePlainText(seedText(), META.fileName), META)
    const bundled = bundledDataset().briefings[0]!
    valid(briefing)
    expect(briefing.sections.map((s) => [s.heading, s.text])).toEqual(
      bundled.sections.map((s) => [s.heading, s.text])
    )
    expect(briefing.sections[0]).toMatchObject({
      id: 'lead',
      heading: 'Overview',
      editorialHeading: true
    })
    expect(briefing.sections.map((s) => s.id)).toEqual([
      'lead',
      'quad-summit',
      'india-japan-2-2-ministerial-dialogue-more',
      'military-cooperation',
      'bilateral-talks',
      'differences-over-the-on-going-ukraine-russia-war',
      'investments-in-northeast'
    ])
    // No title, source or date in the file: first heading, unknown source, the import date.
    expect(briefing).toMatchObject({
      id: 'imported-1',
      title: 'QUAD Summit',
      source: 'Unknown source',
      published: '2024-03-05',
      tags: []
    })
    expect(briefing.sections.every((s) => s.mentions.length === 0 && s.tags.length === 0)).toBe(
      true
    )
  })

  it('canonicalises paragraphs and makes section ids unique', () => {
    const briefing = toBriefing(
      {
        title: ' Caf\u0065\u0301  notes ',
        source: 'Desk',
        published: '2022-02-30',
        tags: ['Indo Pacific', 'indo-pacific', 'Économie', '!!!'],
        lead: [],
        sections: [
          { heading: 'Lead', paragraphs: ['  spaced   out\ttext ', 'second\nline'] },
          { heading: 'Lead', paragraphs: ['again'] },
          { heading: '東京', paragraphs: ['Tokyo'] },
          { heading: 'Empty', paragraphs: ['   '] }
        ]
      },
      META
    )
    valid(briefing)
    expect(briefing.title).toBe('Café notes')
    expect(briefing.published).toBe('2024-03-05') // 30 February is not a date
    expect(briefing.tags).toEqual(['indo-pacific', 'economie'])
    expect(briefing.sections.map((s) => [s.id, s.heading, s.text])).toEqual([
      ['lead', 'Lead', 'spaced out text\n\nsecond line'],
      ['lead-2', 'Lead', 'again'],
      ['section-3', '東京', 'Tokyo']
    ])
  })

  it('gives a section with list items, code, quotes or table rows its blocks over the text', () => {
    const briefing = toBriefing(
      {
        lead: ['Plain  lead.\n\nTwo paragraphs.'],
        sections: [
          {
            heading: 'Steps',
            paragraphs: [
              'Run:',
              { kind: 'code', text: '\nnpm test  \n\n  --watch\n', language: 'sh' },
              { kind: 'list-item', level: 2, ordered: true, text: ' first\nstep ' },
              { kind: 'quote', text: 'Said so.' },
              { kind: 'table-row', header: true, text: ' a \t b ' },
              { kind: 'paragraph', text: '   ' }
            ]
          }
        ]
      },
      META
    )
    valid(briefing)
    const [lead, steps] = briefing.sections
    // A bare string is split on blank lines as before, and plain paragraphs need no blocks.
    expect(lead).toMatchObject({ text: 'Plain lead.\n\nTwo paragraphs.' })
    expect(lead).not.toHaveProperty('blocks')
    expect(steps?.text).toBe('Run:\n\nnpm test\n\n  --watch\n\nfirst step\n\nSaid so.\n\na\tb')
    expect(steps?.blocks).toEqual([
      { kind: 'paragraph', start: 0, end: 4 },
      { kind: 'code', start: 6, end: 25, language: 'sh' },
      { kind: 'list-item', start: 27, end: 37, level: 2, ordered: true },
      { kind: 'quote', start: 39, end: 47 },
      { kind: 'table-row', start: 49, end: 52, header: true }
    ])
  })

  it('defaults the title to the file name without extension when there is no heading', () => {
    const briefing = toBriefing(
      { lead: ['Only text.'], sections: [] },
      { ...META, fileName: 'notes.v2.md' }
    )
    expect(briefing.title).toBe('notes.v2')
  })

  it('throws on a document without text', () => {
    expect(() => toBriefing({ lead: [' '], sections: [] }, META)).toThrow(/no text/)
  })
})

describe('kebabCase', () => {
  it('folds accents, drops punctuation and caps the length at word boundaries', () => {
    expect(kebabCase('India-Japan 2+2 Ministerial Dialogue & More')).toBe(
      'india-japan-2-2-ministerial-dialogue-more'
    )
    expect(kebabCase('Économie & Défense')).toBe('economie-defense')
    expect(kebabCase('日本')).toBe('')
    const long = kebabCase('word '.repeat(30))
    expect(long.length).toBeLessThanOrEqual(60)
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })
})

describe('contentHash', () => {
  it('is the same for the same content whatever the metadata, and differs when text changes', () => {
    const doc = parsePlainText(seedText(), META.fileName)
    const a = toBriefing(doc, META)
    const b = {
      ...toBriefing(doc, { ...META, id: 'other', importedAt: '2020-01-01T00:00:00Z' }),
      source: 'X'
    }
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(contentHash(b)).toBe(contentHash(a))
    const edited = {
      ...a,
      sections: a.sections.map((s, i) => (i === 1 ? { ...s, text: `${s.text}!` } : s))
    }
    expect(contentHash(edited)).not.toBe(contentHash(a))
    expect(contentHash({ ...a, title: 'Another title' })).not.toBe(contentHash(a))
  })

  it('tells apart the same text with other block kinds, and keeps the hash of plain text', () => {
    const plain = { title: 't', sections: [{ heading: 'h', text: 'one\n\ntwo' }] }
    // The hash of plain sections is the one version 1 imports were stored with.
    const v1 = createHash('sha256')
      .update(JSON.stringify(['t', 'h', 'one\n\ntwo']))
      .digest('hex')
    expect(contentHash(plain as Briefing)).toBe(v1)
    const listed = {
      title: 't',
      sections: [
        {
          heading: 'h',
          text: 'one\n\ntwo',
          blocks: [
            { kind: 'list-item', start: 0, end: 3, level: 1, ordered: false },
            { kind: 'list-item', start: 5, end: 8, level: 1, ordered: false }
          ]
        }
      ]
    }
    expect(contentHash(listed as Briefing)).not.toBe(v1)
  })

  it('cannot be fooled by moving text between heading and body', () => {
    const one = { title: 't', sections: [{ heading: 'a b', text: 'c' }] }
    const two = { title: 't', sections: [{ heading: 'a', text: 'b c' }] }
    expect(contentHash(one as Briefing)).not.toBe(contentHash(two as Briefing))
  })
})
