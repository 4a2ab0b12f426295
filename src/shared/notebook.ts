// The notebook across briefings (issue #15): every highlight and note of the library, filtered,
// sorted and grouped by main and served a page at a time, so the renderer never holds them all.

import { HIGHLIGHT_COLORS } from './annotations'
import type { HighlightColor } from './annotations'
import { briefingIdCheck } from './ids'
import { array, int, literal, object, str, validator } from './schema'
import type { Check, Validator } from './schema'

export const NOTEBOOK_GROUPS = ['briefing', 'tag', 'color'] as const
export type NotebookGroup = (typeof NOTEBOOK_GROUPS)[number]
export const NOTEBOOK_SORTS = ['reading', 'newest', 'oldest'] as const
export type NotebookSort = (typeof NOTEBOOK_SORTS)[number]

/** What to show; an empty list or a missing field filters nothing. */
export interface NotebookFilter {
  colors?: HighlightColor[]
  tags?: string[]
  /** Entity ids: a highlight whose text mentions one, a note on a section that does. */
  entities?: string[]
  briefingIds?: string[]
  /** Inclusive days (YYYY-MM-DD) of the item's creation. */
  from?: string
  to?: string
}

export interface NotebookRequest {
  filter: NotebookFilter
  group: NotebookGroup
  sort: NotebookSort
  offset: number
  limit: number
}

/** One highlight or note as the notebook lists it. */
export interface NotebookItem {
  kind: 'highlight' | 'note'
  id: string
  briefingId: string
  briefingTitle: string
  /** Absent for a note on the whole briefing. */
  sectionId?: string
  sectionHeading?: string
  /** Highlights only. */
  color?: HighlightColor
  quote?: string
  orphaned?: boolean
  /** The highlight's note or the note's body (Markdown). */
  text: string
  tags: string[]
  createdAt: string
  updatedAt: string
  /** The group this item is listed under (key and label); items of one group are consecutive. */
  groupKey: string
  groupLabel: string
}

export interface NotebookFacet {
  value: string
  label: string
  count: number
}

export interface NotebookPage {
  /** Items matching the filter (all pages). */
  total: number
  offset: number
  items: NotebookItem[]
  /** How many matching items each group has, in listing order. */
  groups: NotebookFacet[]
  /** What the filter can choose from, counted over the whole library. */
  facets: {
    colors: NotebookFacet[]
    tags: NotebookFacet[]
    entities: NotebookFacet[]
    briefings: NotebookFacet[]
  }
  /** Highlights and notes in the library, before filtering. */
  libraryTotal: number
  /** Briefings whose highlights and notes could not all be read, in library order. */
  problems: NotebookProblem[]
}

/** A briefing whose highlights and notes the notebook could not read, or not all of them. */
export interface NotebookProblem {
  briefingId: string
  briefingTitle: string
  /** What went wrong (the store's error or its load warnings). */
  message: string
  /**
   * True when nothing of the briefing could be read: it is left out of the page, its counts and
   * facets, and read again at the next page. False when what could be read is listed.
   */
  leftOut: boolean
  /**
   * True when what is missing may be more than a torn last change: the briefing could not be read
   * at all, or its store could not read one of its files (it is read-only until the app restarts).
   * The notebook's export then writes nothing rather than a file without them.
   */
  blocksExport: boolean
}

/** Most items one page may ask for. */
export const MAX_NOTEBOOK_PAGE = 500

const DAY = str({
  min: 10,
  max: 10,
  pattern: /^\d{4}-\d{2}-\d{2}$/,
  describe: 'a day (YYYY-MM-DD)'
})
const ID = str({ min: 1, max: 200, pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]*$/, describe: 'an id' })
const TAG = str({ min: 1, max: 60, describe: 'a tag' })

export const notebookFilter: Check<NotebookFilter> = object(
  {
    colors: array(literal(...HIGHLIGHT_COLORS), HIGHLIGHT_COLORS.length),
    tags: array(TAG, 50),
    entities: array(ID, 50),
    briefingIds: array(briefingIdCheck, 1000),
    from: DAY,
    to: DAY
  },
  ['colors', 'tags', 'entities', 'briefingIds', 'from', 'to']
)

export const validateNotebookRequest: Validator<NotebookRequest> = validator(
  object({
    filter: notebookFilter,
    group: literal(...NOTEBOOK_GROUPS),
    sort: literal(...NOTEBOOK_SORTS),
    offset: int(0, 10_000_000),
    limit: int(1, MAX_NOTEBOOK_PAGE)
  })
)

/** Export of what the notebook shows: the Markdown export, of the filtered items only. */
export interface NotebookExportRequest {
  filter: NotebookFilter
  groupBy: 'section' | 'color'
}

export const validateNotebookExport: Validator<NotebookExportRequest> = validator(
  object({ filter: notebookFilter, groupBy: literal('section', 'color') })
)
