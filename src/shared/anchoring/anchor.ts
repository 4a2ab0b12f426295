// Re-anchor a stored highlight on the current canonical text of its section: position first,
// then the exact quote (several occurrences told apart by context), then a fuzzy quote match.
// What none of these place is orphaned, to be shown as such, never dropped (as in Hypothesis).

import type { SectionTarget } from '../annotations'
import { matchQuote, textMatchScore } from './match-quote'

/**
 * Lowest normalised matchQuote score accepted for a fuzzy anchor. Scores are (50 quote + 20
 * prefix + 20 suffix + 2 position similarity) / 92: with both contexts intact a match scores
 * 0.457 + 0.543 × quote similarity, so 0.75 needs a quote ≥ 54 % alike (matchQuote's own floor
 * is 50 %). Simulated on ~2,900 highlights of 6–65 units in prose: ≤ 10 % of the quote changed
 * scores 0.91–0.98 (all kept); a quarter changed 0.62–0.95 (97 % kept); one context rewritten
 * plus a typo 0.75–0.86 (all kept, 92 % at 0.80); quote replaced by unrelated text ≤ 0.77
 * (0.4 % kept), quote deleted ≤ 0.83 (2.7 % kept, all on near-duplicates in anaphoric prose
 * such as "it was the age of…, it was the age of…"). On random text no replaced quote scored
 * above 0.68. A changed quote whose context is rewritten on both sides is orphaned (≤ 0.71 at
 * p95). Spot checks: anchor.test.ts, "threshold calibration".
 */
export const FUZZY_THRESHOLD = 0.75

/** How an anchored highlight was placed. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

/** Where a target anchors in the current text, or that it could not be placed. */
export type AnchorResult =
  { status: 'anchored'; start: number; end: number; method: AnchorMethod } | { status: 'orphaned' }

export interface AnchorOptions {
  /** Minimum fuzzy score in [0, 1]; defaults to FUZZY_THRESHOLD. */
  fuzzyThreshold?: number
}

const ORPHANED: AnchorResult = { status: 'orphaned' }

const asString = (v: unknown): string => (typeof v === 'string' ? v : '')
const asOffset = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined

/** Start offsets of every (possibly overlapping) occurrence of `str` in `text`. */
function occurrences(text: string, str: string): number[] {
  const found: number[] = []
  for (let i = text.indexOf(str); i !== -1; i = text.indexOf(str, i + 1)) found.push(i)
  return found
}

/**
 * Among several exact occurrences of the quote, the one whose surroundings best match the
 * stored prefix and suffix; ties go to the one nearest the old position, then the first.
 */
function bestOccurrence(
  text: string,
  starts: number[],
  length: number,
  context: { prefix: string; suffix: string; hint: number | undefined }
): number {
  const { prefix, suffix, hint } = context
  let best = starts[0] ?? 0
  let bestScore = -1
  let bestDistance = Infinity
  for (const start of starts) {
    const end = start + length
    const score =
      textMatchScore(text.slice(Math.max(0, start - prefix.length), start), prefix) +
      textMatchScore(text.slice(end, end + suffix.length), suffix)
    const distance = hint === undefined ? 0 : Math.abs(start - hint)
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = start
      bestScore = score
      bestDistance = distance
    }
  }
  return best
}

/**
 * Place `target` on `text` (the section's current canonical text):
 * 1. `position`: the stored offsets still hold exactly the quote;
 * 2. `quote`: the quote occurs verbatim (if several times, context then proximity decide);
 * 3. `fuzzy`: matchQuote (hint = old position) scores at least the threshold;
 * otherwise `orphaned`. Never throws, whatever the input (empty text or quote, bad offsets).
 */
export function anchorTarget(
  text: string,
  target: SectionTarget,
  options: AnchorOptions = {}
): AnchorResult {
  if (typeof text !== 'string' || text.length === 0) return ORPHANED
  const quote: Partial<SectionTarget['quote']> | undefined = target?.quote
  const position: Partial<SectionTarget['position']> | undefined = target?.position
  const exact = asString(quote?.exact)
  if (exact.length === 0) return ORPHANED
  const prefix = asString(quote?.prefix)
  const suffix = asString(quote?.suffix)
  const oldStart = asOffset(position?.start)
  const oldEnd = asOffset(position?.end)

  if (
    oldStart !== undefined &&
    oldEnd === oldStart + exact.length &&
    text.startsWith(exact, oldStart)
  ) {
    return { status: 'anchored', start: oldStart, end: oldEnd, method: 'position' }
  }

  const starts = occurrences(text, exact)
  if (starts.length > 0) {
    const start =
      starts.length === 1
        ? (starts[0] as number)
        : bestOccurrence(text, starts, exact.length, { prefix, suffix, hint: oldStart })
    return { status: 'anchored', start, end: start + exact.length, method: 'quote' }
  }

  const threshold = options.fuzzyThreshold ?? FUZZY_THRESHOLD
  const match = matchQuote(text, exact, { prefix, suffix, hint: oldStart })
  if (match && match.end > match.start && match.score >= threshold) {
    return { status: 'anchored', start: match.start, end: match.end, method: 'fuzzy' }
  }
  return ORPHANED
}
