// Opening a big briefing: its start is shown from the first part while the rest comes, unless
// the place to open (a saved position) lies further on; then it opens there once all is in.

import { beforeEach, describe, expect, it, vi } from 'vitest'

import { briefingPart } from '../../../shared/briefing-parts'
import type { BriefingDetail } from '../../../shared/library'
import type { ReadingPosition } from '../../../shared/reading'

/** Parts asked for, answered when the test says so (each part is one section here). */
const asked: { start: number; answer: () => void }[] = []
let saved: ReadingPosition | null = null

const detail: BriefingDetail = {
  id: 'big',
  title: 'Big',
  source: 'Desk',
  published: '2026-03-01',
  tags: [],
  entities: [],
  sections: ['one', 'two', 'three'].map((text, i) => ({
    id: `s${i + 1}`,
    heading: `Part ${i + 1}`,
    text: `Text of part ${text}.`,
    tags: [],
    mentions: []
  }))
}

/** Briefings other than `detail`, or a new version of it, by id (read when a part is answered). */
const briefings: Record<string, BriefingDetail> = {}

vi.mock('./api', () => ({
  api: {
    getBriefingPart: ({ id, start }: { id: string; start: number }) =>
      new Promise((resolve) =>
        asked.push({
          start,
          answer: () => resolve(briefingPart(briefings[id] ?? detail, start, 1))
        })
      ),
    getReadingPosition: async () => saved,
    saveReadingPosition: async () => undefined
  }
}))

const { ReaderState } = await import('./reader-state.svelte')

/** Lets the answers given so far be taken in. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** Answers the parts asked for from `start` on (the earliest asking, or the latest). */
function answer(...starts: number[]): void {
  for (const start of starts) answerAt(asked.findIndex((a) => a.start === start))
}
function answerLatest(...starts: number[]): void {
  for (const start of starts) answerAt(asked.findLastIndex((a) => a.start === start))
}
function answerAt(at: number): void {
  if (at >= 0) asked.splice(at, 1)[0]!.answer()
}

beforeEach(() => {
  asked.length = 0
  saved = null
  for (const id of Object.keys(briefings)) delete briefings[id]
})

describe('ReaderState.open of a briefing in parts', () => {
  it('shows the first part at its start while the others come, then the whole in place', async () => {
    const reader = new ReaderState()
    const opened = reader.open('big')
    await settle()
    answer(0)
    await settle()
    expect(reader.detail?.sections.map((s) => s.id)).toEqual(['s1'])
    expect(reader.complete).toBe(false)
    expect(reader.status).toBe('ready')
    const jump = reader.jump
    expect(jump).toMatchObject({ index: 0 })

    answer(1, 2)
    await opened
    expect(reader.detail?.sections.map((s) => s.id)).toEqual(['s1', 's2', 's3'])
    expect(reader.complete).toBe(true)
    // No second move: the analyst may have started reading already.
    expect(reader.jump).toBe(jump)
  })

  it('waits for the whole when the saved position is past the first part', async () => {
    saved = { briefingId: 'big', sectionId: 's3', offset: 0, textOffset: 5 }
    const reader = new ReaderState()
    const opened = reader.open('big')
    await settle()
    answer(0)
    await settle()
    expect(reader.detail).toBeNull()
    expect(reader.status).toBe('loading')

    answer(1, 2)
    await opened
    expect(reader.complete).toBe(true)
    expect(reader.sectionIndex).toBe(2)
    expect(reader.jump).toMatchObject({ index: 2, textOffset: 5 })
  })

  it('opens a section of the rest once it is in, when asked while the first part shows', async () => {
    const reader = new ReaderState()
    const first = reader.open('big')
    await settle()
    answer(0)
    await settle()
    expect(reader.complete).toBe(false)

    const second = reader.open('big', 's3')
    answer(1, 2)
    await Promise.all([first, second])
    expect(reader.complete).toBe(true)
    expect(reader.detail?.sections).toHaveLength(3)
    expect(reader.sectionIndex).toBe(2)
    expect(reader.section?.id).toBe('s3')
  })

  it('a reload that overtakes an open keeps its newer details for the next open', async () => {
    const reader = new ReaderState()
    const opened = reader.open('big')
    await settle()
    answer(0)
    await settle()
    // The briefing is retitled (a new version) while its first part shows: the view reloads it.
    briefings.big = { ...detail, title: 'Big, retitled' }
    const reloaded = reader.reload('big')
    await settle()
    answerLatest(0)
    await settle()
    answerLatest(1, 2)
    await reloaded
    // The open's own parts come last, with the details from before the change.
    answer(1, 2)
    await opened
    expect(reader.detail?.title).toBe('Big, retitled')

    briefings.other = { ...detail, id: 'other', title: 'Other' }
    const away = reader.open('other')
    await settle()
    answer(0)
    await settle()
    answer(1, 2)
    await away
    await reader.open('big')
    expect(reader.detail?.title).toBe('Big, retitled')
  })
})
