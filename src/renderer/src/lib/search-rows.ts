// Search results as the panel lists them: hits grouped by briefing (groups in the order of their
// best hit), flattened into header and hit rows of fixed heights for the virtualised list.

import type { FacetCount, SearchHit } from '../../../shared/search'

/** Row heights in pixels; the component sizes its rows from these so the windowing math holds. */
export const GROUP_ROW_HEIGHT = 34
export const HIT_ROW_HEIGHT = 76

export type ResultRow =
  | { type: 'group'; key: string; briefingId: string; title: string; count: number }
  /** `index` is the hit's place in display order: what keyboard navigation counts. */
  | { type: 'hit'; key: string; hit: SearchHit; index: number }

export interface GroupedHits {
  rows: ResultRow[]
  /** The hits in display order (grouped), for keyboard navigation. */
  ordered: SearchHit[]
}

/** A stable identity for a hit across pages and re-queries. */
export function hitKey(hit: SearchHit): string {
  return `${hit.kind}/${hit.briefingId}/${hit.sectionId}/${hit.annotationId ?? ''}`
}

/**
 * Groups hits (in rank order) by briefing. A group's count is the briefing facet's count over all
 * hits when main gave one, else the number of its hits loaded so far.
 */
export function groupHits(
  hits: readonly SearchHit[],
  briefingCounts: readonly FacetCount[]
): GroupedHits {
  const groups = new Map<string, SearchHit[]>()
  for (const hit of hits) {
    const group = groups.get(hit.briefingId)
    if (group) group.push(hit)
    else groups.set(hit.briefingId, [hit])
  }
  const counts = new Map(briefingCounts.map((facet) => [facet.value, facet.count]))
  const rows: ResultRow[] = []
  const ordered: SearchHit[] = []
  for (const [briefingId, group] of groups) {
    rows.push({
      type: 'group',
      key: `group/${briefingId}`,
      briefingId,
      title: group[0]?.briefingTitle ?? briefingId,
      count: Math.max(counts.get(briefingId) ?? 0, group.length)
    })
    for (const hit of group) {
      rows.push({ type: 'hit', key: hitKey(hit), hit, index: ordered.length })
      ordered.push(hit)
    }
  }
  return { rows, ordered }
}

/** Pixel heights of the rows, in order. */
export function rowHeights(rows: readonly ResultRow[]): number[] {
  return rows.map((row) => (row.type === 'group' ? GROUP_ROW_HEIGHT : HIT_ROW_HEIGHT))
}

const FIELD_NAMES: Record<string, string> = {
  body: 'text',
  heading: 'heading',
  briefing: 'title',
  person: 'person',
  org: 'organisation',
  place: 'place',
  programme: 'programme',
  tag: 'tag'
}

/**
 * The fields a hit matched in, in the analyst's words ("text, organisation"); '' when there is
 * nothing to add. A highlight's or note's own text is what its badge already says.
 */
export function matchedIn(hit: SearchHit): string {
  const fields = hit.kind === 'text' ? hit.fields : hit.fields.filter((field) => field !== 'body')
  return fields.map((field) => FIELD_NAMES[field] ?? field).join(', ')
}
