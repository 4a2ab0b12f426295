// Completes the names the NLP library finds: it often cuts them ("Thomas Shoal" of "Second Thomas
// Shoal", "State Antony" of "Secretary of State Antony J. Blinken"); the whole capitalised run
// around a found name is the name, its kind read from its head word where that says it.

import type { ProposedKind } from './entity-tagging'

/** Office words before a person's name ("Secretary of Foreign Affairs Enrique Manalo"). */
const PERSON_TITLES = new Set(
  (
    'mr mrs ms miss dr prof sir dame lord lady president vice prime minister pm chancellor admiral ' +
    'secretary senator governor general gen col capt king queen prince princess pope sheikh ' +
    'foreign defence defense external affairs chief ambassador mayor premier the state national ' +
    'spokesperson spokesman spokeswoman department deputy under assistant home interior finance ' +
    'treasury justice commerce trade homeland security leader representative rep sen envoy'
  ).split(' ')
)

/** Head words that say what a name is ("… Shoal" is a place, "… Coast Guard" an organisation). */
const PLACE_HEADS = new Set(
  (
    'shoal shoals sea bay city palace base station island islands strait river province ocean ' +
    'peninsula region airport port reef gulf mountains county district'
  ).split(' ')
)
const ORGANISATION_HEADS = new Set(
  (
    'bank agency guard forces force department ministry council association organization ' +
    'organisation army navy party union university corporation company institute commission ' +
    'office court parliament congress government bureau service fund'
  ).split(' ')
)

/** A word that may be part of a name: capitalised, an initial, a generational suffix. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}\p{N}'’-]*|\p{Lu}\.|Jr\.?|Sr\.?|II|III|IV)$/u
interface Word {
  text: string
  start: number
  end: number
}

/** The words of `text` (runs of non-space), with offsets. */
function wordsOf(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length
  }))
}

/** The text of a word without the punctuation a name does not keep (a comma, a final full stop). */
function bare(word: string): string {
  const trimmed = word.replace(/^[("“‘]+|[)"”’,;:!?]+$/gu, '').replace(/[’']s$/u, '')
  return /^(?:\p{Lu}\.|Jr\.|Sr\.)$/u.test(trimmed) ? trimmed : trimmed.replace(/\.$/, '')
}

/** True when the word ends a sentence or clause (so the name cannot go on past it). */
function endsClause(word: string): boolean {
  return /[,;:!?)"”]$/u.test(word) || (/\.$/.test(word) && !/^(?:\p{Lu}\.|Jr\.|Sr\.)$/u.test(word))
}

/**
 * The whole name around the occurrence of `name` at `at` in `text`: capitalised words (and
 * initials, "Jr.", "of"/"of the" between capitalised words) on both sides, never past a comma
 * or a full stop. Returns `name` unchanged when it is not at word boundaries.
 */
export function wholeNameAt(text: string, at: number, name: string): string {
  const words = wordsOf(text)
  const first = words.findIndex((w) => w.start <= at && at < w.end)
  const last = words.findIndex((w) => w.start < at + name.length && at + name.length <= w.end)
  if (first < 0 || last < first) return name
  let from = first
  let to = last
  const isName = (i: number) => i >= 0 && i < words.length && NAME_WORD.test(bare(words[i]!.text))
  const opens = (i: number) => isName(i) && !endsClause(words[i]!.text)
  for (;;) {
    if (opens(from - 1)) from--
    else if (words[from - 1]?.text === 'of' && opens(from - 2)) from -= 2
    else if (words[from - 1]?.text === 'the' && words[from - 2]?.text === 'of' && opens(from - 3)) {
      from -= 3
    } else break
  }
  for (;;) {
    if (endsClause(words[to]!.text)) break
    if (isName(to + 1)) to++
    else if (words[to + 1]?.text === 'of' && isName(to + 2)) to += 2
    else if (words[to + 1]?.text === 'of' && words[to + 2]?.text === 'the' && isName(to + 3)) {
      to += 3
    } else break
  }
  const span = words.slice(from, to + 1).map((w) => w.text)
  const parts = span.map((w, i) => (i === span.length - 1 ? bare(w) : w.replace(/[’']s$/u, "'s")))
  return parts.join(' ').replace(/\s+/g, ' ')
}

/** A person's name without the office before it ("Defense Secretary Carlito Galvez" → "Carlito Galvez"). */
export function personName(name: string): string {
  const words = name.split(' ')
  let cut = 0
  words.forEach((word, i) => {
    if (i < words.length - 1 && (PERSON_TITLES.has(word.toLowerCase()) || /^\p{Ll}/u.test(word))) {
      cut = i + 1
    }
  })
  return words.slice(cut).join(' ')
}

/**
 * The kind a name's head word gives ("Basa Air Base", "Naval Station Camilo Osias": place), if it
 * gives one. The last word (before "of") is the head; an earlier one only when no office follows
 * it ("Department Spokesperson Matthew Miller" is a person's office and name).
 */
export function kindFromHead(name: string): ProposedKind | undefined {
  const ofAt = name.indexOf(' of ')
  const words = (ofAt < 0 ? name : name.slice(0, ofAt)).split(' ')
  for (let i = words.length - 1; i >= 0; i--) {
    const word = (words[i] ?? '').toLowerCase()
    const next = words[i + 1]?.toLowerCase()
    if (next !== undefined && PERSON_TITLES.has(next)) continue
    if (ORGANISATION_HEADS.has(word)) return 'organisation'
    if (PLACE_HEADS.has(word)) return 'place'
  }
  return undefined
}

/** True when the name starts with an office ("State Antony J. Blinken", from "Secretary of State …"). */
export function startsWithOffice(name: string): boolean {
  const first = name.split(' ')[0]?.toLowerCase() ?? ''
  return name.includes(' ') && PERSON_TITLES.has(first) && first !== 'the'
}
