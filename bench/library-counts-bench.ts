// Library counts on the first listing (the cards' highlights and notes): 2,000 briefings with
// 100,000 highlights, counted by a freshly opened store as a new start does. The old path read
// every briefing's store (kept here only, as the baseline); the store now trusts its counts file
// where a briefing's files are unchanged and reads only the others.

import { mkdtempSync, rmSync } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { openAnnotationStore } from '../src/main/annotations/store/annotation-store'
import { COUNTS_FILE } from '../src/main/annotations/store/counts-file'
import { ANNOTATIONS_DIR } from '../src/main/annotations/store/layout'
import { countsOf } from '../src/main/annotations/store/stored-counts'
import { note } from '../src/test-support/annotation-store'
import { briefingOf, highlightsOn, writeAnnotations } from './annotations-scale'
import { ms, ratio, time } from './measure'

const BRIEFINGS = 2000
const PER_BRIEFING = 50

export async function runLibraryCountsBenchmark(): Promise<string[]> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bench-counts-'))
  try {
    const ids: string[] = []
    for (let i = 0; i < BRIEFINGS; i++) {
      const briefing = briefingOf(`b-${i}`, 2, i + 1)
      ids.push(briefing.id)
      await writeAnnotations(userDataDir, briefing, highlightsOn(briefing, PER_BRIEFING))
    }
    /** Opens the profile as a new start would, runs `work` on it, closes it. */
    const atStart = async (
      work: (s: Awaited<ReturnType<typeof openAnnotationStore>>) => unknown
    ) => {
      const store = await openAnnotationStore(userDataDir)
      await work(store)
      await store.close()
    }
    const countsFile = join(userDataDir, ANNOTATIONS_DIR, COUNTS_FILE)
    const check = new Map<string, unknown>()
    const before = await time(
      () =>
        atStart(async (store) => {
          const loaded = await Promise.all(ids.map((id) => store.load(id)))
          loaded.forEach((l, i) => check.set(ids[i]!, countsOf(l)))
        }),
      3,
      1
    )
    const rebuild = await time(
      async () => {
        await unlink(countsFile).catch(() => undefined)
        await atStart((store) => store.counts(ids))
      },
      3,
      1
    )
    let counted = new Map<string, unknown>()
    const trusted = await time(
      () =>
        atStart(async (store) => {
          counted = await store.counts(ids)
        }),
      5,
      1
    )
    if (JSON.stringify([...counted]) !== JSON.stringify([...check]))
      throw new Error('library counts bench: the counts file disagrees with the stores')
    // One briefing changed since the file was written: only it is read again.
    let n = 0
    const oneChanged = await time(
      async () => {
        await atStart((store) =>
          store.apply(ids[0]!, {
            op: 'note.put',
            note: note(`bench-${++n}`, { briefingId: ids[0]! })
          })
        )
        await atStart((store) => store.counts(ids))
      },
      3,
      1
    )
    const h = (BRIEFINGS * PER_BRIEFING).toLocaleString('en')
    const b = BRIEFINGS.toLocaleString('en')
    const old = `old path, every briefing's store read: ${ms(before.median)}`
    return [
      `| first library listing's counts, ${b} briefings, ${h} highlights (a new start, counts file up to date) | ${ms(trusted.median)} (p95 ${ms(trusted.p95)}) | ${old} | ${ratio(trusted.median, before.median)} |`,
      `| … the first start with no counts file (every store read, the file written) | ${ms(rebuild.median)} | ${old} | ${ratio(rebuild.median, before.median)} |`,
      `| … a start after one briefing changed (its store read again; includes writing that change) | ${ms(oneChanged.median)} | ${old} | ${ratio(oneChanged.median, before.median)} |`
    ]
  } finally {
    rmSync(userDataDir, { recursive: true, force: true })
  }
}
