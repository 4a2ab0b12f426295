// Benchmark of the notebook across briefings (issue #15): 10,000 highlights in 100 briefings.
// Main's side: one page of the listing (every briefing's annotations read through the annotation
// service, filtered, grouped, sorted, cut) against reading those annotations alone; further pages
// with the listing kept between pages against that full pass; the pure query against a plain
// filter of the same entries. The renderer's side (when out/renderer is
// built): from the menu command to the first item painted, against a library of 100 highlights.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { DEFAULT_COLOR_LABELS } from '../src/shared/annotations'
import type { NotebookRequest } from '../src/shared/notebook'
import { startCore } from '../src/main/app-core'
import { queryNotebook } from '../src/main/notebook/notebook-query'
import {
  libraryEntries,
  listNotebook,
  readBriefingEntries
} from '../src/main/notebook/notebook-service'
import { NotebookIndex } from '../src/main/notebook/notebook-index'
import { writeGeneratedDataset, writeGeneratedProfile } from '../src/test-support/notebook-library'
import type { GeneratedShape } from '../src/test-support/notebook-library'
import { ms, ratio, time } from './measure'

const SHAPE: GeneratedShape = {
  briefings: 100,
  sections: 4,
  perSection: 25,
  prefix: 'bench',
  title: (b) => `Bench briefing ${b}`,
  mentions: true,
  tags: true
}

/** A ratio far below 1 with two significant digits (ratio() would print 0.00×). */
const fraction = (value: number, baseline: number) => `${(value / baseline).toPrecision(2)}×`

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
    const datasetDir = join(dir, 'dataset')
    writeGeneratedDataset(datasetDir, SHAPE)
    const big = join(dir, 'big')
    const small = join(dir, 'small')
    await writeGeneratedProfile(datasetDir, big, SHAPE)
    await writeGeneratedProfile(datasetDir, small, SHAPE, 1)
    const total = SHAPE.briefings * SHAPE.sections * SHAPE.perSection
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
    // Kept between pages (as the handlers keep it): the next pages of a listing, and scrolling
    // through all of it, against the full pass every page cost before.
    const index = new NotebookIndex(readBriefingEntries)
    await listNotebook(services, request(), labels, index)
    const nextPage = await time(
      () => listNotebook(services, request({ offset: 5000 }), labels, index),
      20,
      2
    )
    await listNotebook(services, filteredRequest, labels, index)
    const nextFiltered = await time(
      () => listNotebook(services, { ...filteredRequest, offset: 100 }, labels, index),
      20,
      2
    )
    const pages = Math.ceil(total / 100)
    const scroll = (kept?: NotebookIndex) => async () => {
      for (let p = 0; p < pages; p++)
        await listNotebook(services, request({ offset: p * 100 }), labels, kept)
    }
    const scrollKept = await time(() => scroll(new NotebookIndex(readBriefingEntries))(), 3, 1)
    const scrollFull = await time(scroll(), 1, 0)
    const { entries } = await libraryEntries(services)
    const query = await time(() => queryNotebook(entries, filteredRequest, labels), 20, 2)
    const plain = await time(
      () => entries.filter((e) => e.item.color === 'yellow' && e.item.tags.includes('follow-up')),
      20,
      2
    )
    await core.close()

    const rows = [
      `| first page (100) of ${n} highlights in ${SHAPE.briefings} briefings, grouped by briefing | ${ms(first.median)} (p95 ${ms(first.p95)}) | reading every briefing's annotations through the service: ${ms(readAll.median)} | ${ratio(first.median, readAll.median)} |`,
      `| filtered (2 colours, a tag, an entity), grouped by tag, newest first | ${ms(filtered.median)} (p95 ${ms(filtered.p95)}) | the same reading: ${ms(readAll.median)} | ${ratio(filtered.median, readAll.median)} |`,
      `| a further page (offset 5,000) of the same listing, kept between pages | ${ms(nextPage.median)} (p95 ${ms(nextPage.p95)}) | the full pass every page cost before (first row): ${ms(first.median)} | ${fraction(nextPage.median, first.median)} |`,
      `| a further page of the filtered listing, kept between pages | ${ms(nextFiltered.median)} (p95 ${ms(nextFiltered.p95)}) | the full pass before (second row): ${ms(filtered.median)} | ${fraction(nextFiltered.median, filtered.median)} |`,
      `| scrolling through all ${pages} pages (the first builds what is kept) | ${ms(scrollKept.median)} | a full pass per page, as before: ${ms(scrollFull.median)} | ${fraction(scrollKept.median, scrollFull.median)} |`,
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
