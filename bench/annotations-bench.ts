// Benchmark of the annotation store (issue #3): recording one change, and loading a briefing's
// annotations with 10,000 highlights, against a plain JSON.stringify + writeFileSync / readFileSync
// + JSON.parse of the same data in the same run; then annotations at scale (annotations-scale.ts).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Highlight } from '../src/shared/annotations'
import { HIGHLIGHT_COLORS } from '../src/shared/annotations'
import { openAnnotationStore } from '../src/main/annotations/store/annotation-store'
import { ms, ratio, time } from './measure'
import { runAnnotationScaleBenchmark, writeAnnotations } from './annotations-scale'
import { startRows } from './annotations-start'

const COUNT = 10_000

function highlight(i: number): Highlight {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()
  const exact = `passage number ${i} about maritime domain awareness`
  return {
    id: `h-${i}`,
    target: {
      briefingId: 'bench',
      sectionId: `s-${i % 40}`,
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: 'the prefix text before it ',
        suffix: ' and the suffix after it'
      },
      position: { type: 'TextPositionSelector', start: i * 10, end: i * 10 + exact.length }
    },
    color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]!,
    tags: i % 3 === 0 ? ['follow-up', 'defence'] : [],
    note:
      i % 2 === 0 ? `Note ${i}: check *this* against the [source](https://example.org/${i}).` : '',
    createdAt: at,
    updatedAt: at
  }
}

export async function runAnnotationBenchmark(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-annotations-'))
  try {
    const highlights = Array.from({ length: COUNT }, (_, i) => highlight(i))
    // Written as one snapshot, as compaction leaves them (10,000 fsync'd changes took minutes).
    await writeAnnotations(dir, { id: 'bench' }, highlights)
    const store = await openAnnotationStore(dir, { compactEvery: COUNT * 2 })

    let n = COUNT
    const record = await time(
      () => store.apply('bench', { op: 'highlight.put', highlight: highlight(n++) }),
      200,
      10
    )
    const plainFile = join(dir, 'plain.json')
    const all = [...highlights]
    const plainWrite = await time(() => writeFileSync(plainFile, JSON.stringify(all)), 50, 3)
    await store.compact('bench')
    await store.close()

    const load = await time(
      async () => {
        const reopened = await openAnnotationStore(dir)
        await reopened.load('bench')
        await reopened.close()
      },
      20,
      2
    )
    const plainRead = await time(() => JSON.parse(readFileSync(plainFile, 'utf8')), 20, 2)

    const scale = [...(await runAnnotationScaleBenchmark()), ...(await startRows())]
    return [
      `| record one change (fsync'd journal line), ${COUNT.toLocaleString('en')} highlights loaded | ${ms(record.median)} (p95 ${ms(record.p95)}) | JSON.stringify + writeFileSync of all: ${ms(plainWrite.median)} | ${ratio(record.median, plainWrite.median)} |`,
      `| load a briefing's ${COUNT.toLocaleString('en')} highlights (open store, snapshot + journal, validate) | ${ms(load.median)} (p95 ${ms(load.p95)}) | readFileSync + JSON.parse: ${ms(plainRead.median)} | ${ratio(load.median, plainRead.median)} |`,
      ...scale
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
