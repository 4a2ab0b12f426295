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
import { positionAt, textOffsetOf } from '../../shared/reading'

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

describe('positions with a quote on a new version', () => {
  const text = (sections: [string, string, string][]): Briefing => ({
    ...briefing('b', []),
    sections: sections.map(([id, heading, body]) => ({
      id,
      heading,
      text: body,
      tags: [],
      mentions: []
    }))
  })
  const lead = 'The port opened in May. '
  const body = 'Cranes arrived from Busan in June and the first ships docked in July.'
  const old = text([
    ['s1', 'Port', lead + body],
    ['s2', 'Rail', 'The line is late.']
  ])
  const saved = { ...positionAt('b', 's1', lead + body, lead.length), at: 'T' }

  it('keep the first character in view when text is inserted before it', () => {
    const edited = text([
      ['s1', 'Port', 'A new paragraph comes first.\n\n' + lead + body],
      ['s2', 'Rail', 'The line is late.']
    ])
    const moved = reanchorPosition(saved, old, edited)
    const section = edited.sections[0]!
    expect(moved.sectionId).toBe('s1')
    expect(section.text.slice(moved.textOffset!)).toBe(body)
  })

  it('follow the passage into another section, found by its quote', () => {
    const split = text([
      ['a', 'Port opening', lead],
      ['b2', 'Cranes', body]
    ])
    const moved = reanchorPosition(saved, old, split)
    expect(moved).toMatchObject({ sectionId: 'b2', textOffset: 0, quote: body.slice(0, 32) })
  })

  it('go to the top of the same section when the passage is gone, else the nearest one', () => {
    const rewritten = text([['s1', 'Port', 'Entirely different words now.']])
    expect(reanchorPosition(saved, old, rewritten)).toMatchObject({
      sectionId: 's1',
      textOffset: 0
    })
    const renamed = text([['z', 'Other', 'Nothing alike here at all.']])
    expect(reanchorPosition(saved, old, renamed)).toMatchObject({
      sectionId: 'z',
      textOffset: 0,
      offset: 0
    })
  })

  it('old entries with only a fraction still load and move by section', async () => {
    await writeFile(
      join(dir, POSITIONS_FILE),
      JSON.stringify({
        version: 1,
        positions: [{ briefingId: 'b', sectionId: 's1', offset: 5000, at: 'T' }]
      })
    )
    const store = openReadingPositions(dir, nodeStoreFs)
    const loaded = await store.get('b')
    expect(loaded).toEqual({ briefingId: 'b', sectionId: 's1', offset: 5000, at: 'T' })
    expect(textOffsetOf(loaded!, 'abcd')).toBe(2)
  })
})
