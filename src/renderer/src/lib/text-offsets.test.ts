// Unit tests of selection-boundary → canonical-offset mapping, on a small fake node tree shaped
// like SectionText's output (paragraphs, mention spans, pieces with data-start/data-end).

import { describe, expect, it } from 'vitest'

import { offsetOfBoundary, selectionOffsets } from './text-offsets'
import type { NodeLike } from './text-offsets'

class Fake implements NodeLike {
  parentNode: Fake | null = null
  childNodes: Fake[] = []
  constructor(
    readonly nodeType: number,
    readonly attrs: Record<string, string> = {},
    readonly data = ''
  ) {}
  get nextSibling(): Fake | null {
    const siblings = this.parentNode?.childNodes ?? []
    return siblings[siblings.indexOf(this) + 1] ?? null
  }
  getAttribute(name: string): string | null {
    return this.attrs[name] ?? null
  }
}

function el(attrs: Record<string, string>, ...children: Fake[]): Fake {
  const node = new Fake(1, attrs)
  for (const child of children) {
    child.parentNode = node
    node.childNodes.push(child)
  }
  return node
}
const text = (data: string): Fake => new Fake(3, {}, data)
function piece(start: number, data: string): Fake {
  return el({ 'data-start': String(start), 'data-end': String(start + data.length) }, text(data))
}

// Canonical text "Alpha beta.\n\nGamma ray" rendered as two paragraphs; "Gamma" is a mention.
const canonical = 'Alpha beta.\n\nGamma ray'
const alpha = piece(0, 'Alpha ')
const beta = piece(6, 'beta.')
const gamma = piece(13, 'Gamma')
const ray = piece(18, ' ray')
const mention = el({ class: 'mention' }, gamma)
const p1 = el({}, alpha, beta)
const p2 = el({}, mention, ray)
const root = el({ 'data-testid': 'section-text' }, text('\n'), p1, text('\n'), p2)
const outsider = el({}, text('Heading'))

describe('offsetOfBoundary', () => {
  it('adds the offset in a piece text to the piece start', () => {
    expect(offsetOfBoundary(root, { node: alpha.childNodes[0]!, offset: 2 })).toBe(2)
    expect(offsetOfBoundary(root, { node: beta.childNodes[0]!, offset: 5 })).toBe(11)
    expect(offsetOfBoundary(root, { node: gamma.childNodes[0]!, offset: 3 })).toBe(16)
    expect(canonical.slice(16, 18)).toBe('ma')
  })

  it('reads a boundary on a piece element as its start or end', () => {
    expect(offsetOfBoundary(root, { node: beta, offset: 0 })).toBe(6)
    expect(offsetOfBoundary(root, { node: beta, offset: 1 })).toBe(11)
  })

  it('maps boundaries between pieces to the next piece start, across the paragraph break', () => {
    expect(offsetOfBoundary(root, { node: p1, offset: 1 })).toBe(6)
    expect(offsetOfBoundary(root, { node: p1, offset: 2 })).toBe(13)
    expect(offsetOfBoundary(root, { node: root, offset: 2 })).toBe(11 + 2)
    expect(offsetOfBoundary(root, { node: root, offset: 0 })).toBe(0)
    expect(offsetOfBoundary(root, { node: mention, offset: 0 })).toBe(13)
    expect(offsetOfBoundary(root, { node: root.childNodes[2]!, offset: 1 })).toBe(13)
  })

  it('maps the very end to the end of the last piece', () => {
    expect(offsetOfBoundary(root, { node: root, offset: 4 })).toBe(canonical.length)
    expect(offsetOfBoundary(root, { node: p2, offset: 2 })).toBe(canonical.length)
  })

  it('returns null outside the root and clamps offsets past a piece', () => {
    expect(offsetOfBoundary(root, { node: outsider.childNodes[0]!, offset: 1 })).toBeNull()
    expect(offsetOfBoundary(root, { node: ray.childNodes[0]!, offset: 99 })).toBe(22)
  })
})

describe('selectionOffsets', () => {
  const none = { startsBefore: false, endsAfter: false }

  it('orders a backwards selection and spans paragraphs', () => {
    const out = selectionOffsets(
      root,
      { node: gamma.childNodes[0]!, offset: 2 },
      { node: beta.childNodes[0]!, offset: 0 },
      canonical.length,
      none
    )
    expect(out).toEqual({ start: 6, end: 15 })
    expect(canonical.slice(out!.start, out!.end)).toBe('beta.\n\nGa')
  })

  it('returns null for a collapsed selection or one wholly outside the text', () => {
    const at = { node: alpha.childNodes[0]!, offset: 3 }
    expect(selectionOffsets(root, at, at, canonical.length, none)).toBeNull()
    const out = { node: outsider.childNodes[0]!, offset: 0 }
    expect(selectionOffsets(root, out, out, canonical.length, none)).toBeNull()
  })

  it('clamps a selection that starts before or ends after the text', () => {
    const heading = { node: outsider.childNodes[0]!, offset: 2 }
    expect(
      selectionOffsets(root, heading, { node: beta.childNodes[0]!, offset: 4 }, canonical.length, {
        startsBefore: true,
        endsAfter: false
      })
    ).toEqual({ start: 0, end: 10 })
    expect(
      selectionOffsets(root, { node: ray.childNodes[0]!, offset: 1 }, heading, canonical.length, {
        startsBefore: false,
        endsAfter: true
      })
    ).toEqual({ start: 19, end: canonical.length })
  })
})

describe('selections over lists and tables (SectionBlocks)', () => {
  // "One\n\nTwo\n\nA\t\tB": two list items, then a table row whose middle cell is empty.
  const one = piece(0, 'One')
  const two = piece(5, 'Two')
  const a = piece(10, 'A')
  const b = piece(12, 'B')
  const emptyCell = el({})
  const row = el({}, el({}, a), emptyCell, el({}, b))
  const blocks = el(
    { 'data-testid': 'section-text' },
    el({}, el({}, one), el({}, two)),
    el({}, el({}, row))
  )

  it('maps a drag from one list item into the next over the blank line between them', () => {
    const range = selectionOffsets(
      blocks,
      { node: one.childNodes[0]!, offset: 1 },
      { node: two.childNodes[0]!, offset: 2 },
      14,
      { startsBefore: false, endsAfter: false }
    )
    expect(range).toEqual({ start: 1, end: 7 })
  })

  it('takes a boundary in an empty cell or between cells as the next piece start', () => {
    expect(offsetOfBoundary(blocks, { node: emptyCell, offset: 0 })).toBe(12)
    expect(offsetOfBoundary(blocks, { node: row, offset: 1 })).toBe(12)
    expect(offsetOfBoundary(blocks, { node: row, offset: 3 })).toBe(13)
  })
})
