// The Hypothesis client's anchoring vectors (BSD-2-Clause, see SOURCE.txt beside them) run on our
// shared anchoring code: matchQuote's context and hint cases, and the HTML-baseline selectors
// re-anchored on a synthetic text placing each quote at its recorded offset (no DOM here).
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import type {
  SectionTarget,
  TextPositionSelector,
  TextQuoteSelector
} from '../../shared/annotations'
import { anchorTarget } from '../../shared/anchoring/anchor'
import { describeRange } from '../../shared/anchoring/describe'
import { matchQuote } from '../../shared/anchoring/match-quote'
import { HYPOTHESIS_VECTORS_DIR } from '../../test-support/fixtures'

const VECTORS_DIR = HYPOTHESIS_VECTORS_DIR

function loadVectors<T>(name: string): T {
  const file = resolve(VECTORS_DIR, name)
  if (!existsSync(file)) {
    throw new Error(
      `Hypothesis anchoring vectors missing: ${file} does not exist. They belong in ` +
        `fixtures/hypothesis-anchoring/ (see SOURCE.txt there).`
    )
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch (err) {
    throw new Error(`Hypothesis anchoring vectors: ${file} is not valid JSON (${String(err)})`)
  }
}

interface MatchCase {
  kind: string
  text?: string
  quote: string
  prefix?: string
  suffix?: string
  hint?: number
  expected_start?: number
  expected?: null
}
interface MatchQuoteVectors {
  text: string
  context_cases: MatchCase[]
  edge_cases: MatchCase[]
}
interface Baseline {
  rows: { id: string; target: { selector: { type: string }[] }[] }[]
}

const IDS = { briefingId: 'hypothesis', sectionId: 'vectors' }

/** A stored target as the app keeps it; `position` only feeds the hint when it is wrong. */
const targetOf = (c: MatchCase, position = { start: 0, end: 0 }): SectionTarget => ({
  ...IDS,
  quote: {
    type: 'TextQuoteSelector',
    exact: c.quote,
    prefix: c.prefix ?? '',
    suffix: c.suffix ?? ''
  },
  position: { type: 'TextPositionSelector', ...position }
})

describe('Hypothesis matchQuote vectors', () => {
  const vectors = loadVectors<MatchQuoteVectors>('match-quote-vectors.json')
  if (typeof vectors.text !== 'string' || !Array.isArray(vectors.context_cases)) {
    throw new Error('match-quote-vectors.json: expected { text, context_cases[], edge_cases[] }')
  }

  for (const c of vectors.context_cases) {
    it(`${c.kind}: "${c.quote}" with ${c.prefix ? `prefix "${c.prefix}"` : `suffix "${c.suffix}"`}`, () => {
      const m = matchQuote(vectors.text, c.quote, { prefix: c.prefix, suffix: c.suffix })
      expect(m?.start).toBe(c.expected_start)
      expect(vectors.text.slice(m?.start, m?.end)).toBe(c.quote)
      // anchorTarget reaches the same occurrence through its exact-quote step.
      expect(anchorTarget(vectors.text, targetOf(c))).toEqual({
        status: 'anchored',
        start: c.expected_start,
        end: (c.expected_start ?? 0) + c.quote.length,
        method: 'quote'
      })
    })
  }

  for (const c of vectors.edge_cases) {
    it(c.kind, () => {
      const text = c.text ?? vectors.text
      const m = matchQuote(text, c.quote, { prefix: c.prefix, suffix: c.suffix, hint: c.hint })
      const target = targetOf(c, { start: c.hint ?? 0, end: c.hint ?? 0 })
      if (c.expected === null) {
        expect(m).toBeNull()
        expect(anchorTarget(text, target)).toEqual({ status: 'orphaned' })
        return
      }
      expect(m?.start).toBe(c.expected_start)
      expect(anchorTarget(text, target)).toMatchObject({
        status: 'anchored',
        start: c.expected_start
      })
    })
  }
})

const FILLER = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. '
const filler = (n: number): string => FILLER.repeat(Math.ceil(n / FILLER.length) + 1).slice(0, n)
const UNRELATED = 'The committee adjourned without reaching a decision on the revised budget. '

function selectorsOf(file: string, row: Baseline['rows'][number]) {
  const selectors = row.target?.[0]?.selector ?? []
  const position = selectors.find((s) => s.type === 'TextPositionSelector')
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector')
  if (!position || !quote) {
    throw new Error(
      `${file}: rows[id=${row.id}].target[0].selector lacks a position or quote selector`
    )
  }
  return { position: position as TextPositionSelector, quote: quote as TextQuoteSelector }
}

for (const file of ['minimal.json', 'wikipedia-regression-testing.json']) {
  describe(`Hypothesis HTML baseline ${file}`, () => {
    const baseline = loadVectors<Baseline>(file)
    if (!Array.isArray(baseline.rows) || baseline.rows.length === 0) {
      throw new Error(`${file}: expected a non-empty "rows" array`)
    }

    for (const row of baseline.rows) {
      const { position, quote } = selectorsOf(file, row)
      const { start, end } = position
      const prefix = quote.prefix.slice(Math.max(0, quote.prefix.length - start))
      // The page text as far as the selectors know it: filler, then prefix, quote, suffix.
      const doc = filler(start - prefix.length) + prefix + quote.exact + quote.suffix + filler(64)
      const target: SectionTarget = { ...IDS, quote: { ...quote, prefix }, position }
      const label = `${row.id} "${quote.exact.slice(0, 24)}"`

      it(`${label}: selectors are consistent and anchor by position`, () => {
        expect(end - start).toBe(quote.exact.length)
        expect(doc.slice(start, end)).toBe(quote.exact)
        expect(anchorTarget(doc, target)).toEqual({
          status: 'anchored',
          start,
          end,
          method: 'position'
        })
      })

      it(`${label}: describing the range gives back the same selectors`, () => {
        const d = describeRange(doc, start, end, IDS)
        expect(d?.quote.exact).toBe(quote.exact)
        expect(d?.position).toEqual({ type: 'TextPositionSelector', start, end })
        // Context lengths differ between Hypothesis versions (30–51 units): the overlap agrees.
        const [ours, theirs] = [d?.quote.prefix ?? '', quote.prefix]
        expect(ours.endsWith(theirs) || theirs.endsWith(ours)).toBe(true)
        const [oursS, theirsS] = [d?.quote.suffix ?? '', quote.suffix]
        expect(oursS.startsWith(theirsS) || theirsS.startsWith(oursS)).toBe(true)
      })

      it(`${label}: text inserted before it → re-anchored by quote`, () => {
        const edited = UNRELATED + doc
        expect(anchorTarget(edited, target)).toEqual({
          status: 'anchored',
          start: start + UNRELATED.length,
          end: end + UNRELATED.length,
          method: 'quote'
        })
      })

      it(`${label}: a decoy copy nearer the old position loses on context`, () => {
        // The decoy sits 1 unit after the old start; the original moves 200 units further on.
        const edited =
          filler(start + 1) + quote.exact + ' ' + filler(200) + prefix + quote.exact + quote.suffix
        const original = start + 1 + quote.exact.length + 1 + 200 + prefix.length
        expect(edited.slice(original, original + quote.exact.length)).toBe(quote.exact)
        expect(anchorTarget(edited, target)).toMatchObject({ method: 'quote', start: original })
      })

      it(`${label}: a typo in the quote → re-anchored fuzzily`, () => {
        const mid = Math.floor(quote.exact.length / 2)
        const typo = quote.exact.slice(0, mid) + '#' + quote.exact.slice(mid + 1)
        const edited = UNRELATED + doc.slice(0, start) + typo + doc.slice(end)
        const r = anchorTarget(edited, target)
        expect(r).toMatchObject({ status: 'anchored', method: 'fuzzy' })
        if (r.status !== 'anchored') return
        expect(Math.abs(r.start - (start + UNRELATED.length))).toBeLessThanOrEqual(1)
        expect(Math.abs(r.end - (end + UNRELATED.length))).toBeLessThanOrEqual(1)
      })

      it(`${label}: the quote replaced by unrelated text → orphaned`, () => {
        const other = UNRELATED.repeat(Math.ceil(quote.exact.length / UNRELATED.length) + 1)
        const edited = doc.slice(0, start) + other.slice(0, quote.exact.length) + doc.slice(end)
        expect(anchorTarget(edited, target)).toEqual({ status: 'orphaned' })
      })
    }
  })
}
