// Write failures (ENOSPC, EIO, EACCES): changes kept in memory, reported not saved, retried.

import { chmod, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { openAnnotationStore } from './annotation-store'
import { nodeStoreFs } from '../../fs/node-fs'
import {
  BRIEFING,
  FaultyFs,
  highlight,
  note,
  tempUserData
} from '../../../test-support/annotation-store'
import type { AnnotationStore } from './types'
import type { StoreFs } from '../../fs/types'

let userData: string
let dir: string
let cleanup: () => Promise<void>
const open: AnnotationStore[] = []

async function openStore(fs?: StoreFs) {
  const store = await openAnnotationStore(userData, { fs })
  open.push(store)
  return store
}

async function reopenAndLoad(store: AnnotationStore) {
  await store.close()
  return (await openStore()).load(BRIEFING)
}

const put = (id: string) => ({ op: 'highlight.put', highlight: highlight(id) }) as const

/** Whether chmod 0o500 stops this process writing (it does not for root). */
async function chmodStopsWrites(): Promise<boolean> {
  const probe = await tempUserData()
  try {
    await chmod(probe.dir, 0o500)
    await writeFile(join(probe.dir, 'probe'), 'x')
    return false
  } catch {
    return true
  } finally {
    await chmod(probe.dir, 0o700)
    await probe.cleanup()
  }
}
const REAL_CHMOD = await chmodStopsWrites()

beforeEach(async () => {
  ;({ dir: userData, cleanup } = await tempUserData())
  dir = join(userData, 'annotations', BRIEFING)
})
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()))
  await chmod(dir, 0o700).catch(() => undefined)
  await cleanup()
})

describe('when the disk refuses a write', () => {
  it('ENOSPC mid-write: change kept in memory, reported not saved, saved on retry', async () => {
    const fs = new FaultyFs()
    const store = await openStore(fs)
    expect(await store.apply(BRIEFING, put('h1'))).toMatchObject({ saved: true })

    fs.failWith('ENOSPC', ['write'])
    const failed = await store.apply(BRIEFING, put('h2'))
    expect(failed).toMatchObject({ saved: false, seq: 2, canUndo: true })
    expect(failed.saved === false && failed.error).toMatch(/^ENOSPC/)
    await store.apply(BRIEFING, { op: 'note.put', note: note('n1') })
    expect(store.status()).toEqual({ pending: 2, lastError: expect.stringMatching(/ENOSPC/) })
    const inMemory = await store.load(BRIEFING)
    expect(inMemory.highlights.map((h) => h.id)).toEqual(['h1', 'h2'])
    expect(inMemory.notes.map((n) => n.id)).toEqual(['n1'])
    expect(inMemory.save).toMatchObject({ saved: false, pending: 2 })
    // The failed writes left half a line behind: that is what a full disk does.
    const journal = join(dir, 'journal.jsonl')
    expect((await readFile(journal, 'utf8')).endsWith('\n')).toBe(false)

    expect(await store.retryPending()).toEqual({ pending: 2, lastError: expect.any(String) })
    fs.heal()
    expect(await store.retryPending()).toEqual({ pending: 0 })
    expect((await store.load(BRIEFING)).save).toEqual({ saved: true, pending: 0 })

    const reloaded = await reopenAndLoad(store)
    expect(reloaded.highlights.map((h) => h.id)).toEqual(['h1', 'h2'])
    expect(reloaded.notes.map((n) => n.id)).toEqual(['n1'])
    expect(reloaded.warnings).toEqual([])
    const seqs = (await readFile(journal, 'utf8')).trimEnd().split('\n')
    expect(seqs.map((line) => JSON.parse(line).seq)).toEqual([1, 2, 3])
  })

  it('a failed fsync is a failed write, retried with the next change', async () => {
    const fs = new FaultyFs()
    const store = await openStore(fs)
    fs.failWith('EIO', ['sync'], 'journal.jsonl')
    expect(await store.apply(BRIEFING, put('h1'))).toMatchObject({ saved: false })
    fs.heal()
    // The next change writes the pending one first, then itself.
    expect(await store.apply(BRIEFING, put('h2'))).toMatchObject({ saved: true, seq: 2 })
    expect(store.status()).toEqual({ pending: 0 })
    const reloaded = await reopenAndLoad(store)
    expect(reloaded.highlights.map((h) => h.id)).toEqual(['h1', 'h2'])
    expect(reloaded.warnings).toEqual([])
  })

  it('undo and redo while the disk is full are kept and saved in order', async () => {
    const fs = new FaultyFs()
    const store = await openStore(fs)
    await store.apply(BRIEFING, put('h1'))
    fs.failWith('ENOSPC', ['write', 'open'])
    await store.apply(BRIEFING, { op: 'highlight.delete', id: 'h1' })
    expect(await store.undo(BRIEFING)).toMatchObject({ saved: false })
    expect(await store.redo(BRIEFING)).toMatchObject({ saved: false })
    expect(await store.undo(BRIEFING)).toMatchObject({ saved: false })
    expect(store.status().pending).toBe(4)
    fs.heal()
    await store.retryPending()
    const reloaded = await reopenAndLoad(store)
    expect(reloaded.highlights.map((h) => h.id)).toEqual(['h1'])
    expect(reloaded.trash).toEqual([])
  })

  it('a successful compaction saves pending changes even while appends fail', async () => {
    const fs = new FaultyFs()
    const store = await openStore(fs)
    fs.failWith('ENOSPC', ['write'], 'journal.jsonl')
    await store.apply(BRIEFING, put('h1'))
    expect(store.status().pending).toBe(1)
    expect(await store.compact(BRIEFING)).toEqual({ saved: true })
    expect(store.status()).toEqual({ pending: 0 })
    fs.heal()
    expect((await reopenAndLoad(store)).highlights.map((h) => h.id)).toEqual(['h1'])
  })

  it('a failed compaction changes nothing on disk and loses nothing', async () => {
    const fs = new FaultyFs()
    const store = await openStore(fs)
    await store.apply(BRIEFING, put('h1'))
    fs.failWith('ENOSPC', ['write'], 'snapshot')
    expect(await store.compact(BRIEFING)).toMatchObject({ saved: false })
    expect(store.status()).toEqual({ pending: 0 })
    fs.heal()
    const reloaded = await reopenAndLoad(store)
    expect(reloaded.highlights.map((h) => h.id)).toEqual(['h1'])
    expect(reloaded.warnings).toEqual([])
  })

  it(
    REAL_CHMOD
      ? 'EACCES on a read-only folder (chmod 0o500)'
      : 'EACCES on a read-only folder (injected: chmod does not stop root)',
    async () => {
      const fs = new FaultyFs()
      const store = await openStore(REAL_CHMOD ? nodeStoreFs : fs)
      await store.apply(BRIEFING, put('h1'))
      if (REAL_CHMOD) {
        await chmod(join(dir, 'journal.jsonl'), 0o400)
        await chmod(dir, 0o500)
      } else {
        fs.failWith('EACCES', ['open', 'mkdir', 'rename', 'unlink'])
      }
      const result = await store.apply(BRIEFING, put('h2'))
      expect(result).toMatchObject({ saved: false, error: expect.stringMatching(/EACCES/) })
      expect(store.status()).toEqual({ pending: 1, lastError: expect.stringMatching(/EACCES/) })
      expect((await store.load(BRIEFING)).highlights.map((h) => h.id)).toEqual(['h1', 'h2'])

      if (REAL_CHMOD) {
        await chmod(dir, 0o700)
        await chmod(join(dir, 'journal.jsonl'), 0o600)
      } else {
        fs.heal()
      }
      expect(await store.retryPending()).toEqual({ pending: 0 })
      expect((await reopenAndLoad(store)).highlights.map((h) => h.id)).toEqual(['h1', 'h2'])
    }
  )

  it('opens a briefing read-only when its journal cannot be read', async () => {
    const store1 = await openStore()
    await store1.apply(BRIEFING, put('h1'))
    await store1.close()
    const fs = new FaultyFs()
    fs.failWith('EIO', ['read'], 'journal.jsonl')
    const store = await openStore(fs)
    const loaded = await store.load(BRIEFING)
    expect(loaded.readOnly).toMatch(/^journal.jsonl could not be read: EIO/)
    await expect(store.apply(BRIEFING, put('h2'))).rejects.toMatchObject({ code: 'read-only' })
  })
})
