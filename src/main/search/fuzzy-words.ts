// Fuzzy words ("goverment~1") as a person means them: the words of the library within the edit
// distance of the word as typed, each then stemmed like any query word. lunr instead expands the
// typed word's stem over the stems of the index ("gover" reaches "cover", "over", "lover" and all
// their forms), which found five times the sections a reader would expect.

import type lunr from 'lunr'

import type { Entity } from '../../shared/dataset'
import type { IndexedSection } from './section-index'
import { createSearchPipeline } from './section-index'
import { planQuery } from './query-plan'
import { TimeSlice } from '../time-slice'
import { nearLibraryWords } from './term-union'
import { WordTrie } from './word-trie'

/** Sections whose words are collected on the spot when a fuzzy query needs them (tests, tiny libraries). */
const COLLECT_NOW_LIMIT = 2000

const pipeline = createSearchPipeline()

/**
 * The distinct words (lower-cased, split and trimmed as lunr's tokenizer and trimmer do) of the
 * fields sections are indexed with. Only grows: a word whose sections are gone expands to a
 * stem no shard has, which matches nothing.
 */
export class LibraryWords {
  readonly #words = new Set<string>()
  readonly #counted = new WeakSet<IndexedSection>()
  #sorted: string[] = []
  #made: WordTrie | undefined
  #added: string[] = []
  readonly #stems = new Map<string, string[]>()

  /** Whether the words of `entry` are counted. */
  has(entry: IndexedSection): boolean {
    return this.#counted.has(entry)
  }

  /** Counts `entry` as read: its words are those of a section already counted (same hash). */
  markCounted(entry: IndexedSection): void {
    this.#counted.add(entry)
  }

  /** Adds the words of sections not counted yet. */
  add(sections: Iterable<IndexedSection>, entities: ReadonlyMap<string, Entity>): void {
    for (const entry of sections) this.addSection(entry, entities)
  }

  /** Adds the words of one section, unless counted already. */
  addSection(entry: IndexedSection, entities: ReadonlyMap<string, Entity>): void {
    if (this.#counted.has(entry)) return
    this.#counted.add(entry)
    const { briefing, section } = entry
    this.#addText(briefing.title)
    this.#addText(section.heading)
    this.#addText(section.text)
    for (const tag of entry.tags) this.#addText(tag)
    for (const id of entry.entities) {
      const entity = entities.get(id)
      if (!entity) continue
      this.#addText(entity.name)
      for (const alias of entity.aliases) this.#addText(alias)
    }
  }

  #addText(text: string): void {
    // lunr lower-cases, splits at whitespace and hyphens, then trims \W from both ends of each
    // token: the same as taking each run from a word character to the last one before a split.
    const tokens = text.toLowerCase().match(WORD)
    if (!tokens) return
    for (const word of tokens) {
      if (this.#words.has(word)) continue
      this.#words.add(word)
      this.#added.push(word)
    }
  }

  /**
   * The index terms of the library's words within `distance` edits (insert, delete, substitute
   * or swap two neighbours, as lunr counts them) of `typed`.
   */
  termsNear(typed: string, distance: number): string[] {
    const terms = new Set<string>()
    for (const word of this.#trie().within(typed, distance)) {
      for (const term of this.#stemsOf(word)) if (term !== '') terms.add(term)
    }
    return [...terms]
  }

  #trie(): WordTrie {
    if (this.#added.length > 0 || !this.#made) {
      this.#sorted = merge(this.#sorted, this.#added.sort())
      this.#added = []
      this.#made = new WordTrie(this.#sorted)
    }
    return this.#made
  }

  #stemsOf(word: string): string[] {
    let stems = this.#stems.get(word)
    if (!stems) {
      if (this.#stems.size >= 10_000) this.#stems.clear()
      stems = pipeline.runString(word)
      this.#stems.set(word, stems)
    }
    return stems
  }
}

const WORD = /\w(?:[^\s-]*\w)?/g

/** Two sorted lists as one. */
function merge(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) out.push(a[i]! <= b[j]! ? a[i++]! : b[j++]!)
  while (i < a.length) out.push(a[i++]!)
  while (j < b.length) out.push(b[j++]!)
  return out
}

// The words of the sections of each search view's sections, made once per set of sections.
let shared: { words: LibraryWords; complete: WeakSet<object> } | undefined

function library(): { words: LibraryWords; complete: WeakSet<object> } {
  shared ??= { words: new LibraryWords(), complete: new WeakSet() }
  return shared
}

interface WordSource {
  sections: ReadonlyMap<string, IndexedSection>
  entities: ReadonlyMap<string, Entity>
}

/**
 * The library's words for `view` if they are all collected (collected now for a small view),
 * else undefined: a fuzzy query then falls back to lunr's expansion until prepareWords is done.
 */
export function libraryWordsOf(view: WordSource): LibraryWords | undefined {
  const { words, complete } = library()
  if (complete.has(view)) return words
  if (view.sections.size > COLLECT_NOW_LIMIT) return undefined
  words.add(view.sections.values(), view.entities)
  complete.add(view)
  return words
}

/** Whether every word of `view` is collected. */
export function libraryWordsReady(view: WordSource): boolean {
  return library().complete.has(view)
}

/** Collects the words of `view` ahead, yielding between slices; stops when `wanted` turns false. */
export async function prepareWords(view: WordSource, wanted: () => boolean): Promise<void> {
  const { words, complete } = library()
  if (complete.has(view)) return
  const slice = new TimeSlice()
  for (const entry of view.sections.values()) {
    // Sections counted already (an earlier view's, or another walk's) cost no turn: a walk
    // started again after a change, or beside another, reaches new ground at once.
    if (words.has(entry)) continue
    words.addSection(entry, view.entities)
    if (slice.due()) {
      await slice.next()
      if (complete.has(view) || !wanted()) return
    }
  }
  complete.add(view)
}

/**
 * Whether `query` has a word expanded over the library's words (nearLibraryWords, the rule
 * queryExpander follows). A query the parser cannot read needs none: its error comes at once.
 */
export function asksLibraryWords(query: string, pipeline: lunr.Pipeline): boolean {
  try {
    const { clauses } = planQuery(query, pipeline)
    return clauses.some((c) => nearLibraryWords(c.editDistance ?? 0, c.term))
  } catch {
    return false
  }
}

/**
 * Resolves once every word of the view `current()` gives is collected, following the view as it
 * changes meanwhile (or once `open()` turns false). A fuzzy query waits for this rather than
 * answer from lunr's expansion of the stem, which finds other sections than it will a moment
 * later (4,420 against 1,375 for `goverment~1` at 10k sections).
 */
export async function wordsCollected(
  current: () => WordSource,
  open: () => boolean
): Promise<void> {
  for (let view = current(); open() && !libraryWordsReady(view); view = current()) {
    await prepareWords(view, () => open() && current() === view)
  }
}

/**
 * The library's own view taking over from another made whole (a warm start's view of the cache's
 * stored sections, or the view before a full rescan): the sections of briefings with the same
 * hash as before have the words already counted, so only the others are read again. `previous`
 * must have been collected and the entity records unchanged (an alias is a word too).
 */
export function carryWords(
  previous: WordSource & { hashes: ReadonlyMap<string, string> },
  next: WordSource & { hashes: ReadonlyMap<string, string> },
  sameEntities: boolean
): void {
  const { words, complete } = library()
  if (!sameEntities || !complete.has(previous)) return
  let all = true
  for (const entry of next.sections.values()) {
    const hash = next.hashes.get(entry.briefing.id)
    if (hash && previous.hashes.get(entry.briefing.id) === hash) words.markCounted(entry)
    else all = false
  }
  if (all) complete.add(next)
}

/**
 * Marks `next`, a view made from `previous` by difference, as collected once the sections it
 * added are: words of sections it dropped stay (a fuzzy word may then find a word no section has
 * any more, which matches nothing).
 */
export function extendWords(
  previous: WordSource,
  next: WordSource,
  added: readonly IndexedSection[]
): void {
  const { words, complete } = library()
  if (!complete.has(previous)) return
  words.add(added, next.entities)
  complete.add(next)
}
