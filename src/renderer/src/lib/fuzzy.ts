// A small scored subsequence matcher for the command palette: every query character must appear
// in order; runs of consecutive characters and starts of words score higher, gaps cost.

export interface FuzzyMatch {
  score: number
  /** Indexes of the matched characters in the text, for marking them. */
  positions: number[]
}

function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true
  const before = text[i - 1] ?? ''
  const here = text[i] ?? ''
  return (
    /[\s\-_./:…·(]/.test(before) || (before === before.toLowerCase() && here !== here.toLowerCase())
  )
}

/**
 * Matches `query` (spaces ignored) against `text`, case-insensitively; null when some character
 * is missing. Greedy from the left, but a character that does not continue a run prefers the
 * next word start over a letter inside a word, when the rest of the query still fits after it.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.toLowerCase().replace(/\s+/g, '')
  if (q === '') return { score: 0, positions: [] }
  const lower = text.toLowerCase()
  const positions: number[] = []
  let from = 0
  for (let k = 0; k < q.length; k++) {
    const char = q[k] ?? ''
    const first = lower.indexOf(char, from)
    if (first < 0) return null
    let chosen = first
    // A word start further on is a better place, unless the match is already running on.
    const running = positions.length > 0 && positions[positions.length - 1] === first - 1
    if (!running && !isWordStart(text, first)) {
      for (let i = first + 1; i < lower.length; i++) {
        if (lower[i] === char && isWordStart(text, i)) {
          // Only when the rest of the query still fits after it.
          if (isSubsequence(q.slice(k + 1), lower, i + 1)) chosen = i
          break
        }
      }
    }
    positions.push(chosen)
    from = chosen + 1
  }
  let score = 0
  positions.forEach((pos, k) => {
    score += 1
    if (isWordStart(text, pos)) score += 3
    if (k > 0 && positions[k - 1] === pos - 1) score += 4
    else if (k > 0) score -= Math.min(3, (pos - (positions[k - 1] ?? 0)) / 8)
  })
  if (positions[0] === 0) score += 2
  // Shorter texts win ties: "Undo" before "Undo all changes in this briefing".
  score -= text.length / 100
  return { score, positions }
}

function isSubsequence(query: string, text: string, from: number): boolean {
  let at = from
  for (const char of query) {
    const found = text.indexOf(char, at)
    if (found < 0) return false
    at = found + 1
  }
  return true
}

/** The items that match `query`, best first (the given order among equals). */
export function fuzzyFilter<T>(
  items: readonly T[],
  query: string,
  textOf: (item: T) => string
): { item: T; match: FuzzyMatch }[] {
  const scored = items.flatMap((item, index) => {
    const match = fuzzyMatch(query, textOf(item))
    return match ? [{ item, match, index }] : []
  })
  scored.sort((a, b) => b.match.score - a.match.score || a.index - b.index)
  return scored.map(({ item, match }) => ({ item, match }))
}
