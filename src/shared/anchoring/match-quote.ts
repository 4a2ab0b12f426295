// Approximate quote matching, scored on the quote, its context and its expected position.
// Ported from the Hypothesis client's src/annotator/anchoring/match-quote.ts
// (https://github.com/hypothesis/client), same logic and weights; licence below.

/*
 * Copyright (c) 2013-2016 Hypothes.is Project and contributors
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the documentation
 *    and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR
 * ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
 * (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
 * LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
 * ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
 * (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

import approxSearch from 'approx-string-match'
import type { Match as StringMatch } from 'approx-string-match'

/** A match of a quote in a text: [start, end) and a score in [0, 1] (1 = quote and context exact). */
export interface QuoteMatch {
  start: number
  end: number
  score: number
}

/** What the quote was originally surrounded by, used to rank candidate matches. */
export interface QuoteContext {
  /** Expected text before the quote. */
  prefix?: string
  /** Expected text after the quote. */
  suffix?: string
  /** Expected offset of the match in the text; breaks ties between otherwise equal matches. */
  hint?: number
}

// Weights as in Hypothesis: the quote dominates, context decides between candidates, and the
// position only breaks ties.
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

/**
 * Find the best matches of `str` in `text` with at most `maxErrors` errors: every exact
 * occurrence if there is one (approx-string-match does not take that shortcut itself),
 * otherwise the lowest-error approximate matches.
 */
function search(text: string, str: string, maxErrors: number): StringMatch[] {
  const exactMatches: StringMatch[] = []
  let matchPos = text.indexOf(str)
  while (matchPos !== -1) {
    exactMatches.push({ start: matchPos, end: matchPos + str.length, errors: 0 })
    matchPos = text.indexOf(str, matchPos + 1)
  }
  if (exactMatches.length > 0) return exactMatches
  return approxSearch(text, str, maxErrors)
}

/**
 * Similarity in [0, 1] of `str` to the best-matching part of `text` (1 − errors / length);
 * 0 when either is empty.
 */
export function textMatchScore(text: string, str: string): number {
  // With maxErrors = str.length, `search` returns at least one match for non-empty inputs.
  if (str.length === 0 || text.length === 0) return 0
  const best = search(text, str, str.length)[0]
  return best ? 1 - best.errors / str.length : 0
}

/**
 * Find the best approximate match for `quote` in `text`, ranking candidates by the similarity
 * of the quote (weight 50), of the text before it to `prefix` (20) and after it to `suffix`
 * (20), and by proximity to `hint` (2); the score is normalised to [0, 1].
 *
 * @returns `null` for an empty quote or when nothing within quote.length / 2 errors exists.
 */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {}
): QuoteMatch | null {
  if (quote.length === 0) return null

  // Trade-off between recall, precision and cost: the expected time of the search is
  // O((maxErrors / 32) * text.length) (see approx-string-match).
  const maxErrors = Math.min(256, quote.length / 2)
  const matches = search(text, quote, maxErrors)
  if (matches.length === 0) return null

  const { prefix, suffix, hint } = context
  const scoreMatch = (match: StringMatch): number => {
    const quoteScore = 1 - match.errors / quote.length
    const prefixScore = prefix
      ? textMatchScore(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix)
      : 1
    const suffixScore = suffix
      ? textMatchScore(text.slice(match.end, match.end + suffix.length), suffix)
      : 1
    let posScore = 1
    if (typeof hint === 'number') {
      posScore = 1 - Math.abs(match.start - hint) / text.length
    }
    const rawScore =
      QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * posScore
    return rawScore / MAX_SCORE
  }

  // Highest score wins; the sort is stable, so among equal scores the earliest match wins.
  const scored = matches.map((m) => ({ start: m.start, end: m.end, score: scoreMatch(m) }))
  scored.sort((a, b) => b.score - a.score)
  return scored[0] ?? null
}
