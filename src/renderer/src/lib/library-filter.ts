// Sorting and filtering the library's cards: plain functions over summaries, so thousands of
// briefings are ordered and narrowed without a DOM, and tested alone.

import type { BriefingSummary } from '../../../shared/library'

export type LibrarySort = 'lastRead' | 'added' | 'published' | 'title' | 'source'
export type ReadingStatus = 'unread' | 'inProgress' | 'finished'
export type Origin = 'bundled' | 'imported'

export interface LibraryFilter {
  /** Typed text: every word must appear in the title, source or a tag. */
  text: string
  tag: string
  source: string
  entity: string
  origin: Origin | ''
  hasNotes: boolean
  hasHighlights: boolean
  status: ReadingStatus | ''
}

export const EMPTY_FILTER: LibraryFilter = {
  text: '',
  tag: '',
  source: '',
  entity: '',
  origin: '',
  hasNotes: false,
  hasHighlights: false,
  status: ''
}

/** Progress from which a briefing counts as finished (the last lines need not be on screen). */
const FINISHED = 0.98

/** Whether any summary carries reading data: without it "last read" and status are not offered. */
export function hasReadingData(briefings: readonly BriefingSummary[]): boolean {
  return briefings.some((b) => b.lastReadAt !== undefined || b.progress !== undefined)
}

/** Whether main counted annotations: without counts "has notes/highlights" are not offered. */
export function hasAnnotationCounts(briefings: readonly BriefingSummary[]): boolean {
  return briefings.some((b) => b.highlightCount !== undefined || b.noteCount !== undefined)
}

export function readingStatus(briefing: BriefingSummary): ReadingStatus {
  const progress = briefing.progress ?? 0
  if (progress >= FINISHED) return 'finished'
  return progress > 0 || briefing.lastReadAt !== undefined ? 'inProgress' : 'unread'
}

export function matchesFilter(briefing: BriefingSummary, filter: LibraryFilter): boolean {
  if (filter.tag && !briefing.tags.includes(filter.tag)) return false
  if (filter.source && briefing.source !== filter.source) return false
  if (filter.entity && !(briefing.entityIds ?? []).includes(filter.entity)) return false
  if (filter.origin && (filter.origin === 'imported') !== briefing.imported) return false
  if (filter.hasNotes && !briefing.noteCount) return false
  if (filter.hasHighlights && !briefing.highlightCount) return false
  if (filter.status && readingStatus(briefing) !== filter.status) return false
  const words = filter.text.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = [briefing.title, briefing.source, ...briefing.tags]
    .join('\n')
    .toLocaleLowerCase()
  return words.every((w) => haystack.includes(w))
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/**
 * The briefings in `sort` order. Dates sort newest first, title and source A to Z. "Added" is when
 * a briefing joined the profile (main gives bundled ones the dataset's date); any without come
 * after, in the order main lists them. "Last read": briefings never read come last.
 * Ties keep main's order, so the list does not shuffle between equal keys.
 */
export function sortBriefings(
  briefings: readonly BriefingSummary[],
  sort: LibrarySort
): BriefingSummary[] {
  const indexed = briefings.map((b, i) => ({ b, i }))
  const byNewest = (a?: string, b?: string): number =>
    a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? 1 : -1
  const compare = {
    lastRead: (x: BriefingSummary, y: BriefingSummary) => byNewest(x.lastReadAt, y.lastReadAt),
    added: (x: BriefingSummary, y: BriefingSummary) => byNewest(x.addedAt, y.addedAt),
    published: (x: BriefingSummary, y: BriefingSummary) => byNewest(x.published, y.published),
    title: (x: BriefingSummary, y: BriefingSummary) => collator.compare(x.title, y.title),
    source: (x: BriefingSummary, y: BriefingSummary) =>
      collator.compare(x.source, y.source) || collator.compare(x.title, y.title)
  }[sort]
  indexed.sort((x, y) => compare(x.b, y.b) || x.i - y.i)
  return indexed.map((x) => x.b)
}

/** Distinct values for a filter menu, A to Z. */
export function choices(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => collator.compare(a, b))
}
