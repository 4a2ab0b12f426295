// Loading damaged or newer data: torn and corrupt journal lines, quarantined snapshots, read-only.

import { appendFile, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { beforeEach, describe, expect, it } from 'vitest'

import { serializeRecord } from './journal'
import { BRIEFING, highlight, note } from '../../../test-support/annotation-store'
import { useStoreFolder } from '../../../test-support/store-folder'
import type { JournalRecord } from './types'

const NOW = new Date('2026-06-01T08:30:00.123Z')
const folder = useStoreFolder({ now: () => NOW })
const openStore = () => folder.openStore()
let dir: string

/** Writes `count` highlights through a store and closes it. */
async function seed(count: number, compactAfter?: number) {
  const store = await openStore()
  for (let i = 1; i <= count; i++) {
    await store.apply(BRIEFING, { op: 'highlight.put', highlight: highlight(`h${i}`) })
    if (i === compactAfter) await store.compact(BRIEFING)
  }
  await store.close()
}

const ids = (list: { id: string }[]) => list.map((item) => item.id)
const files = async () => (await readdir(dir)).sort()

beforeEach(() => {
  dir = join(folder.dir(), 'annotations', BRIEFING)
})

describe('recovery from damaged files', () => {
  it('ignores a torn last line with a warning; the next append is not glued to it', async () => {
    await seed(3)
    const torn = serializeRecord({
      v: 1,
      seq: 4,
      at: NOW.toISOString(),
      op: 'highlight.put',
      highlight: highlight('h4')
    }).slice(0, 50)
    await appendFile(join(dir, 'journal.jsonl'), torn)

    const store = await openStore()
    const loaded = await store.load(BRIEFING)
    expect(ids(loaded.highlights)).toEqual(['h1', 'h2', 'h3'])
    expect(loaded.warnings).toEqual([
      'journal.jsonl line 4: incomplete last line (an interrupted write); ignored'
    ])
    expect(await store.apply(BRIEFING, { op: 'note.put', note: note('n1') })).toMatchObject({
      saved: true,
      seq: 4
    })
    await store.close()

    const journal = await readFile(join(dir, 'journal.jsonl'), 'utf8')
    expect(journal.endsWith('\n')).toBe(true)
    expect(
      journal
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).seq)
    ).toEqual([1, 2, 3, 4])
    const again = await (await openStore()).load(BRIEFING)
    expect(again.warnings).toEqual([])
    expect(ids(again.notes)).toEqual(['n1'])
  })

  it('skips a corrupt line in the middle with a warning and keeps the lines after it', async () => {
    await seed(4)
    const path = join(dir, 'journal.jsonl')
    const lines = (await readFile(path, 'utf8')).split('\n')
    lines[1] = lines[1]!.slice(0, 30) + '\u0000garbage'
    await writeFile(path, lines.join('\n'))

    const store = await openStore()
    const loaded = await store.load(BRIEFING)
    expect(ids(loaded.highlights)).toEqual(['h1', 'h3', 'h4'])
    expect(loaded.warnings).toHaveLength(2)
    expect(loaded.warnings[0]).toMatch(
      /^journal.jsonl line 2: invalid JSON .*; the line was skipped$/
    )
    expect(loaded.warnings[1]).toBe('journal.jsonl line 3: change 2 is missing before this one')
    // The unusable line is preserved beside the journal when it is next compacted.
    await store.compact(BRIEFING)
    const rejected = (await files()).find((f) => f.startsWith('journal.rejected-'))
    expect(rejected).toBe('journal.rejected-2026-06-01T08-30-00-123Z.txt')
    expect(await readFile(join(dir, rejected!), 'utf8')).toBe(`${lines[1]}\n`)
  })

  it('quarantines a corrupt snapshot and rebuilds from the previous one + journals', async () => {
    await seed(10, 4) // snapshot at 4
    const store1 = await openStore()
    await store1.compact(BRIEFING) // snapshot at 10, previous at 4, journal.prev holds 5–10
    await store1.apply(BRIEFING, { op: 'highlight.delete', id: 'h2' }) // 11, in journal.jsonl
    await store1.close()
    const snapshot = await readFile(join(dir, 'snapshot.json'), 'utf8')
    await writeFile(join(dir, 'snapshot.json'), snapshot.slice(0, snapshot.length / 2))

    const store = await openStore()
    const loaded = await store.load(BRIEFING)
    expect(ids(loaded.highlights).sort()).toEqual(
      ['h1', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'h9', 'h10'].sort()
    )
    expect(loaded.trash).toHaveLength(1)
    expect(loaded.warnings).toHaveLength(1)
    expect(loaded.warnings[0]).toMatch(
      new RegExp(
        '^snapshot.json was damaged \\(invalid JSON.*\\); it was renamed to ' +
          'snapshot.json.corrupt-2026-06-01T08-30-00-123Z and the previous snapshot is used$'
      )
    )
    expect(await files()).toContain('snapshot.json.corrupt-2026-06-01T08-30-00-123Z')
    expect(await files()).not.toContain('snapshot.json')
    expect(loaded.readOnly).toBeUndefined()
    // Writing goes on, and a compaction makes a good snapshot again.
    await store.apply(BRIEFING, { op: 'highlight.restore', id: 'h2' })
    await store.compact(BRIEFING)
    await store.close()
    const again = await (await openStore()).load(BRIEFING)
    expect(again.highlights).toHaveLength(10)
    expect(again.warnings).toEqual([])
  })

  it('quarantines a snapshot that parses but fails validation', async () => {
    await seed(3, 3)
    const snapshot = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8'))
    snapshot.highlights[1].color = 'purple'
    await writeFile(join(dir, 'snapshot.json'), JSON.stringify(snapshot))
    const loaded = await (await openStore()).load(BRIEFING)
    expect(loaded.warnings[0]).toMatch(/snapshot.highlights\[1\].color: expected one of/)
    expect(ids(loaded.highlights)).toEqual(['h1', 'h2', 'h3']) // from journal.prev.jsonl
    expect((await files()).some((f) => f.startsWith('snapshot.json.corrupt-'))).toBe(true)
  })

  it('loads after a crash at any point of a compaction', async () => {
    await seed(6, 3)
    // Crash after the old snapshot was renamed away but before the new one was renamed in.
    await rename(join(dir, 'snapshot.json'), join(dir, 'snapshot.prev.json'))
    await writeFile(join(dir, 'snapshot.json.tmp'), '{"half')
    let loaded = await (await openStore()).load(BRIEFING)
    expect(ids(loaded.highlights)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
    expect(loaded.warnings).toEqual([])
    await folder.lastOpened().close()

    // Crash after the new snapshot was renamed in but before the journal was replaced: the
    // journal's lines up to the snapshot's seq are skipped, not applied twice.
    const store = await openStore()
    await store.compact(BRIEFING)
    await store.close()
    const old = (await readFile(join(dir, 'journal.prev.jsonl'), 'utf8')) + ''
    await rm(join(dir, 'journal.jsonl'))
    await writeFile(join(dir, 'journal.jsonl'), old)
    const store2 = await openStore()
    await store2.apply(BRIEFING, { op: 'highlight.delete', id: 'h1' })
    loaded = await store2.load(BRIEFING)
    expect(loaded.warnings).toEqual([])
    await store2.close()
    loaded = await (await openStore()).load(BRIEFING)
    expect(ids(loaded.highlights)).toEqual(['h2', 'h3', 'h4', 'h5', 'h6'])
    expect(loaded.warnings).toEqual([])
  })
})

describe('data from a newer version of the app', () => {
  it('opens read-only when a journal record has a newer schema, and refuses writes', async () => {
    await seed(2)
    const future: JournalRecord = {
      v: 2,
      seq: 3,
      at: NOW.toISOString(),
      op: 'highlight.put',
      highlight: highlight('h3')
    }
    await appendFile(join(dir, 'journal.jsonl'), serializeRecord(future))
    const before = await readFile(join(dir, 'journal.jsonl'))

    const store = await openStore()
    const loaded = await store.load(BRIEFING)
    expect(loaded.readOnly).toMatch(/newer version of the app \(schema 2\)/)
    expect(ids(loaded.highlights)).toEqual(['h1', 'h2', 'h3'])
    const refused = { code: 'read-only', message: loaded.readOnly }
    await expect(store.apply(BRIEFING, { op: 'note.put', note: note('n') })).rejects.toMatchObject(
      refused
    )
    await expect(store.undo(BRIEFING)).rejects.toMatchObject(refused)
    await expect(store.compact(BRIEFING)).rejects.toMatchObject(refused)
    await store.close()
    expect(await readFile(join(dir, 'journal.jsonl'))).toEqual(before)
  })

  it('opens read-only, without quarantining it, a snapshot with a newer schema', async () => {
    await seed(2, 2)
    const snapshot = JSON.parse(await readFile(join(dir, 'snapshot.json'), 'utf8'))
    await writeFile(
      join(dir, 'snapshot.json'),
      JSON.stringify({ ...snapshot, v: 5, shapes: [], highlights: [{ id: 'new-format' }] })
    )
    const store = await openStore()
    const loaded = await store.load(BRIEFING)
    expect(loaded.readOnly).toMatch(/snapshot.json was written by a newer version.*schema 5/)
    expect(loaded.warnings).toEqual(['snapshot.json (schema 5) could not be read by this version'])
    await expect(store.apply(BRIEFING, { op: 'highlight.delete', id: 'h1' })).rejects.toMatchObject(
      {
        code: 'read-only'
      }
    )
    expect(await files()).toContain('snapshot.json')
    expect((await files()).some((f) => f.includes('corrupt'))).toBe(false)
  })
})
