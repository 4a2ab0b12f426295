// Property tests: edits around a highlight never move it off its text, small edits inside it
// anchor fuzzily, rewriting it orphans it, describe→anchor is the identity, junk never throws.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { SectionTarget } from '../annotations'
import { anchorTarget } from './anchor'
import { describeRange } from './describe'

const IDS = { briefingId: 'b', sectionId: 's' }
const CONTEXT = 32

/** Prose-like text: lowercase letters and spaces (edits insert only uppercase and digits). */
const proseText = fc
  .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz    '), { minLength: 120, maxLength: 400 })
  .map((cs) => cs.join(''))
const insertion = fc
  .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '), { maxLength: 40 })
  .map((cs) => cs.join(''))

const count = (text: string, str: string): number => {
  let n = 0
  for (let i = text.indexOf(str); i !== -1; i = text.indexOf(str, i + 1)) n++
  return n
}

/** A highlight on `text` of 6–40 units (described, so trimmed), unique in the text. */
function highlight(text: string, a: number, len: number): SectionTarget | null {
  const start = a % (text.length - 6)
  const t = describeRange(text, start, Math.min(text.length, start + len), IDS)
  return t && t.quote.exact.length >= 6 && count(text, t.quote.exact) === 1 ? t : null
}

/**
 * Where in `text` copies of `quote` within `k` edits end (Sellers again): a damaged quote may
 * rightly anchor at any of them.
 */
function nearCopyEnds(text: string, quote: string, k: number): number[] {
  const ends: number[] = []
  let column = Array.from({ length: quote.length + 1 }, (_, i) => i)
  for (let j = 0; j < text.length; j++) {
    const next = [0]
    for (let i = 1; i <= quote.length; i++) {
      const cost = quote[i - 1] === text[j] ? 0 : 1
      next.push(Math.min(column[i - 1]! + cost, column[i]! + 1, next[i - 1]! + 1))
    }
    if (next[quote.length]! <= k) ends.push(j + 1)
    column = next
  }
  return ends
}

/**
 * Whether `text` holds a copy of `quote` within `k` edits: then a fuzzy match of the quote there
 * is legitimate, not a failure to orphan.
 */
const hasNearCopy = (text: string, quote: string, k: number): boolean =>
  nearCopyEnds(text, quote, k).length > 0

interface Edit {
  at: number
  remove: number
  insert: string
}
const applyEdit = (text: string, e: Edit): string =>
  text.slice(0, e.at) + e.insert + text.slice(e.at + e.remove)

describe('anchorTarget under edits (property)', () => {
  for (const zone of ['far', 'context'] as const) {
    it(`keeps a highlight on its text when edits are ${zone === 'far' ? 'outside its context' : 'in its context'}`, () => {
      fc.assert(
        fc.property(
          proseText,
          fc.nat(),
          fc.integer({ min: 6, max: 40 }),
          fc.constantFrom('before', 'after'),
          fc.nat(),
          fc.nat({ max: 40 }),
          insertion,
          (text, a, len, side, at, remove, insert) => {
            const t = highlight(text, a, len)
            fc.pre(t !== null)
            if (!t) return
            const { start, end } = t.position
            // Allowed span for [at, at + remove]: before or after the quote, inside or outside
            // its 32-unit context.
            const [lo, hi] =
              side === 'before'
                ? zone === 'far'
                  ? [0, start - CONTEXT]
                  : [Math.max(0, start - CONTEXT), start]
                : zone === 'far'
                  ? [end + CONTEXT, text.length]
                  : [end, Math.min(text.length, end + CONTEXT)]
            fc.pre(hi > lo)
            const editAt = lo + (at % (hi - lo + 1))
            const edit = { at: editAt, remove: Math.min(remove, hi - editAt), insert }
            fc.pre(edit.remove > 0 || edit.insert.length > 0)
            const edited = applyEdit(text, edit)
            // A deletion can join text into a second copy of the quote; with context
            // damaged, that copy may legitimately win, so such cases are set aside.
            if (zone === 'context') fc.pre(count(edited, t.quote.exact) === 1)
            const shift = side === 'before' ? edit.insert.length - edit.remove : 0
            const r = anchorTarget(edited, t)
            expect(r).toMatchObject({ status: 'anchored', start: start + shift, end: end + shift })
          }
        ),
        { numRuns: 300 }
      )
    })
  }

  // Set aside, as right answers rather than faults: repetitive text where the damaged quote
  // matches as well or better elsewhere (CI seed 1003249016: runs of "a", the quote matched 30
  // units away), and a quote one unit from the section's edge whose first units are damaged
  // (seed 1357359351: the best match takes in the one-unit prefix, whose score then drops below
  // the threshold, as in Hypothesis; the highlight is shown orphaned, not lost).
  it('anchors fuzzily when a few characters of the quote change', () => {
    fc.assert(
      fc.property(
        fc.noBias(proseText),
        fc.nat(),
        fc.integer({ min: 12, max: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (text, a, len, picks) => {
          const t = highlight(text, a, len)
          fc.pre(t !== null && t.quote.exact.length >= 12)
          if (!t) return
          fc.pre(t.quote.prefix.length !== 1 && t.quote.suffix.length !== 1)
          const { start, end } = t.position
          const k = Math.max(1, Math.floor(t.quote.exact.length / 10))
          const positions = [...new Set(picks.slice(0, k).map((p) => start + (p % (end - start))))]
          const chars = [...text]
          for (const p of positions) chars[p] = '#'
          const edited = chars.join('')
          const tolerance = positions.length
          fc.pre(
            nearCopyEnds(edited, t.quote.exact, tolerance + 1).every(
              (e) => Math.abs(e - end) <= tolerance
            )
          )
          const r = anchorTarget(edited, t)
          expect(r).toMatchObject({ status: 'anchored', method: 'fuzzy' })
          if (r.status !== 'anchored') return
          expect(Math.abs(r.start - start)).toBeLessThanOrEqual(positions.length)
          expect(Math.abs(r.end - end)).toBeLessThanOrEqual(positions.length)
        }
      ),
      { numRuns: 300 }
    )
  })

  // Unbiased text: fast-check's bias favours runs of one letter, and in repetitive text a
  // near-duplicate of a replaced quote legitimately scores as a fuzzy match.
  it('orphans a highlight whose whole quote is replaced by unrelated text', () => {
    fc.assert(
      fc.property(
        fc.noBias(proseText),
        fc.nat(),
        fc.integer({ min: 6, max: 40 }),
        insertion,
        (text, a, len, ins) => {
          const t = highlight(text, a, len)
          fc.pre(t !== null)
          if (!t) return
          const replacement = ins.replace(/ /g, '').padEnd(t.quote.exact.length, 'Q')
          const edited = applyEdit(text, {
            at: t.position.start,
            remove: t.quote.exact.length,
            insert: replacement
          })
          // Random text can hold a near-copy of a short quote ("bd lp" for "bqd lp"), which the
          // anchor rightly finds: such a text says nothing about orphaning.
          fc.pre(!hasNearCopy(edited, t.quote.exact, Math.ceil(t.quote.exact.length / 4)))
          expect(anchorTarget(edited, t)).toEqual({ status: 'orphaned' })
        }
      ),
      { numRuns: 300 }
    )
  })

  it('describe then anchor on the unchanged text is the identity (position)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const t = describeRange(text, a % (text.length + 1), b % (text.length + 1), IDS)
          fc.pre(t !== null)
          if (!t) return
          expect(anchorTarget(text, t)).toEqual({
            status: 'anchored',
            start: t.position.start,
            end: t.position.end,
            method: 'position'
          })
        }
      ),
      { numRuns: 500 }
    )
  })

  it('never throws and only returns ranges inside the text, whatever the input', () => {
    const offset = fc.oneof(fc.integer(), fc.double(), fc.constant(undefined))
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 40 }),
        offset,
        offset,
        (text, exact, prefix, suffix, start, end) => {
          const t = {
            ...IDS,
            quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
            position: { type: 'TextPositionSelector', start, end }
          } as SectionTarget
          const r = anchorTarget(text, t)
          if (r.status === 'anchored') {
            expect(r.start).toBeGreaterThanOrEqual(0)
            expect(r.end).toBeGreaterThan(r.start)
            expect(r.end).toBeLessThanOrEqual(text.length)
          }
        }
      ),
      { numRuns: 500 }
    )
  })
})
