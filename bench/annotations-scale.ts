// Annotations at scale (issue #17, item 6): one change through the annotation service at 1,000 and
// 10,000 highlights against the full re-anchor and lunr rebuild every change used to cost (kept
// here only) and against the store write alone; and loading a briefing of 10,000 highlights. The
// app's start with 100,000 highlights is annotations-start.ts.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import lunr from 'lunr'

import { ANNOTATION_SCHEMA_VERSION, HIGHLIGHT_COLORS } from '../src/shared/annotations'
import type { Highlight } from '../src/shared/annotations'
import type { Briefing } from '../src/shared/dataset'
import { describeRange } from '../src/shared/anchoring/describe'
import { createAnnotationService } from '../src/main/annotations/annotation-service'
import { anchored, searchDocuments } from '../src/main/annotations/briefing-view'
import { openAnnotationStore } from '../src/main/annotations/store/annotation-store'
import { briefingDir, ANNOTATIONS_DIR } from '../src/main/annotations/store/layout'
import { writeSnapshot } from '../src/main/annotations/store/snapshot'
import { nodeStoreFs } from '../src/main/fs/node-fs'
import { createAnnotationSearch } from '../src/main/search/annotation-search'
import { ms, ratio, sample, summarise } from './measure'

const WORDS =
  'maritime patrols near the strait raised concerns about military platforms trade routes ports fisheries coast guard exercises diplomats ministers agreed reviewed'.split(
    ' '
  )

/** A briefing of `sections` sections of deterministic prose. */
export function briefingOf(id: string, sections: number, seed = 1): Briefing {
  let n = seed
  const word = () => WORDS[(n = (n * 1103515245 + 12345) % 2147483648) % WORDS.length]!
  return {
    id,
    title: `Briefing ${id}`,
    source: 'Bench',
    published: '2026-01-01',
    tags: [],
    sections: Array.from({ length: sections }, (_, s) => ({
      id: `s-${s}`,
      heading: `Section ${s}`,
      text: Array.from({ length: 400 }, word).join(' ') + '.',
      tags: [],
      mentions: []
    }))
  }
}

/** `count` highlights spread over the briefing's sections, on its text. */
export function highlightsOn(briefing: Briefing, count: number): Highlight[] {
  return Array.from({ length: count }, (_, i) => {
    const section = briefing.sections[i % briefing.sections.length]!
    const start = (i * 37) % (section.text.length - 40)
    const target = describeRange(section.text, start, start + 25, {
      briefingId: briefing.id,
      sectionId: section.id
    })!
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()
    return {
      id: `h-${i}`,
      target,
      color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
      tags: i % 3 === 0 ? ['follow-up'] : [],
      note: i % 2 === 0 ? `Note ${i} on maritime patrols` : '',
      createdAt: at,
      updatedAt: at
    }
  })
}

/** `sample`, with the CPU time of this process per run (the machine may be shared). */
async function sampleCpu(work: () => unknown, runs: number, warmup: number) {
  for (let i = 0; i < warmup; i++) await work()
  const before = process.cpuUsage()
  const wall = summarise(await sample(work, runs, 0))!
  const used = process.cpuUsage(before)
  return { ...wall, cpu: (used.user + used.system) / 1000 / runs }
}

export async function writeAnnotations(
  userDataDir: string,
  briefing: Pick<Briefing, 'id'>,
  highlights: Highlight[]
) {
  const dir = briefingDir(join(userDataDir, ANNOTATIONS_DIR), briefing.id)
  mkdirSync(dir, { recursive: true })
  await writeSnapshot(nodeStoreFs, dir, {
    v: ANNOTATION_SCHEMA_VERSION,
    seq: highlights.length,
    at: new Date().toISOString(),
    briefingId: briefing.id,
    highlights,
    notes: [],
    trash: []
  })
}

/** What every change cost before: every highlight anchored and the lunr index rebuilt. */
function fullRebuild(briefing: Briefing, highlights: readonly Highlight[]): void {
  for (const h of highlights) anchored(briefing, h)
  const builder = new lunr.Builder()
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer)
  builder.ref('ref')
  for (const field of ['briefing', 'heading', 'body', 'tag']) builder.field(field)
  for (const doc of searchDocuments(briefing, { highlights: [...highlights], notes: [] })) {
    builder.add({
      ref: `${doc.kind} ${doc.id}`,
      briefing: doc.briefingTitle,
      heading: doc.heading,
      body: doc.text,
      tag: doc.tags.join('\n')
    })
  }
  builder.build()
}

async function changeRows(count: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-annotation-change-'))
  try {
    const briefing = briefingOf('bench', 40)
    const highlights = highlightsOn(briefing, count)
    await writeAnnotations(dir, briefing, highlights)
    const store = await openAnnotationStore(dir, { compactEvery: 100_000 })
    const service = createAnnotationService({
      store,
      library: () => ({ entities: new Map(), briefings: [briefing] }),
      search: createAnnotationSearch()
    })
    await service.load('bench')
    let n = 0
    const edit = () =>
      service.change('bench', { op: 'highlight.update', id: `h-${n++ % count}`, note: `edit ${n}` })
    const changes = await sampleCpu(edit, 60, 5)
    const write = () =>
      store.write('bench', () => ({
        changes: [
          { op: 'highlight.put', highlight: { ...highlights[n++ % count]!, note: `w ${n}` } }
        ],
        result: undefined
      }))
    const writes = await sampleCpu(write, 60, 5)
    const current = (await store.load('bench')).highlights
    const full = await sampleCpu(() => fullRebuild(briefing, current), 7, 1)
    await store.close()
    const label = count.toLocaleString('en')
    return [
      `| one change through the annotation service, ${label} highlights (incremental anchoring and indexing; wall median, CPU per change) | ${ms(changes.median)} (p95 ${ms(changes.p95)}; CPU ${ms(changes.cpu)}) | old path, every highlight anchored + lunr rebuilt (bench only), plus the store write: ${ms(full.median + writes.median)} (CPU ${ms(full.cpu + writes.cpu)}) | ${ratio(changes.median, full.median + writes.median)} (CPU ${ratio(changes.cpu, full.cpu + writes.cpu)}) |`,
      `| … the same change against the store write alone (fsync'd journal line), ${label} highlights | ${ms(changes.median)} (CPU ${ms(changes.cpu)}) | store.write only: ${ms(writes.median)} (CPU ${ms(writes.cpu)}) | ${ratio(changes.median, writes.median)} (CPU ${ratio(changes.cpu, writes.cpu)}) |`
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function loadRow(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-annotation-load-'))
  try {
    const briefing = briefingOf('bench', 40)
    const highlights = highlightsOn(briefing, 10_000)
    await writeAnnotations(dir, briefing, highlights)
    const library = { entities: new Map(), briefings: [briefing] }
    const load = await sampleCpu(
      async () => {
        const store = await openAnnotationStore(dir)
        // Main's share: the documents are made and handed on; the index process indexes them.
        const service = createAnnotationService({
          store,
          library: () => library,
          search: { setBriefing: () => undefined, patchBriefing: () => undefined }
        })
        await service.load('bench')
        await store.close()
      },
      9,
      1
    )
    const json = JSON.stringify(highlights)
    const parse = summarise(await sample(() => JSON.parse(json), 9, 1))!
    return `| load a briefing with 10,000 highlights through the service, main's share (open store, snapshot, validate, anchor all, make search documents) | ${ms(load.median)} (p95 ${ms(load.p95)}; CPU ${ms(load.cpu)}) | JSON.parse of the same highlights: ${ms(parse.median)} | ${ratio(load.median, parse.median)} |`
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function runAnnotationScaleBenchmark(): Promise<string[]> {
  return [...(await changeRows(1_000)), ...(await changeRows(10_000)), await loadRow()]
}
