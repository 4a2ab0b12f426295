// Entity tagging of imported text: mentions of the entities the library already knows (names and
// aliases, whole words, leftmost-longest), and new people, places and organisations to propose.

import nlp from 'compromise'

import type { Entity, Mention } from '../../shared/dataset'
import { findWholeWord } from '../../shared/canonical-text'

/**
 * Most text proposeEntities analyses: compromise needs about 1 s for 60,000 characters (5 s for
 * 200,000), and imports run in the main process. The review says when a text was longer.
 */
export const MAX_PROPOSAL_CHARS = 60_000
const MAX_EXAMPLES = 3
const EXAMPLE_CONTEXT = 40

interface Surface {
  text: string
  entity: Entity
}

/**
 * The mentions of known entities in `text`, sorted and non-overlapping: every name and alias is
 * matched case-sensitively as a whole word (not inside a longer word; "US" is not found in "US-2":
 * a hyphen followed by a digit continues a word), and the leftmost, then longest, match wins. A
 * surface listed for two entities belongs to the first. Two refinements follow the dataset's
 * annotation guidelines (docs/dataset-format.md, rules 4 and 6): a match that is another entity's
 * name + a space + a name of the matched entity is split in two ("QUAD Leaders Summit" → QUAD +
 * Leaders Summit), and an alias that is a title + the canonical name is cut to the name
 * ("Dr S Jaishankar" → S Jaishankar).
 */
export function tagKnownEntities(text: string, entities: readonly Entity[]): Mention[] {
  const surfaces = surfaceTable(entities)
  const found: { start: number; surface: Surface }[] = []
  for (const surface of surfaces.values()) {
    for (const start of findWholeWord(text, surface.text)) {
      if (!continuesWithDigit(text, start + surface.text.length)) found.push({ start, surface })
    }
  }
  found.sort((a, b) => a.start - b.start || b.surface.text.length - a.surface.text.length)

  const mentions: Mention[] = []
  let reach = 0
  for (const { start, surface } of found) {
    if (start < reach) continue
    reach = start + surface.text.length
    mentions.push(...refine(start, surface, surfaces))
  }
  return mentions
}

/** Every name and alias, the first entity listing a surface keeping it. */
function surfaceTable(entities: readonly Entity[]): Map<string, Surface> {
  const table = new Map<string, Surface>()
  for (const entity of entities) {
    for (const text of [entity.name, ...entity.aliases]) {
      if (text !== '' && !table.has(text)) table.set(text, { text, entity })
    }
  }
  return table
}

/** "-" then a digit right after a match: the match is the start of a name like "US-2". */
function continuesWithDigit(text: string, end: number): boolean {
  return text[end] === '-' && /\d/.test(text[end + 1] ?? '')
}

/** The mention(s) for one match, after the two guideline refinements (see tagKnownEntities). */
function refine(start: number, surface: Surface, surfaces: Map<string, Surface>): Mention[] {
  const { text, entity } = surface
  const whole = [{ start, end: start + text.length, entity: entity.id, text }]
  for (let space = text.indexOf(' '); space !== -1; space = text.indexOf(' ', space + 1)) {
    const head = text.slice(0, space)
    const tail = text.slice(space + 1)
    const ownTail = surfaces.get(tail)?.entity === entity
    const other = surfaces.get(head)?.entity
    const tailAt = start + space + 1
    if (ownTail && other && other !== entity) {
      return [
        { start, end: start + head.length, entity: other.id, text: head },
        { start: tailAt, end: tailAt + tail.length, entity: entity.id, text: tail }
      ]
    }
    if (tail === entity.name && !other) {
      return [{ start: tailAt, end: tailAt + tail.length, entity: entity.id, text: tail }]
    }
  }
  return whole
}

export type ProposedKind = 'person' | 'organisation' | 'place'

export interface ProposedEntity {
  name: string
  kind: ProposedKind
  /** Whole-word occurrences of the name outside known entities' mentions. */
  count: number
  /** Up to three excerpts around occurrences, for the analyst to judge. */
  examples: string[]
}

// Titles dropped from the front of proposed names ("President Joe Biden" → "Joe Biden").
const TITLES = new Set(
  (
    'mr mrs ms miss dr prof sir dame lord lady president vice prime minister pm chancellor admiral ' +
    'secretary senator governor general gen col capt king queen prince princess pope sheikh ' +
    'foreign defence defense external affairs chief ambassador mayor premier the'
  ).split(' ')
)

/**
 * New people, places and organisations found in `text` by the offline NLP library compromise,
 * for the analyst to accept, rename, merge or reject. Names are cleaned (possessive ’s/'s,
 * surrounding punctuation, leading titles and lower-case words dropped), de-duplicated
 * (case-insensitively; the first kind found wins), and left out when known (a name or alias of
 * `known`) or when every occurrence lies inside a known entity's mention ("South China" inside
 * "South China Sea"). Sorted by count, then name. Only proposalSample(text) is analysed. Pure:
 * callable from a worker.
 */
export function proposeEntities(text: string, known: readonly Entity[]): ProposedEntity[] {
  const sample = proposalSample(text)
  const names = new Set(known.flatMap((entity) => [entity.name, ...entity.aliases]))
  const taken = tagKnownEntities(sample, known)
  const analysed = nlp(sample)
  const found: [ProposedKind, string[]][] = [
    ['person', analysed.people().out('array') as string[]],
    ['organisation', analysed.organizations().out('array') as string[]],
    ['place', analysed.places().out('array') as string[]]
  ]

  const proposals = new Map<string, ProposedEntity>()
  for (const [kind, raws] of found) {
    // "Nairobi, Kenya" is two places: compromise joins names listed with commas.
    for (const raw of raws.flatMap((found) => found.split(/,\s+/))) {
      const name = cleanName(raw)
      const key = name.toLowerCase()
      if (name === '' || names.has(name) || proposals.has(key)) continue
      const free = findWholeWord(sample, name).filter(
        (at) => !taken.some((m) => m.start < at + name.length && at < m.end)
      )
      if (free.length === 0) continue
      proposals.set(key, { name, kind, count: free.length, examples: examples(sample, name, free) })
    }
  }
  return [...proposals.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}

/** The start of `text` that proposeEntities analyses: at most `max` characters, cut at a space. */
export function proposalSample(text: string, max = MAX_PROPOSAL_CHARS): string {
  if (text.length <= max) return text
  const space = text.lastIndexOf(' ', max)
  return text.slice(0, space > max / 2 ? space : max)
}

/** A proposed name without possessive, surrounding punctuation, titles or lower-case words. */
export function cleanName(raw: string): string {
  const words = raw
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/[’']s$/u, '')
    .split(' ')
  let first = words[0] ?? ''
  while (
    words.length > 1 &&
    (TITLES.has(first.toLowerCase().replace(/\.$/, '')) || /^\p{Ll}/u.test(first))
  ) {
    words.shift()
    first = words[0] ?? ''
  }
  let name = words.join(' ')
  // "U.S." lost its final period with the punctuation: give it back to initialisms.
  if (/(?:^|\s)(?:\p{Lu}\.)+\p{Lu}$/u.test(name)) name += '.'
  return /^\p{Lu}/u.test(name) ? name : ''
}

/** Excerpts of about 80 characters around the first occurrences, cut at spaces. */
function examples(text: string, name: string, starts: number[]): string[] {
  return starts.slice(0, MAX_EXAMPLES).map((start) => {
    const end = start + name.length
    const before = text.lastIndexOf(' ', start - EXAMPLE_CONTEXT)
    const from = start <= EXAMPLE_CONTEXT || before < 0 ? 0 : before + 1
    const after = text.indexOf(' ', end + EXAMPLE_CONTEXT)
    const to = after < 0 ? text.length : after
    const excerpt = text.slice(from, to).replace(/\s+/g, ' ').trim()
    return `${from > 0 ? '…' : ''}${excerpt}${to < text.length ? '…' : ''}`
  })
}
