// Unit tests of the continuous reader's window maths: estimates, the section at a scroll
// position and what is rendered around it.

import { describe, expect, it } from 'vitest'

import { anchorAt, estimateHeight, growWindow, metricsOf, sectionsToRender } from './section-window'
import { layoutRows } from './virtual-window'

const column = { width: 600, fontSize: 16, lineHeight: 27 }

describe('estimateHeight', () => {
  it('grows with the text and its paragraphs, and with a heading', () => {
    const short = estimateHeight(metricsOf('One line.', true), column)
    const long = estimateHeight(metricsOf('word '.repeat(400), true), column)
    const paras = estimateHeight(metricsOf('a\n\nb\n\nc', true), column)
    expect(long).toBeGreaterThan(short * 5)
    expect(paras).toBeGreaterThan(short)
    expect(estimateHeight(metricsOf('One line.', false), column)).toBeLessThan(short)
  })

  it('gives each line of a code block a line of its own', () => {
    const code = Array.from({ length: 12 }, (_, i) => `let x${i} = ${i}`).join('\n')
    const oneLine = code.replace(/\n/g, ' ')
    const lineHeights =
      (estimateHeight(metricsOf(code, false), column) -
        estimateHeight(metricsOf(oneLine, false), column)) /
      column.lineHeight
    expect(lineHeights).toBeGreaterThanOrEqual(10)
    expect(metricsOf(`a\n\n${code}\n\nb`, false)).toMatchObject({ paragraphs: 3, lineBreaks: 11 })
  })

  it('counts more lines in a narrower column', () => {
    const text = metricsOf('word '.repeat(400), false)
    expect(estimateHeight(text, { ...column, width: 300 })).toBeGreaterThan(
      estimateHeight(text, column)
    )
  })
})

describe('anchorAt', () => {
  const offsets = layoutRows([100, 50, 200])

  it('finds the section holding a pixel and the distance below its top', () => {
    expect(anchorAt(offsets, 0)).toEqual({ index: 0, delta: 0 })
    expect(anchorAt(offsets, 99)).toEqual({ index: 0, delta: 99 })
    expect(anchorAt(offsets, 100)).toEqual({ index: 1, delta: 0 })
    expect(anchorAt(offsets, 170)).toEqual({ index: 2, delta: 20 })
  })

  it('keeps the first section above the list and the last below it', () => {
    expect(anchorAt(offsets, -40)).toEqual({ index: 0, delta: -40 })
    expect(anchorAt(offsets, 10_000)).toEqual({ index: 2, delta: 9850 })
    expect(anchorAt(layoutRows([]), 5)).toEqual({ index: 0, delta: 0 })
  })

  it('stays exact on 5,000 sections (a jump lands on the section asked for)', () => {
    const many = layoutRows(Array.from({ length: 5000 }, (_, i) => 40 + (i % 7) * 13))
    for (const i of [0, 1, 2500, 4998, 4999]) expect(anchorAt(many, many[i]!).index).toBe(i)
  })
})

describe('sectionsToRender', () => {
  it('renders a screen above and below the viewport, never the whole briefing', () => {
    const offsets = layoutRows(new Array(5000).fill(100))
    const { start, end } = sectionsToRender(offsets, 250_000, 800)
    expect(start).toBeLessThanOrEqual(2492)
    expect(end).toBeGreaterThanOrEqual(2516)
    expect(end - start).toBeLessThan(40)
    expect(sectionsToRender(offsets, 0, 800).start).toBe(0)
  })
})

describe('growWindow', () => {
  const target = { start: 10, end: 30 }
  const view = { start: 18, end: 22 }

  it('fills a jump a few sections per frame, those in view first, then around them', () => {
    const frames: Array<{ start: number; end: number }> = []
    let win = { start: 0, end: 0 }
    while (win.start !== target.start || win.end !== target.end) {
      win = growWindow(win, target, view, 3)
      frames.push(win)
    }
    expect(frames[0]).toEqual({ start: 18, end: 21 })
    expect(frames[1]).toEqual({ start: 17, end: 23 })
    expect(frames[2]).toEqual({ start: 16, end: 25 })
    // Never more than three new sections in a frame, and every frame keeps what it had.
    for (let i = 1; i < frames.length; i++) {
      const [a, b] = [frames[i - 1]!, frames[i]!]
      expect(b.start).toBeLessThanOrEqual(a.start)
      expect(b.end).toBeGreaterThanOrEqual(a.end)
      expect(b.end - b.start - (a.end - a.start)).toBeLessThanOrEqual(3)
    }
    expect(frames).toHaveLength(7)
  })

  it('keeps what is still wanted and drops the rest at once', () => {
    expect(growWindow({ start: 5, end: 20 }, target, view, 3)).toEqual({ start: 10, end: 23 })
    expect(growWindow({ start: 10, end: 30 }, { start: 12, end: 25 }, view, 3)).toEqual({
      start: 12,
      end: 25
    })
  })

  it('starts again at the view when what is rendered is far from it', () => {
    // Still in the target (its overscan) but not touching the view: not grown towards it.
    expect(growWindow({ start: 8, end: 12 }, target, { start: 25, end: 28 }, 3)).toEqual({
      start: 25,
      end: 28
    })
    expect(growWindow({ start: 100, end: 110 }, target, view, 2)).toEqual({ start: 18, end: 20 })
  })

  it('renders nothing for an empty briefing', () => {
    const none = { start: 0, end: 0 }
    expect(growWindow(none, none, none, 3)).toEqual(none)
  })
})
