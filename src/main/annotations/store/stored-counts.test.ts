// The library's counts without reading every store: a second start trusts the counts file where
// a briefing's files are unchanged, and never where they changed after it was written (a crash
// between a store write and the counts write), nor when the file is damaged or from a newer app.

import { readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { nodeStoreFs } from '../../fs/node-fs'
import type { StoreFs } from '../../fs/types'
import { BRIEFING, highlight, note } from '../../../test-support/annotation-store'
import { useStoreFolder } from '../../../test-support/store-folder'
import { COUNTS_FILE } from './counts-file'

const A = BRIEFING
const B = 'briefing-b'
const folder = useStoreFolder()
const { openStore } = folder

/** node:fs, remembering every file read (to see which stores a listing opened). */
function readingFs(): StoreFs & { reads: string[] } {
  const reads: string[] = []
  return {
    ...nodeStoreFs,
    reads,
    readFile: (path) => {
      reads.push(path.slice(folder.dir().length + 1))
      return nodeStoreFs.readFile(path)
    }
  }
}

const countsPath = () => join(folder.dir(), 'annotations', COUNTS_FILE)

/** A with two highlights (one with a note) and a note; B with one highlight. */
async function writeProfile(): Promise<void> {
  const store = await openStore()
  await store.apply(A, { op: 'highlight.put', highlight: highlight('h1') })
  await store.apply(A, { op: 'highlight.put', highlight: highlight('h2', { note: 'Why?' }) })
  await store.apply(A, { op: 'note.put', note: note('n1') })
  const h3 = highlight('h3')
  await store.apply(B, {
    op: 'highlight.put',
    highlight: { ...h3, target: { ...h3.target, briefingId: B } }
  })
  await store.close()
}

/** Counts from a fresh store that has not opened any briefing (a new start), then closed. */
async function countsAtStart(fs: StoreFs = nodeStoreFs, readOnly?: string) {
  const store = await openStore({ fs, ...(readOnly !== undefined && { readOnly }) })
  const counts = await store.counts([A, B])
  await store.close()
  return counts
}

const EXPECTED = new Map([
  [A, { highlights: 2, notes: 2 }],
  [B, { highlights: 1, notes: 0 }]
])

describe('stored counts', () => {
  it('the first listing counts from the stores and writes the file; the next reads only the file', async () => {
    await writeProfile()
    const first = readingFs()
    expect(await countsAtStart(first)).toEqual(EXPECTED)
    expect(first.reads.filter((p) => p.endsWith('journal.jsonl'))).toHaveLength(2)

    const second = readingFs()
    expect(await countsAtStart(second)).toEqual(EXPECTED)
    expect(second.reads).toEqual([join('annotations', COUNTS_FILE)])
  })

  it('a store write the counts file never heard of (a crash in between) is counted from the store', async () => {
    await writeProfile()
    await countsAtStart()
    // A later session changes A and ends before any listing wrote the counts again.
    const later = await openStore()
    await later.apply(A, { op: 'highlight.delete', id: 'h1' })
    await later.apply(A, { op: 'note.put', note: note('n2') })
    await later.close()

    const fs = readingFs()
    const counts = await countsAtStart(fs)
    expect(counts.get(A)).toEqual({ highlights: 1, notes: 3 })
    expect(counts.get(B)).toEqual({ highlights: 1, notes: 0 })
    // Only the changed briefing was read again, and the file now agrees for the next start.
    expect(fs.reads.filter((p) => p.includes(B))).toEqual([])
    const next = readingFs()
    expect(await countsAtStart(next)).toEqual(counts)
    expect(next.reads).toEqual([join('annotations', COUNTS_FILE)])
  })

  it('counts survive compaction: the renamed-in files are a new stamp, counted again', async () => {
    await writeProfile()
    await countsAtStart()
    const later = await openStore()
    await later.apply(B, { op: 'note.put', note: note('n9', { briefingId: B }) })
    await later.compact(B)
    await later.close()
    expect((await countsAtStart()).get(B)).toEqual({ highlights: 1, notes: 1 })
  })

  it('a briefing open in this process is counted from memory, changes included', async () => {
    await writeProfile()
    await countsAtStart()
    const store = await openStore()
    await store.apply(A, { op: 'highlight.delete', id: 'h2' })
    expect((await store.counts([A, B])).get(A)).toEqual({ highlights: 1, notes: 1 })
  })

  it('bit rot in a journal keeps its stamp: the count is corrected once the briefing is loaded', async () => {
    await writeProfile()
    await countsAtStart()
    // One flipped byte in the line that added h2 (with its note): same size, and a real disk
    // keeps the time as well, so the stamp is the one the counts file holds.
    const journal = join(folder.dir(), 'annotations', A, 'journal.jsonl')
    const stamp = await stat(journal)
    const text = await readFile(journal, 'utf8')
    await writeFile(journal, text.replace('"Why?"', '"Whx?"'))
    await utimes(journal, stamp.atime, stamp.mtime)
    const frozen: StoreFs = {
      ...nodeStoreFs,
      stat: async (path) => (path === journal ? stamp : nodeStoreFs.stat!(path))
    }

    const store = await openStore({ fs: frozen })
    expect((await store.load(A)).highlights.map((h) => h.id)).toEqual(['h1'])
    await store.close()
    expect((await countsAtStart(frozen)).get(A)).toEqual({ highlights: 1, notes: 1 })
    expect((await countsAtStart(frozen)).get(B)).toEqual(EXPECTED.get(B))
  })

  it('a damaged counts file is not trusted and is written anew', async () => {
    await writeProfile()
    await countsAtStart()
    const text = await readFile(countsPath(), 'utf8')
    // Same length, one count changed: the checksum no longer matches.
    await writeFile(countsPath(), text.replace('"h":2', '"h":7'))
    expect(await countsAtStart()).toEqual(EXPECTED)
    expect(await readFile(countsPath(), 'utf8')).toBe(text)

    await writeFile(countsPath(), '{"v":1,"briefi')
    expect(await countsAtStart()).toEqual(EXPECTED)
    expect(await readFile(countsPath(), 'utf8')).toBe(text)
  })

  it('a counts file from a newer app is neither trusted nor overwritten', async () => {
    await writeProfile()
    const newer = '{"v":2,"briefings":{},"c":"0000000000000000"}\n'
    await writeFile(countsPath(), newer)
    expect(await countsAtStart()).toEqual(EXPECTED)
    expect(await readFile(countsPath(), 'utf8')).toBe(newer)
  })

  it('a read-only profile counts without writing the file', async () => {
    await writeProfile()
    expect(await countsAtStart(nodeStoreFs, 'opened for reading')).toEqual(EXPECTED)
    await expect(readFile(countsPath())).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('without stamps (a file system that cannot stat) every listing reads the stores', async () => {
    await writeProfile()
    const noStat: StoreFs = { ...nodeStoreFs, stat: undefined }
    expect(await countsAtStart(noStat)).toEqual(EXPECTED)
    expect(await countsAtStart(noStat)).toEqual(EXPECTED)
  })

  it('200 rounds of changes, listings and starts that end before the counts are written: never a wrong count', async () => {
    let seed = 7
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    const ids = ['r-0', 'r-1', 'r-2', 'r-3']
    const live = new Map(ids.map((id) => [id, [] as string[]]))
    let made = 0
    let store = await openStore()
    for (let round = 0; round < 200; round++) {
      const id = ids[random(ids.length)]!
      const mine = live.get(id)!
      if (mine.length > 0 && random(3) === 0) {
        await store.apply(id, {
          op: 'highlight.delete',
          id: mine.splice(random(mine.length), 1)[0]!
        })
      } else {
        const h = highlight(`h${++made}`, { note: random(2) === 0 ? 'why' : '' })
        await store.apply(id, {
          op: 'highlight.put',
          highlight: { ...h, target: { ...h.target, briefingId: id } }
        })
        mine.push(h.id)
      }
      const step = random(6)
      if (step === 0) await store.counts(ids)
      if (step === 1) await store.compact(id)
      if (step >= 2 && step <= 3) {
        // A new start: the session ends (before or after a listing wrote the counts file).
        await store.close()
        if (step === 3) await writeFile(countsPath(), '{"v":1,"briefi').catch(() => undefined)
        store = await openStore()
        const counts = await store.counts(ids)
        for (const other of ids) {
          const fresh = await openStore({
            readOnly: 'checking',
            fs: { ...nodeStoreFs, stat: undefined }
          })
          expect(counts.get(other)).toEqual((await fresh.counts([other])).get(other))
          expect(counts.get(other)?.highlights).toBe(live.get(other)!.length)
          await fresh.close()
        }
      }
    }
  }, 60_000)
})
