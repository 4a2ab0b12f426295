// The two baselines measured in the same run as the engine: a naive lowercase scan over section
// text, and MiniSearch (in this process, fields heading and body) on the same corpus and queries.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

import MiniSearch from 'minisearch'

import type { Briefing, DatasetFile } from '../../src/shared/dataset'
import type { BenchQuery } from './queries'

/** One section as both baselines see it; `lower*` are the naive scan's "index". */
export interface ScanDoc {
  id: number
  heading: string
  body: string
  lowerHeading: string
  lowerBody: string
}

export function scanDocs(briefings: readonly Briefing[], firstId = 0): ScanDoc[] {
  const docs: ScanDoc[] = []
  for (const briefing of briefings) {
    for (const { heading, text } of briefing.sections) {
      const id = firstId + docs.length
      docs.push({
        id,
        heading,
        body: text,
        lowerHeading: heading.toLowerCase(),
        lowerBody: text.toLowerCase()
      })
    }
  }
  return docs
}

/** Reads every dataset file of a folder, as any library must before it can show a hit. */
export function readLibraryFiles(dir: string): Briefing[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as DatasetFile).briefings)
}

const LETTER = /[a-z]/

/** True when `word` starts a word in `text` (the scan's equivalent of `word*`). */
function hasWordStart(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !LETTER.test(text[at - 1]!)) return true
  }
  return false
}

/**
 * The naive scan, returning the number of hits: every section's lowercase text tested with indexOf (any word for multi-term
 * queries, the heading for field queries, a word start for prefixes, the whole string for
 * phrases). It has no fuzzy equivalent short of tokenizing every section: undefined.
 */
export function scanSearch(docs: readonly ScanDoc[], query: BenchQuery): number | undefined {
  const { cls, terms } = query
  if (cls === 'fuzzy') return undefined
  const test =
    cls === 'field'
      ? (d: ScanDoc) => d.lowerHeading.includes(terms[0]!)
      : cls === 'prefix'
        ? (d: ScanDoc) =>
            hasWordStart(d.lowerBody, terms[0]!) || hasWordStart(d.lowerHeading, terms[0]!)
        : (d: ScanDoc) => terms.some((t) => d.lowerBody.includes(t) || d.lowerHeading.includes(t))
  let hits = 0
  for (const doc of docs) if (test(doc)) hits++
  return hits
}

const MINI_OPTIONS = {
  fields: ['heading', 'body'],
  // Headings weigh double, as in the app's own index.
  searchOptions: { boost: { heading: 2 } }
}

export function buildMiniSearch(docs: readonly ScanDoc[]): MiniSearch {
  const index = new MiniSearch(MINI_OPTIONS)
  index.addAll(docs.map(({ id, heading, body }) => ({ id, heading, body })))
  return index
}

/** Writes the index as JSON (its cache) and returns the size in bytes. */
export function saveMiniSearch(index: MiniSearch, file: string): number {
  const json = JSON.stringify(index)
  writeFileSync(file, json)
  return Buffer.byteLength(json)
}

export function loadMiniSearch(file: string): MiniSearch {
  return MiniSearch.loadJSON(readFileSync(file, 'utf8'), MINI_OPTIONS)
}

/**
 * The query through MiniSearch's own options: `prefix`, `fuzzy: 1`, `fields` for a field query;
 * a phrase is all its words (AND) then a substring check of the text, since MiniSearch has no
 * phrase query either. Returns the number of hits (the top 20 are what an app would show).
 */
export function miniSearch(index: MiniSearch, docs: readonly ScanDoc[], query: BenchQuery): number {
  const { cls, terms } = query
  const text = terms.join(' ')
  const results =
    cls === 'prefix'
      ? index.search(text, { prefix: true })
      : cls === 'fuzzy'
        ? index.search(text, { fuzzy: 1 })
        : cls === 'field'
          ? index.search(text, { fields: ['heading'] })
          : cls === 'phrase'
            ? index
                .search(text, { combineWith: 'AND' })
                .filter((r) => docs[r.id as number]?.lowerBody.includes(text))
            : index.search(text)
  results.slice(0, 20)
  return results.length
}

/** Times `work` once (ms). */
export function timeOnce<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = work()
  return { value, ms: performance.now() - start }
}
