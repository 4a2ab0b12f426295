// A matched section as a search hit: the fields that matched, the ranges of matched words (stemmed
// forms, phrases where they stand, entity mentions an entity field matched) and a snippet.

import type { Entity } from '../../shared/dataset'
import type { SearchHit } from '../../shared/search'
import type { Range, TermMarker } from './mark-terms'
import { phraseRanges } from './phrases'
import type { QueryPlan } from './query-plan'
import { ENTITY_FIELD, SEARCH_FIELDS } from './section-index'
import type { IndexedSection } from './section-index'
import { buildSnippet } from './snippet'

/** The index terms each field of a section matched. */
type FieldTerms = ReadonlyMap<string, ReadonlySet<string>>

/**
 * Makes the hits of one query. Hits that matched the very same terms map (a plan keeps one per
 * shard for the hits that matched alike) share what is worked out from it.
 */
export function hitMaker(
  entities: ReadonlyMap<string, Entity>,
  marker: TermMarker,
  plan: QueryPlan
): (entry: IndexedSection, score: number, terms: FieldTerms) => SearchHit {
  // Per query, not per plan in a WeakMap: where hits do not share their terms (a prefix or fuzzy
  // word's many terms), a WeakMap entry per hit cost more than it saved.
  const uses = new Map<FieldTerms, TermsUse>()
  return (entry, score, terms) => {
    let use = uses.get(terms)
    if (!use) {
      use = useOf(terms, plan)
      uses.set(terms, use)
    }
    return hitOf(entry, score, terms, use, entities, marker, plan)
  }
}

function hitOf(
  { briefing, section }: IndexedSection,
  score: number,
  termsByField: FieldTerms,
  { bodyTerms, wordTerms, entityMatched, fields }: TermsUse,
  entities: ReadonlyMap<string, Entity>,
  marker: TermMarker,
  plan: QueryPlan
): SearchHit {
  // Words matched in the body are marked where they stand; a phrase's words only where the
  // phrase stands. A term matched only through an entity field marks the mentions of the
  // entities whose names it matched (`person:kishida` or an alias such as "nippon" mark
  // "Fumio Kishida" / "Japan"). A match on a heading or tag alone leaves the snippet unmarked.
  const ranges = marker.rangesOf(section.text, wordTerms)
  for (let i = 0; i < plan.phrases.length; i++) {
    ranges.push(...phraseRanges(section.text, plan.phrases[i]!.words))
  }
  for (let m = 0; entityMatched && m < section.mentions.length; m++) {
    const mention = section.mentions[m]!
    const entity = entities.get(mention.entity)
    const fieldTerms = entity && termsByField.get(ENTITY_FIELD[entity.kind])
    const terms = new Set([...(fieldTerms ?? [])].filter((term) => !bodyTerms.has(term)))
    if (!entity || terms.size === 0) continue
    const names = [entity.name, ...entity.aliases]
    if (names.some((name) => marker.rangesOf(name, terms).length > 0)) {
      ranges.push([mention.start, mention.end])
    }
  }
  // Made for this hit alone: kept as they are when they need no merging (words marked alone).
  const matches = sortedApart(ranges) ? ranges : sortAndMerge(ranges)
  return {
    kind: 'text',
    briefingId: briefing.id,
    briefingTitle: briefing.title,
    sectionId: section.id,
    heading: section.heading,
    score,
    fields: fields.slice(),
    snippet: buildSnippet(section.text, matches),
    matches
  }
}

const NO_TERMS: ReadonlySet<string> = new Set()
const ENTITY_FIELDS = [...new Set(Object.values(ENTITY_FIELD))]

/** What hitOf works out from the terms a hit matched: the same for hits that matched the same. */
interface TermsUse {
  bodyTerms: ReadonlySet<string>
  /** The body terms marked where they stand (not the phrases' own). */
  wordTerms: ReadonlySet<string>
  /** Whether an entity field matched: most hits match none, and their mentions need no look. */
  entityMatched: boolean
  fields: readonly string[]
}

function useOf(termsByField: ReadonlyMap<string, ReadonlySet<string>>, plan: QueryPlan): TermsUse {
  const bodyTerms = termsByField.get('body') ?? NO_TERMS
  return {
    bodyTerms,
    wordTerms:
      plan.phraseOnlyTerms.size === 0
        ? bodyTerms
        : new Set([...bodyTerms].filter((term) => !plan.phraseOnlyTerms.has(term))),
    entityMatched: ENTITY_FIELDS.some((field) => termsByField.has(field)),
    fields: SEARCH_FIELDS.filter((field) => termsByField.has(field))
  }
}

/** Whether each range starts after the one before it ends (merging would leave them as they are). */
function sortedApart(ranges: readonly Range[]): boolean {
  for (let i = 1; i < ranges.length; i++) if (ranges[i]![0] <= ranges[i - 1]![1]) return false
  return true
}

/** Sorts ranges and merges the ones that overlap or touch. */
export function mergeRanges(ranges: Range[]): Range[] {
  if (ranges.length === 0) return []
  // Words marked alone come sorted and apart (a separator stands between two words).
  if (sortedApart(ranges)) return ranges.map(([start, end]) => [start, end])
  return sortAndMerge(ranges)
}

/** New ranges: `ranges` sorted, those that overlap or touch merged. */
function sortAndMerge(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: Range[] = []
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}
