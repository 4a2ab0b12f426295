// The notebook's listing kept between pages answers exactly what a full pass over every briefing
// answers, page after page, across changes of annotations, library and colour labels (property
// test on random libraries), and a further page of an unchanged listing reads no annotations.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { DEFAULT_COLOR_LABELS, HIGHLIGHT_COLORS } from '../../shared/annotations'
import type { AnchoredHighlight, HighlightColor, Note } from '../../shared/annotations'
import type { BriefingAnnotations } from '../../shared/annotation-requests'
import type { Briefing } from '../../shared/dataset'
import type { NotebookRequest } from '../../shared/notebook'
import { NOTEBOOK_GROUPS, NOTEBOOK_SORTS } from '../../shared/notebook'
import type { ExportServices, ExportTarget } from '../export/export-service'
import type { Library } from '../library/library'
import { NotebookIndex } from './notebook-index'
import { exportNotebook, listNotebook, readBriefingEntries } from './notebook-service'

const TEXT = 'Modi met Albanese in Delhi. The Quad met again in Tokyo later that year.'
const TAGS = ['quad', 'tokyo', 'trade']
const ENTITIES = ['modi', 'tokyo', 'delhi']

function briefing(b: number): Briefing {
  return {
    id: `b${b}`,
    title: `Briefing ${b % 2}`,
    source: 'S',
    published: '2026-01-01',
    tags: [],
    sections: ['s1', 's2', 's3'].map((id, s) => ({
      id,
      heading: `Heading ${s}`,
      text: TEXT,
      tags: [],
      mentions: [
        { start: 0, end: 4, entity: ENTITIES[(b + s) % 3]!, text: 'Modi' },
        { start: 50, end: 55, entity: ENTITIES[(b + s + 1) % 3]!, text: 'Tokyo' }
      ]
    }))
  }
}

interface Added {
  briefing: number
  kind: 'highlight' | 'note'
  section: number
  start: number
  color: number
  tags: string[]
  day: number
  noteText: boolean
}

let made = 0
function add(views: Map<string, Pick<BriefingAnnotations, 'highlights' | 'notes'>>, a: Added) {
  const id = `b${a.briefing}`
  const view = views.get(id) ?? { highlights: [], notes: [] }
  views.set(id, view)
  // Few distinct days, so equal dates (ties broken by reading order) are common.
  const at = `2026-03-0${1 + a.day}T00:00:00.000Z`
  const sectionId = `s${1 + a.section}`
  if (a.kind === 'note') {
    const note: Note = {
      id: `n${++made}`,
      briefingId: id,
      target: a.section === 3 ? { kind: 'briefing' } : { kind: 'section', sectionId },
      body: 'A note',
      tags: a.tags,
      createdAt: at,
      updatedAt: at
    }
    view.notes = [...view.notes, note]
    return
  }
  const end = a.start + 6
  const h: AnchoredHighlight = {
    id: `h${++made}`,
    target: {
      briefingId: id,
      sectionId: a.section === 3 ? 'gone' : sectionId,
      quote: { type: 'TextQuoteSelector', exact: TEXT.slice(a.start, end), prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: a.start, end }
    },
    color: HIGHLIGHT_COLORS[a.color % HIGHLIGHT_COLORS.length]!,
    tags: a.tags,
    note: a.noteText ? 'why' : '',
    createdAt: at,
    updatedAt: at,
    status: 'anchored',
    range: { start: a.start, end }
  }
  view.highlights = [...view.highlights, h]
}

const added = (briefings: number): fc.Arbitrary<Added> =>
  fc.record({
    briefing: fc.nat(briefings - 1),
    kind: fc.constantFrom('highlight' as const, 'note' as const),
    section: fc.nat(3),
    start: fc.nat(TEXT.length - 7),
    color: fc.nat(10),
    tags: fc.subarray(TAGS),
    day: fc.nat(3),
    noteText: fc.boolean()
  })

const request: fc.Arbitrary<NotebookRequest> = fc.record({
  filter: fc.record(
    {
      colors: fc.subarray([...HIGHLIGHT_COLORS] as HighlightColor[]),
      tags: fc.subarray(TAGS),
      entities: fc.subarray(ENTITIES),
      briefingIds: fc.subarray(['b0', 'b1', 'b2']),
      from: fc.constantFrom('2026-03-01', '2026-03-02', '2026-03-03'),
      to: fc.constantFrom('2026-03-02', '2026-03-04')
    },
    { requiredKeys: [] }
  ),
  group: fc.constantFrom(...NOTEBOOK_GROUPS),
  sort: fc.constantFrom(...NOTEBOOK_SORTS),
  offset: fc.nat(12),
  limit: fc.integer({ min: 1, max: 8 })
})

type Step =
  | { kind: 'page'; request: NotebookRequest; next: number }
  | { kind: 'add'; added: Added }
  | { kind: 'remove'; briefing: number }
  | { kind: 'library' }
  | { kind: 'labels' }

const steps = (briefings: number): fc.Arbitrary<Step[]> =>
  fc.array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({ kind: fc.constant('page' as const), request, next: fc.nat(3) })
      },
      {
        weight: 2,
        arbitrary: fc.record({ kind: fc.constant('add' as const), added: added(briefings) })
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('remove' as const),
          briefing: fc.nat(briefings - 1)
        })
      },
      { weight: 1, arbitrary: fc.constant({ kind: 'library' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'labels' as const }) }
    ),
    { maxLength: 30 }
  )

/** A library whose annotations live in `views`; `changes` rises with each edit, as the store's. */
function fakeServices(briefings: number) {
  const views = new Map<string, Pick<BriefingAnnotations, 'highlights' | 'notes'>>()
  /** Briefings whose next load fails (once each). */
  const failing = new Set<string>()
  let changes = 0
  let loads = 0
  let library: Library = {
    entities: new Map(),
    briefings: Array.from({ length: briefings }, (_, b) => briefing(b))
  }
  const services = {
    get library() {
      return library
    },
    annotations: {
      changes: () => changes,
      load: async (id: string) => {
        loads++
        if (failing.delete(id)) throw new Error('EIO: the disk did not answer')
        return (views.get(id) ?? { highlights: [], notes: [] }) as BriefingAnnotations
      }
    }
  } as unknown as ExportServices
  return {
    services,
    views,
    failing,
    loads: () => loads,
    changed: () => void changes++,
    newLibrary: () => (library = { ...library, briefings: [...library.briefings].reverse() })
  }
}

describe('notebook index', () => {
  it('pages of the kept listing equal a full pass over every briefing, through any changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.array(added(3), { maxLength: 25 }),
        steps(3),
        async (briefings, initial, script) => {
          const fake = fakeServices(briefings)
          for (const a of initial) if (a.briefing < briefings) add(fake.views, a)
          const index = new NotebookIndex(readBriefingEntries)
          let labels = DEFAULT_COLOR_LABELS
          for (const step of script) {
            if (step.kind === 'page') {
              // A first page, then the pages after it, as the renderer scrolls.
              for (let p = 0; p <= step.next; p++) {
                const r = { ...step.request, offset: step.request.offset + p * step.request.limit }
                const kept = await listNotebook(fake.services, r, labels, index)
                expect(kept).toEqual(await listNotebook(fake.services, r, labels))
              }
            } else if (step.kind === 'add') {
              if (step.added.briefing >= briefings) continue
              add(fake.views, step.added)
              fake.changed()
            } else if (step.kind === 'remove') {
              const view = fake.views.get(`b${step.briefing}`)
              if (view) view.highlights = view.highlights.slice(1)
              fake.changed()
            } else if (step.kind === 'library') {
              fake.newLibrary()
            } else {
              labels = { ...labels, yellow: `${labels.yellow}!` }
            }
          }
        }
      ),
      { numRuns: 200 }
    )
  })

  it('a further page of an unchanged listing reads no annotations; a change reads them again', async () => {
    const fake = fakeServices(3)
    for (let i = 0; i < 30; i++)
      add(fake.views, {
        briefing: i % 3,
        kind: 'highlight',
        section: i % 3,
        start: i,
        color: i,
        tags: [],
        day: i % 4,
        noteText: false
      })
    const index = new NotebookIndex(readBriefingEntries)
    const r = (offset: number): NotebookRequest => ({
      filter: {},
      group: 'briefing',
      sort: 'reading',
      offset,
      limit: 10
    })
    const first = await listNotebook(fake.services, r(0), DEFAULT_COLOR_LABELS, index)
    expect(fake.loads()).toBe(3)
    const second = await listNotebook(fake.services, r(10), DEFAULT_COLOR_LABELS, index)
    expect(fake.loads()).toBe(3)
    expect([...first.items, ...second.items].map((i) => i.id)).toHaveLength(20)

    fake.changed()
    await listNotebook(fake.services, r(20), DEFAULT_COLOR_LABELS, index)
    expect(fake.loads()).toBe(6)
  })

  it('a briefing whose annotations failed to load is read again (alone) at the next page', async () => {
    const fake = fakeServices(3)
    for (let i = 0; i < 9; i++)
      add(fake.views, {
        briefing: i % 3,
        kind: 'highlight',
        section: 0,
        start: i,
        color: i,
        tags: [],
        day: 0,
        noteText: false
      })
    const index = new NotebookIndex(readBriefingEntries)
    const r: NotebookRequest = {
      filter: {},
      group: 'briefing',
      sort: 'reading',
      offset: 0,
      limit: 5
    }
    fake.failing.add('b1')
    const first = await listNotebook(fake.services, r, DEFAULT_COLOR_LABELS, index)
    expect(first.libraryTotal).toBe(6)
    expect(fake.loads()).toBe(3)
    // The page says which briefing is missing and why.
    expect(first.problems).toEqual([
      {
        briefingId: 'b1',
        briefingTitle: 'Briefing 1',
        message: 'EIO: the disk did not answer',
        leftOut: true,
        blocksExport: true
      }
    ])

    const next = { ...r, offset: 5 }
    const second = await listNotebook(fake.services, next, DEFAULT_COLOR_LABELS, index)
    expect(fake.loads()).toBe(4)
    expect(second).toEqual(await listNotebook(fake.services, next, DEFAULT_COLOR_LABELS))
    expect(second.libraryTotal).toBe(9)
    expect(second.facets.briefings.map((f) => f.count)).toEqual([3, 3, 3])
    expect(second.problems).toEqual([])

    // Read whole now: a further page reads nothing.
    const loads = fake.loads()
    await listNotebook(fake.services, r, DEFAULT_COLOR_LABELS, index)
    expect(fake.loads()).toBe(loads)
  })

  it('a notebook export that would miss an unreadable briefing exports nothing and names it', async () => {
    const fake = fakeServices(3)
    addHighlight(fake.views, 0)
    const exported = (filter: NotebookRequest['filter']) => {
      fake.failing.add('b2')
      return exportAll(fake.services, filter)
    }
    await expect(exported({})).rejects.toThrow(
      'Nothing was exported: the highlights and notes of “Briefing 0” could not all be read'
    )
    await expect(exported({ briefingIds: ['b2'] })).rejects.toThrow('“Briefing 0” could not')
    // A filter that leaves the briefing out does not need it.
    await expect(exported({ briefingIds: ['b1'] })).rejects.toThrow(
      'No highlight or note matches the filter.'
    )
  })

  it('a briefing read in part is listed as far as it was read, with its warnings; exported unless a file could not be read', async () => {
    const fake = fakeServices(2)
    addHighlight(fake.views, 1)
    const torn = 'journal.jsonl line 4 was torn and left out'
    const view = fake.views.get('b1')!
    fake.views.set('b1', { ...view, warnings: [torn] } as typeof view)
    const page = await listNotebook(
      fake.services,
      {
        filter: {},
        group: 'briefing',
        sort: 'reading',
        offset: 0,
        limit: 10
      },
      DEFAULT_COLOR_LABELS,
      new NotebookIndex(readBriefingEntries)
    )
    expect(page.items).toHaveLength(1)
    expect(page.problems).toEqual([
      {
        briefingId: 'b1',
        briefingTitle: 'Briefing 1',
        message: torn,
        leftOut: false,
        blocksExport: false
      }
    ])
    // Not refused: the export goes on to ask for a file (which the analyst cancels).
    await expect(exportAll(fake.services)).resolves.toEqual({ status: 'cancelled' })

    // A store that could not read one of its files (read-only since) may miss every item: refused.
    const unread = 'snapshot.json could not be read: EIO'
    fake.views.set('b1', { ...view, warnings: [unread], readOnly: unread } as typeof view)
    const next = await listNotebook(
      fake.services,
      { filter: {}, group: 'briefing', sort: 'reading', offset: 0, limit: 10 },
      DEFAULT_COLOR_LABELS
    )
    expect(next.problems[0]).toMatchObject({ leftOut: false, blocksExport: true })
    await expect(exportAll(fake.services)).rejects.toThrow(
      'Nothing was exported: the highlights and notes of “Briefing 1” could not'
    )
  })
})

/** The notebook exported with `filter`, to a target where the analyst cancels the file dialog. */
function exportAll(
  services: ExportServices,
  filter: NotebookRequest['filter'] = {}
): ReturnType<typeof exportNotebook> {
  const cancelled: ExportTarget = {
    chooseFile: async () => null,
    chooseFolder: async () => null,
    confirmOverwrite: async () => false
  }
  return exportNotebook(services, { filter, groupBy: 'section' }, DEFAULT_COLOR_LABELS, cancelled)
}

/** One plain highlight at the start of the briefing's first section. */
function addHighlight(views: Parameters<typeof add>[0], briefing: number): void {
  add(views, {
    briefing,
    kind: 'highlight',
    section: 0,
    start: 0,
    color: 0,
    tags: [],
    day: 0,
    noteText: false
  })
}
