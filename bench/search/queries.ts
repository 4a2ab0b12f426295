// The benchmark's queries, drawn from the corpus so each one finds something: several per class,
// picked by document frequency in the first 1,000 sections (present at every corpus size).

import lunr from 'lunr'

import type { Section } from '../../src/shared/dataset'

export type QueryClass = 'single' | 'multi' | 'prefix' | 'fuzzy' | 'field' | 'phrase' | 'common'

export const QUERY_CLASSES: { cls: QueryClass; label: string }[] = [
  { cls: 'single', label: 'single term' },
  { cls: 'multi', label: 'multi-term' },
  { cls: 'prefix', label: 'prefix' },
  { cls: 'fuzzy', label: 'fuzzy (edit distance 1)' },
  { cls: 'field', label: 'field (`heading:`)' },
  { cls: 'phrase', label: 'phrase' },
  { cls: 'common', label: 'very common term' }
]

export interface BenchQuery {
  cls: QueryClass
  /** The query as an analyst types it (lunr syntax); what the engine under test gets. */
  text: string
  /**
   * Lowercase words for the baselines: the words (single, multi, common, field), the prefix, the
   * misspelt word (fuzzy), or the whole phrase as one string (phrase).
   */
  terms: string[]
}

const isStopWord = (word: string): boolean =>
  lunr.stopWordFilter(new lunr.Token(word, {})) === undefined

/** Words of 5+ letters, not stop words, by the number of sections they occur in, most first. */
function byDocumentFrequency(texts: string[]): string[] {
  const df = new Map<string, number>()
  for (const text of texts) {
    for (const word of new Set(text.toLowerCase().match(/[a-z]{5,}/g) ?? [])) {
      if (!isStopWord(word)) df.set(word, (df.get(word) ?? 0) + 1)
    }
  }
  return [...df].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word)
}

const at = (words: string[], rank: number): string => words[Math.min(rank, words.length - 1)]!

/** A three-word run from the middle of the section's first paragraph, content words at both ends. */
function phraseFrom(section: Section): string | undefined {
  const words = section.text.split('\n\n')[0]!.split(' ')
  const plain = (w: string | undefined) => w !== undefined && /^[A-Za-z]+$/.test(w)
  const content = (w: string | undefined) =>
    plain(w) && w!.length >= 4 && !isStopWord(w!.toLowerCase())
  for (let i = Math.floor(words.length / 3); i + 2 < words.length; i++) {
    if (content(words[i]) && plain(words[i + 1]) && content(words[i + 2])) {
      return words.slice(i, i + 3).join(' ')
    }
  }
  return undefined
}

/** Deletes the middle letter: `government` → `govenment`, found again by `~1`. */
const typo = (word: string): string =>
  word.slice(0, word.length >> 1) + word.slice((word.length >> 1) + 1)

/** Queries for every class, from the first 1,000 sections of the corpus. */
export function pickQueries(sections: readonly Section[]): BenchQuery[] {
  const sample = sections.slice(0, 1000)
  const words = byDocumentFrequency(sample.map((s) => s.text))
  const long = words.filter((w) => w.length >= 7)
  const headingWords = byDocumentFrequency(sample.map((s) => s.heading))
  const q = (cls: QueryClass, text: string, terms: string[]): BenchQuery => ({ cls, text, terms })

  const single = [150, 400, 800, 1500, 3000].map((rank) => at(words, rank))
  const multi = [
    [at(words, 200), at(words, 300)],
    [at(words, 500), at(words, 700)],
    [at(words, 1000), at(words, 1200), at(words, 2000)]
  ]
  const prefixes = [...new Set(['milit', ...[100, 600, 1200].map((r) => at(long, r).slice(0, 5))])]
  const misspelt = ['goverment', ...[120, 700, 1400].map((r) => typo(at(long, r)))]
  const phrases = [17, 311, 555, 888]
    .map((i) => sample[Math.min(i, sample.length - 1)])
    .map((s) => s && phraseFrom(s))
    .filter((p): p is string => p !== undefined)

  return [
    ...single.map((w) => q('single', w, [w])),
    ...multi.map((ws) => q('multi', ws.join(' '), ws)),
    ...prefixes.map((p) => q('prefix', `${p}*`, [p])),
    ...misspelt.map((w) => q('fuzzy', `${w}~1`, [w])),
    ...[3, 30, 100].map((r) => at(headingWords, r)).map((w) => q('field', `heading:${w}`, [w])),
    ...phrases.map((p) => q('phrase', `"${p}"`, [p.toLowerCase()])),
    ...[0, 1, 2].map((r) => at(words, r)).map((w) => q('common', w, [w]))
  ]
}
