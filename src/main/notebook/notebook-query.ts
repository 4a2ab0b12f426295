// The notebook's listing as pure functions: each briefing's highlights and notes become entries
// (with where they sit in reading order and which entities their text mentions), then are
// filtered, sorted, grouped and cut into a page. No I/O, so it is unit-tested and benchmarked.

import { HIGHLIGHT_COLORS } from '../../shared/annotations'
import type { HighlightColor } from '../../shared/annotations'
import type { BriefingAnnotations } from '../../shared/annotation-requests'
import type { Briefing, Entity } from '../../shared/dataset'
import type {
  NotebookFacet,
  NotebookFilter,
  NotebookItem,
  NotebookPage,
  NotebookRequest
} from '../../shared/notebook'

/** An item before grouping, with what sorting and filtering need. */
export interface NotebookEntry {
  item: Omit<NotebookItem, 'groupKey' | 'groupLabel'>
  briefingIndex: number
  /** -1 for a note on the whole briefing. */
  sectionIndex: number
  /** Offset in the section; -1 for a note (notes come before the section's highlights). */
  start: number
  entities: ReadonlySet<string>
}

/** The entries of one briefing, in reading order. */
export function briefingEntries(
  briefing: Briefing,
  briefingIndex: number,
  view: Pick<BriefingAnnotations, 'highlights' | 'notes'>
): NotebookEntry[] {
  const sectionIndex = new Map(briefing.sections.map((s, i) => [s.id, i]))
  const sectionEntities = briefing.sections.map((s) => new Set(s.mentions.map((m) => m.entity)))
  const base = { briefingId: briefing.id, briefingTitle: briefing.title }
  const entries: NotebookEntry[] = []
  for (const h of view.highlights) {
    const index = sectionIndex.get(h.target.sectionId) ?? briefing.sections.length
    const section = briefing.sections[index]
    const range = h.status === 'anchored' ? h.range : undefined
    const entities = new Set<string>()
    if (section && range) {
      for (const m of section.mentions)
        if (m.start < range.end && m.end > range.start) entities.add(m.entity)
    }
    entries.push({
      item: {
        ...base,
        kind: 'highlight',
        id: h.id,
        sectionId: h.target.sectionId,
        ...(section ? { sectionHeading: section.heading } : {}),
        color: h.color,
        quote: h.target.quote.exact,
        ...(h.status === 'orphaned' ? { orphaned: true } : {}),
        text: h.note,
        tags: h.tags,
        createdAt: h.createdAt,
        updatedAt: h.updatedAt
      },
      briefingIndex,
      sectionIndex: index,
      start: range?.start ?? h.target.position.start,
      entities
    })
  }
  for (const n of view.notes) {
    const index = n.target.kind === 'section' ? (sectionIndex.get(n.target.sectionId) ?? -1) : -1
    const section = index >= 0 ? briefing.sections[index] : undefined
    const entities = section
      ? sectionEntities[index]!
      : new Set(sectionEntities.flatMap((s) => [...s]))
    entries.push({
      item: {
        ...base,
        kind: 'note',
        id: n.id,
        ...(section ? { sectionId: section.id, sectionHeading: section.heading } : {}),
        text: n.body,
        tags: n.tags,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt
      },
      briefingIndex,
      sectionIndex: index,
      start: -1,
      entities
    })
  }
  return entries.sort(readingOrder)
}

function readingOrder(a: NotebookEntry, b: NotebookEntry): number {
  return (
    a.briefingIndex - b.briefingIndex ||
    a.sectionIndex - b.sectionIndex ||
    a.start - b.start ||
    compare(a.item.createdAt, b.item.createdAt)
  )
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Whether `entry` passes every part of `filter`. */
export function matches(entry: NotebookEntry, filter: NotebookFilter): boolean {
  const { item } = entry
  if (filter.colors?.length && !(item.color && filter.colors.includes(item.color))) return false
  if (filter.briefingIds?.length && !filter.briefingIds.includes(item.briefingId)) return false
  if (filter.tags?.length && !filter.tags.some((t) => item.tags.includes(t))) return false
  if (filter.entities?.length && !filter.entities.some((e) => entry.entities.has(e))) return false
  const day = item.createdAt.slice(0, 10)
  if (filter.from && day < filter.from) return false
  if (filter.to && day > filter.to) return false
  return true
}

export interface Grouped {
  entry: NotebookEntry
  key: string
  label: string
  /** Position of the group in listing order. */
  rank: number
}

const UNTAGGED = { key: 'tag:', label: 'Untagged' }

/** The groups an entry is listed under (under each of its tags when grouped by tag). */
function groupsOf(
  entry: NotebookEntry,
  group: NotebookRequest['group'],
  colorLabels: Record<HighlightColor, string>,
  tagRank: ReadonlyMap<string, number>
): Omit<Grouped, 'entry'>[] {
  const { item } = entry
  if (group === 'briefing') {
    return [
      { key: `briefing:${item.briefingId}`, label: item.briefingTitle, rank: entry.briefingIndex }
    ]
  }
  if (group === 'color') {
    if (!item.color) return [{ key: 'color:', label: 'Notes', rank: HIGHLIGHT_COLORS.length }]
    return [
      {
        key: `color:${item.color}`,
        label: colorLabels[item.color],
        rank: HIGHLIGHT_COLORS.indexOf(item.color)
      }
    ]
  }
  if (item.tags.length === 0) return [{ ...UNTAGGED, rank: tagRank.size }]
  return item.tags.map((tag) => ({ key: `tag:${tag}`, label: tag, rank: tagRank.get(tag)! }))
}

function sorter(sort: NotebookRequest['sort']): (a: NotebookEntry, b: NotebookEntry) => number {
  if (sort === 'reading') return readingOrder
  const sign = sort === 'newest' ? -1 : 1
  return (a, b) => sign * compare(a.item.createdAt, b.item.createdAt) || readingOrder(a, b)
}

function facet(counts: Map<string, number>, label: (value: string) => string): NotebookFacet[] {
  return [...counts].map(([value, count]) => ({ value, label: label(value), count }))
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/** The facets the filter offers, counted over every entry of the library. */
export function facetsOf(
  entries: readonly NotebookEntry[],
  briefings: readonly Briefing[],
  entities: ReadonlyMap<string, Entity>,
  colorLabels: Record<HighlightColor, string>
): NotebookPage['facets'] {
  const colors = new Map<string, number>()
  const tags = new Map<string, number>()
  const mentioned = new Map<string, number>()
  const inBriefing = new Map<string, number>()
  for (const { item, entities: ids } of entries) {
    if (item.color) count(colors, item.color)
    for (const tag of item.tags) count(tags, tag)
    for (const id of ids) count(mentioned, id)
    count(inBriefing, item.briefingId)
  }
  const titles = new Map(briefings.map((b) => [b.id, b.title]))
  return {
    colors: HIGHLIGHT_COLORS.filter((c) => colors.has(c)).map((c) => ({
      value: c,
      label: colorLabels[c],
      count: colors.get(c)!
    })),
    tags: facet(tags, (t) => t).sort((a, b) => a.label.localeCompare(b.label)),
    entities: facet(mentioned, (id) => entities.get(id)?.name ?? id).sort((a, b) =>
      a.label.localeCompare(b.label)
    ),
    briefings: facet(inBriefing, (id) => titles.get(id) ?? id)
  }
}

/** The whole filtered, grouped and sorted listing of a request, before it is cut into pages. */
export interface NotebookOrder {
  grouped: readonly Grouped[]
  groups: readonly NotebookFacet[]
  libraryTotal: number
}

/** Filters, groups and sorts `entries` for `request` (its offset and limit play no part). */
export function orderNotebook(
  entries: readonly NotebookEntry[],
  request: Omit<NotebookRequest, 'offset' | 'limit'>,
  colorLabels: Record<HighlightColor, string>
): NotebookOrder {
  const kept = entries.filter((e) => matches(e, request.filter))
  const tagRank = new Map(
    [...new Set(kept.flatMap((e) => e.item.tags))]
      .sort((a, b) => a.localeCompare(b))
      .map((t, i) => [t, i])
  )
  const grouped: Grouped[] = []
  for (const entry of kept) {
    for (const g of groupsOf(entry, request.group, colorLabels, tagRank))
      grouped.push({ entry, ...g })
  }
  const within = sorter(request.sort)
  grouped.sort((a, b) => a.rank - b.rank || within(a.entry, b.entry))
  const groups: NotebookFacet[] = []
  for (const g of grouped) {
    const last = groups[groups.length - 1]
    if (last?.value === g.key) last.count++
    else groups.push({ value: g.key, label: g.label, count: 1 })
  }
  return { grouped, groups, libraryTotal: entries.length }
}

/** One page of an ordered listing: its cost is the page's, not the library's. */
export function pageOf(
  order: NotebookOrder,
  offset: number,
  limit: number
): Omit<NotebookPage, 'facets' | 'problems'> {
  const items = order.grouped
    .slice(offset, offset + limit)
    .map((g) => ({ ...g.entry.item, groupKey: g.key, groupLabel: g.label }))
  return {
    total: order.grouped.length,
    offset,
    items,
    groups: order.groups.map((g) => ({ ...g })),
    libraryTotal: order.libraryTotal
  }
}

/** One page of the filtered, grouped and sorted listing (facets left to the caller). */
export function queryNotebook(
  entries: readonly NotebookEntry[],
  request: NotebookRequest,
  colorLabels: Record<HighlightColor, string>
): Omit<NotebookPage, 'facets' | 'problems'> {
  return pageOf(orderNotebook(entries, request, colorLabels), request.offset, request.limit)
}
