// The reading-position store: positions survive a reopen, a damaged file starts afresh, and a
// new version of a briefing keeps the position by section id, heading, or nearest section.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { Briefing } from '../../shared/dataset'
import { nodeStoreFs } from '../fs/node-fs'
import {
  MAX_POSITIONS,
  POSITIONS_FILE,
  openReadingPositions,
  progressOf,
  reanchorPosition
} from './reading-positions'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'positions-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const at = (n: number) => () => new Date(Date.UTC(2026, 0, 1, 0, 0, n))

function briefing(id: string, sections: [string, string][]): Briefing {
  return {
    id,
    title: id,
    source: 'S',
    published: '2026-01-01',
    tags: [],
    sections: sections.map(([sid, heading]) => ({
      id: sid,
      heading,
      text: 'x',
      tags: [],
      mentions: []
    }))
  }
}

describe('reading positions', () => {
  it('are restored after a restart, with the time they were saved', async () => {
    const first = openReadingPositions(dir, nodeStoreFs, at(5))
    await first.save({ briefingId: 'b', sectionId: 'two', offset: 2500 })
    const again = openReadingPositions(dir, nodeStoreFs)
    expect(await again.get('b')).toEqual({
      briefingId: 'b',
      sectionId: 'two',
      offset: 2500,
      at: '2026-01-01T00:00:05.000Z'
    })
    expect(await again.get('other')).toBeNull()
  })

  it('start empty when the file is damaged, and the next save replaces it', async () => {
    await writeFile(join(dir, POSITIONS_FILE), '{not json')
    const store = openReadingPositions(dir, nodeStoreFs)
    expect(await store.get('b')).toBeNull()
    await store.save({ briefingId: 'b', sectionId: 's', offset: 0 })
    expect(JSON.parse(await readFile(join(dir, POSITIONS_FILE), 'utf8')).positions).toHaveLength(1)
  })

  it('keep only the most recently read briefings', async () => {
    const store = openReadingPositions(dir, nodeStoreFs)
    const map = await store.all()
    for (let i = 0; i < MAX_POSITIONS; i++) {
      ;(map as Map<string, unknown>).set(`b${i}`, {
        briefingId: `b${i}`,
        sectionId: 's',
        offset: 0,
        at: '2025-01-01T00:00:00.000Z'
      })
    }
    await store.save({ briefingId: 'newest', sectionId: 's', offset: 0 })
    const kept = await openReadingPositions(dir, nodeStoreFs).all()
    expect(kept.size).toBe(MAX_POSITIONS)
    expect(kept.has('b0')).toBe(false)
    expect(kept.has('newest')).toBe(true)
  })
})

describe('progress and re-anchoring', () => {
  const old = briefing('b', [
    ['lead', 'Overview'],
    ['a', 'Alpha'],
    ['b', 'Beta'],
    ['c', 'Gamma']
  ])
  const saved = { briefingId: 'b', sectionId: 'b', offset: 5000, at: 'T' }

  it('progress counts the sections before and the offset inside', () => {
    expect(progressOf(old, saved)).toBeCloseTo(2.5 / 4)
    expect(progressOf(old, { ...saved, sectionId: 'gone' })).toBe(0)
  })

  it('keeps a section found by id, else by heading, else the nearest, at its start', () => {
    const sameId = briefing('b', [['b', 'Renamed']])
    expect(reanchorPosition(saved, old, sameId)).toEqual(saved)
    const byHeading = briefing('b', [
      ['x', 'Alpha'],
      ['y', 'Beta']
    ])
    expect(reanchorPosition(saved, old, byHeading)).toEqual({ ...saved, sectionId: 'y' })
    const nearest = briefing('b', [
      ['p', 'P'],
      ['q', 'Q']
    ])
    expect(reanchorPosition(saved, old, nearest)).toEqual({ ...saved, sectionId: 'q', offset: 0 })
  })
})
