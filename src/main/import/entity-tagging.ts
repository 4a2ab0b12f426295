// Entity tagging of imported text: mentions of the entities the library already knows (names and
// aliases, whole words, leftmost-longest), and new people, places and organisations to propose.

import type { Entity, Mention } from '../../shared/dataset'
import { findWholeWord } from '../../shared/canonical-text'
import { kindFromHead, personName, startsWithOffice, wholeNameAt } from './entity-names'
import { nlp } from './nlp'

/**
 * Most text proposeEntities analyses: compromise needs about 1 s for 60,000 characters (5 s for
 * 200,000), and the import waits for its proposals. The review says when a text was longer.
 */
export const MAX_PROPOSAL_CHARS = 60_000
/** Snippets kept per proposal: the review shows each mention in context, up to this many. */
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
  return mentions.filter((mention) => !namesOtherParties(text, mention, entities, surfaces))
}

/**
 * True for a programme tagged from part of its name ("2+2" of "India-Japan 2+2 Ministerial
 * Dialogue") in a sentence that names a country not among the programme's own (a
 * Japan–Philippines "2+2 ministerial dialogue" is not the India–Japan one). The parties are the
 * known places named in the programme's name; a sentence naming only them, or none, keeps the tag.
 */
function namesOtherParties(
  text: string,
  mention: Mention,
  entities: readonly Entity[],
  surfaces: Map<string, Surface>
): boolean {
  const programme = surfaces.get(mention.text)?.entity
  if (!programme || programme.kind !== 'programme' || mention.text === programme.name) return false
  const places = entities.filter((e) => e.kind === 'place')
  const named = (in_: string, place: Entity) =>
    [place.name, ...place.aliases].some((n) => findWholeWord(in_, n).length > 0)
  const parties = places.filter((place) => named(programme.name, place))
  if (parties.length === 0 || parties.every((place) => named(mention.text, place))) return false
  const from =
    Math.max(text.lastIndexOf('.', mention.start), text.lastIndexOf('\n', mention.start)) + 1
  const stops = [text.indexOf('.', mention.end), text.indexOf('\n', mention.end)].filter(
    (i) => i >= 0
  )
  const sentence = text.slice(from, stops.length > 0 ? Math.min(...stops) : text.length)
  const partyNames = new Set(parties.flatMap((p) => [p.name, ...p.aliases]))
  const analysed = nlp(sentence)
  // Countries only: a city ("Tokyo") may well be one of the parties'.
  const others = [
    ...(analysed.match('#Country+').out('array') as string[]),
    ...(analysed.match('the #Demonym').not('#Determiner').out('array') as string[])
  ].map(cleanName)
  return others.some((name) => name !== '' && !partyNames.has(name))
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
 * for the analyst to accept, rename, merge or reject. Lines broken inside a paragraph are joined
 * first ("Second\nThomas Shoal"). A found name is completed to the whole capitalised name around
 * it (entity-names.ts: "Thomas Shoal" → "Second Thomas Shoal"), cleaned (possessive ’s/'s,
 * surrounding punctuation, leading titles and lower-case words dropped; a person's office too),
 * its kind taken from its head word when that says one ("… Coast Guard", "… Air Base"); capitalised
 * runs with such a head word and "the Philippines"-like plural names are proposed too. Names are
 * de-duplicated (case-insensitively; the first kind found wins) and left out when known (a name
 * or alias of `known`), when every occurrence lies inside a known entity's mention or inside a
 * longer proposed name ("China" inside "East China Sea"), or when a lone adjective ("Philippine").
 * Sorted by count, then name.
 * Only proposalSample(text) is analysed. Pure: callable from a worker.
 */
export function proposeEntities(text: string, known: readonly Entity[]): ProposedEntity[] {
  const sample = joinBrokenLines(proposalSample(text))
  const names = new Set(known.flatMap((entity) => [entity.name, ...entity.aliases]))
  const taken = tagKnownEntities(sample, known)
  const analysed = nlp(sample)
  const found: [ProposedKind | undefined, string[]][] = [
    ['person', analysed.people().out('array') as string[]],
    ['organisation', analysed.organizations().out('array') as string[]],
    ['place', analysed.places().out('array') as string[]],
    ['place', analysed.match('the #Demonym').not('#Determiner').out('array') as string[]],
    [undefined, analysed.match('#ProperNoun+').out('array') as string[]]
  ]

  const candidates = new Map<string, { name: string; kind: ProposedKind }>()
  for (const [foundKind, raws] of found) {
    // "Nairobi, Kenya" is two places: compromise joins names listed with commas.
    for (const raw of raws.flatMap((found) => found.split(/,\s+/))) {
      const candidate = completeName(sample, cleanName(raw), foundKind)
      if (!candidate || names.has(candidate.name)) continue
      const key = candidate.name.toLowerCase()
      if (!candidates.has(key)) candidates.set(key, candidate)
    }
  }

  const free = new Map<string, number[]>()
  for (const [key, { name }] of candidates) {
    free.set(
      key,
      findWholeWord(sample, name).filter(
        (at) => !taken.some((m) => m.start <= at && at + name.length <= m.end)
      )
    )
  }
  const proposals: ProposedEntity[] = []
  for (const [key, { name, kind }] of candidates) {
    const longer = [...candidates.values()].filter(
      (other) => other.name.length > name.length && other.name.includes(name)
    )
    const own = (free.get(key) ?? []).filter(
      (at) => !longer.some((other) => insideOccurrence(sample, other.name, at, name.length))
    )
    if (own.length === 0) continue
    proposals.push({ name, kind, count: own.length, examples: [] })
  }
  for (const proposal of proposals) {
    const starts = (free.get(proposal.name.toLowerCase()) ?? []).sort((a, b) => a - b)
    const inLonger = (at: number) =>
      proposals.some(
        (other) =>
          other.name.length > proposal.name.length &&
          insideOccurrence(sample, other.name, at, proposal.name.length)
      )
    const own = starts.filter((at) => !inLonger(at))
    proposal.count = own.length
    proposal.examples = examples(sample, proposal.name, own)
  }
  return proposals
    .filter((p) => p.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}

/** Single line breaks (inside a paragraph) become spaces; the length, so offsets, stay the same. */
export function joinBrokenLines(text: string): string {
  return text.replace(/(?<!\n)\n(?!\n)/g, ' ')
}

/** The whole name and kind for a name as found, or undefined for no name. */
function completeName(
  sample: string,
  found: string,
  foundKind: ProposedKind | undefined
): { name: string; kind: ProposedKind } | undefined {
  if (found === '') return undefined
  // Completed from its occurrences that are words of their own ("Philippines", not
  // "Philippines-United"); a name that also stands alone ("Gonzalez" beside "Maria Gonzalez")
  // stays as it is.
  const whole = findWholeWord(sample, found)
    .filter((start) => sample[start - 1] !== '-' && sample[start + found.length] !== '-')
    // A window around each occurrence: a name is never hundreds of characters long.
    .map((start) => {
      const from = Math.max(0, start - 200)
      const window = sample.slice(from, start + found.length + 200)
      return cleanName(wholeNameAt(window, start - from, found))
    })
  let name = whole.length === 0 || whole.includes(found) ? found : (whole[0] as string)
  const head = kindFromHead(name)
  let kind = head ?? foundKind
  if (!head && kind !== 'person' && (startsWithOffice(name) || nlp(name).has('#FirstName'))) {
    kind = 'person'
  }
  if (kind === undefined) return undefined
  if (kind === 'person') name = personName(name)
  if (name === '' || (!name.includes(' ') && isAdjective(name))) return undefined
  return { name, kind }
}

/** "Philippine", "Japanese": a demonym used as an adjective is no name of its own. */
function isAdjective(word: string): boolean {
  const term = nlp(word)
  return term.has('#Demonym') && !word.endsWith('s')
}

/** True when [at, at + length) lies inside a whole-word occurrence of `longer`. */
function insideOccurrence(text: string, longer: string, at: number, length: number): boolean {
  for (let i = longer.length - length; i >= 0; i--) {
    const start = at - i
    if (start < 0 || text.slice(start, start + longer.length) !== longer) continue
    if (findWholeWord(text.slice(start, start + longer.length + 1), longer).includes(0)) return true
  }
  return false
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
  while (words.length > 1 && /^\p{Ll}/u.test(words[words.length - 1] ?? '')) words.pop()
  let name = words.join(' ')
  if (/ (?:Jr|Sr)$/.test(name) && /(?:Jr|Sr)\.\W*$/.test(raw)) name += '.'
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
