// Snippet windows: length, word-boundary cuts, ellipses, densest cluster, surrogate pairs.

import { describe, expect, it } from 'vitest'

import type { SnippetPart } from '../../shared/search'
import type { Range } from './mark-terms'
import { buildSnippet, ELLIPSIS, SNIPPET_MAX, snippetWindow } from './snippet'

/** Ranges of every occurrence of `word` in `text`. */
function rangesOf(text: string, word: string): Range[] {
  const ranges: Range[] = []
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    ranges.push([at, at + word.length])
  }
  return ranges
}

const joined = (parts: SnippetPart[]): string => parts.map((p) => p.text).join('')
const filler = (words: number, word = 'lorem'): string => Array(words).fill(word).join(' ')

describe('buildSnippet', () => {
  it('shows a short text whole, with its marks', () => {
    const text = 'Kishida met Modi. Kishida left.'
    expect(buildSnippet(text, rangesOf(text, 'Kishida'))).toEqual([
      { text: 'Kishida', mark: true },
      { text: ' met Modi. ', mark: false },
      { text: 'Kishida', mark: true },
      { text: ' left.', mark: false }
    ])
    expect(buildSnippet(text, [])).toEqual([{ text, mark: false }])
  })

  it('opens a long unmarked text at the start, cut at a space, with a trailing ellipsis', () => {
    const text = filler(100, 'opening')
    const parts = buildSnippet(text, [])
    expect(parts.at(-1)).toEqual({ text: ELLIPSIS, mark: false })
    const shown = joined(parts.slice(0, -1))
    expect(text.startsWith(shown)).toBe(true)
    expect(shown.length).toBeGreaterThanOrEqual(160)
    expect(shown.length).toBeLessThanOrEqual(240)
    expect(text.charAt(shown.length)).toBe(' ')
  })

  it('centres the window on the densest cluster of marks', () => {
    const text = `${filler(40)} alpha ${filler(40)} beta gamma beta gamma beta ${filler(60)}`
    const marks = [...rangesOf(text, 'alpha'), ...rangesOf(text, 'beta')].sort(
      (a, b) => a[0] - b[0]
    )
    const parts = buildSnippet(text, marks)
    expect(parts[0]).toEqual({ text: ELLIPSIS, mark: false })
    expect(parts.at(-1)).toEqual({ text: ELLIPSIS, mark: false })
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['beta', 'beta', 'beta'])
    const shown = joined(parts.slice(1, -1))
    const start = text.indexOf(shown)
    expect(start).toBeGreaterThan(0)
    expect(text.charAt(start - 1)).toBe(' ')
    expect(text.charAt(start + shown.length)).toBe(' ')
    const [first] = rangesOf(text, 'beta') as [Range]
    const before = first[0] - start
    const after = start + shown.length - first[0]
    expect(Math.abs(before - (after - 'beta gamma beta gamma beta'.length))).toBeLessThan(45)
  })

  it('keeps every length within 160–240 characters for texts longer than the maximum', () => {
    const text = `${filler(30, 'word')} target ${filler(30, 'longerword')} target ${filler(20)}`
    const marks = rangesOf(text, 'target')
    for (let i = 0; i < marks.length; i++) {
      const [start, end] = snippetWindow(text, marks.slice(i, i + 1))
      expect(end - start).toBeGreaterThanOrEqual(160)
      expect(end - start).toBeLessThanOrEqual(240)
    }
    expect(text.length).toBeGreaterThan(SNIPPET_MAX)
  })

  it('marks at the very start or end of a long text stay whole', () => {
    const text = `Start ${filler(80)} end`
    const marks: Range[] = [
      [0, 5],
      [text.length - 3, text.length]
    ]
    const head = buildSnippet(text, marks.slice(0, 1))
    expect(head[0]).toEqual({ text: 'Start', mark: true })
    const tail = buildSnippet(text, marks.slice(1))
    expect(tail.at(-1)).toEqual({ text: 'end', mark: true })
    expect(tail[0]).toEqual({ text: ELLIPSIS, mark: false })
  })

  it('never splits a surrogate pair when a text has no spaces to cut at', () => {
    const text = '😀'.repeat(300)
    for (const marks of [[], [[300, 302]]] as Range[][]) {
      const shown = joined(buildSnippet(text, marks).filter((p) => p.text !== ELLIPSIS))
      expect(text.includes(shown)).toBe(true)
      expect(shown.length % 2).toBe(0)
      expect(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(shown)
      ).toBe(false)
    }
  })
})
