// Benchmark of the notebook across briefings (issue #15): 10,000 highlights in 100 briefings.
// Main's side: one page of the listing (every briefing's annotations read through the annotation
// service, filtered, grouped, sorted, cut) against reading those annotations alone; the pure
// query against a plain filter of the same entries. The renderer's side (when out/renderer is
// built): from the menu command to the first item painted, against a library of 100 highlights.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { DEFAULT_COLOR_LABELS, HIGHLIGHT_COLORS } from '../src/shared/annotations'
import type { Highlight } from '../src/shared/annotations'
import type { Briefing } from '../src/shared/dataset'
import type { NotebookRequest } from '../src/shared/notebook'
import { startCore } from '../src/main/app-core'
import { queryNotebook } from '../src/main/notebook/notebook-query'
import { libraryEntries, listNotebook } from '../src/main/notebook/notebook-service'
import { ms, ratio, time } from './measure'

const BRIEFINGS = 100
const SECTIONS = 4
const PER_SECTION = 25
const SENTENCE = (k: number) =>
  `Passage number ${String(k).padStart(4, '0')} about maritime domain awareness. `

function dataset(): {
  briefings: Briefing[]
  entities: { id: string; kind: 'place'; name: string; aliases: string[] }[]
} {
  const entities = Array.from({ length: 10 }, (_, i) => ({
    id: `e-${i}`,
    kind: 'place' as const,
    name: `Place ${i}`,
    aliases: []
  }))
  const briefings = Array.from({ length: BRIEFINGS }, (_, b): Briefing => ({
    id: `bench-${b}`,
    title: `Bench briefing ${b}`,
    source: 'Bench',
    published: '2026-01-01',
    tags: [],
    sections: Array.from({ length: SECTIONS }, (_, s) => {
      const text = Array.from({ length: PER_SECTION }, (_, k) => SENTENCE(k))
        .join('')
        .trimEnd()
      const mentions = Array.from({ length: PER_SECTION }, (_, k) => {
        const start = text.indexOf('maritime', k * SENTENCE(0).length)
        return { start, end: start + 8, entity: `e-${k % 10}`, text: 'maritime' }
      })
      return { id: `s-${s}`, heading: `Section ${s}`, text, tags: [], mentions }
    })
  }))
  return { briefings, entities }
}

function highlightsOf(briefing: Briefing): Highlight[] {
  return briefing.sections.flatMap((section, s) =>
    Array.from({ length: PER_SECTION }, (_, k) => {
      const i = s * PER_SECTION + k
      const exact = SENTENCE(k).trimEnd()
      const start = section.text.indexOf(exact)
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()
      return {
        id: `${briefing.id}-h${i}`,
        target: {
          briefingId: briefing.id,
          sectionId: section.id,
          quote: {
            type: 'TextQuoteSelector' as const,
            exact,
            prefix: section.text.slice(Math.max(0, start - 32), start),
            suffix: section.text.slice(start + exact.length, start + exact.length + 32)
          },
          position: { type: 'TextPositionSelector' as const, start, end: start + exact.length }
        },
        color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
        tags: i % 3 === 0 ? ['follow-up'] : [],
        note:
          i % 2 === 0
            ? `Note ${i}: check *this* against the [source](https://example.org/${i}).`
            : '',
        createdAt: at,
        updatedAt: at
      }
    })
  )
}

/** A profile whose first `briefings` briefings carry their highlights (written through the service). */
async function profile(
  datasetDir: string,
  userDataDir: string,
  briefings: Briefing[]
): Promise<void> {
  const core = startCore({ datasetDir, userDataDir, appVersion: 'bench' })
  const services = await core.ready
  for (const b of briefings)
    await services.annotations.importRecords(b.id, highlightsOf(b), [], new Set())
  await core.close()
}

const request = (over: Partial<NotebookRequest> = {}): NotebookRequest => ({
  filter: {},
  group: 'briefing',
  sort: 'reading',
  offset: 0,
  limit: 100,
  ...over
})

export async function runNotebookBenchmark(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-notebook-'))
  try {
    const data = dataset()
    const datasetDir = join(dir, 'dataset')
    mkdirSync(datasetDir)
    writeFileSync(
      join(datasetDir, 'bench.json'),
      JSON.stringify({ format: 'briefing-reader/dataset', version: 1, ...data })
    )
    const big = join(dir, 'big')
    const small = join(dir, 'small')
    await profile(datasetDir, big, data.briefings)
    await profile(datasetDir, small, data.briefings.slice(0, 1))
    const total = BRIEFINGS * SECTIONS * PER_SECTION
    const n = total.toLocaleString('en')

    const core = startCore({ datasetDir, userDataDir: big, appVersion: 'bench', access: 'read' })
    const services = await core.ready
    const labels = DEFAULT_COLOR_LABELS
    const readAll = await time(
      async () => {
        for (const b of services.library.briefings) await services.annotations.load(b.id)
      },
      5,
      1
    )
    const first = await time(() => listNotebook(services, request(), labels), 5, 1)
    const filteredRequest = request({
      filter: { colors: ['yellow', 'blue'], tags: ['follow-up'], entities: ['e-3'] },
      group: 'tag',
      sort: 'newest'
    })
    const filtered = await time(() => listNotebook(services, filteredRequest, labels), 5, 1)
    const entries = await libraryEntries(services)
    const query = await time(() => queryNotebook(entries, filteredRequest, labels), 20, 2)
    const plain = await time(
      () => entries.filter((e) => e.item.color === 'yellow' && e.item.tags.includes('follow-up')),
      20,
      2
    )
    await core.close()

    const rows = [
      `| first page (100) of ${n} highlights in ${BRIEFINGS} briefings, grouped by briefing | ${ms(first.median)} (p95 ${ms(first.p95)}) | reading every briefing's annotations through the service: ${ms(readAll.median)} | ${ratio(first.median, readAll.median)} |`,
      `| filtered (2 colours, a tag, an entity), grouped by tag, newest first | ${ms(filtered.median)} (p95 ${ms(filtered.p95)}) | the same reading: ${ms(readAll.median)} | ${ratio(filtered.median, readAll.median)} |`,
      `| the query alone (filter, group, sort, page) over ${n} entries | ${ms(query.median)} (p95 ${ms(query.p95)}) | Array.filter on colour and tag: ${ms(plain.median)} | ${ratio(query.median, plain.median)} |`
    ]
    rows.push(...(await firstPaint(datasetDir, big, small, n)))
    return rows
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The renderer's side lives beside the e2e harness it drives (type-checked with the e2e files). */
type FirstPaint = (datasetDir: string, big: string, small: string, n: string) => Promise<string[]>

async function firstPaint(
  datasetDir: string,
  big: string,
  small: string,
  n: string
): Promise<string[]> {
  // A specifier the compiler does not follow: the harness is typed in tsconfig.e2e.json, not here.
  const module = '../e2e/notebook-paint.bench.ts'
  const { notebookFirstPaint } = (await import(module)) as { notebookFirstPaint: FirstPaint }
  return notebookFirstPaint(datasetDir, big, small, n)
}
