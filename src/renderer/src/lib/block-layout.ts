// Turns a section's text and its blocks (dataset v2) into what the reader renders: paragraphs,
// code, block quotes, lists nested by level and tables of cells, each holding the runs and pieces
// of segments.ts, so mentions, search marks and highlights paint inside any of them. Pure.

import type { TextBlock } from '../../../shared/blocks'
import { segmentRanges } from './segments'
import type { HighlightLike, MentionLike, Paragraph, Range, Run } from './segments'

/** A list's items at one level; an item's deeper items are lists of its own. */
export interface ListNode<M extends MentionLike = MentionLike> {
  start: number
  ordered: boolean
  items: ListItemNode<M>[]
}

export interface ListItemNode<M extends MentionLike = MentionLike> {
  start: number
  end: number
  runs: Run<M>[]
  lists: ListNode<M>[]
}

export interface TableRowNode<M extends MentionLike = MentionLike> {
  start: number
  end: number
  header: boolean
  /** One per tab-separated cell; an empty cell has no runs. */
  cells: Paragraph<M>[]
}

/** One top-level element of the section text, keyed by `start`. */
export type BlockGroup<M extends MentionLike = MentionLike> =
  | { kind: 'paragraph'; start: number; end: number; runs: Run<M>[] }
  | { kind: 'code'; start: number; end: number; language?: string; runs: Run<M>[] }
  | { kind: 'quote'; start: number; end: number; paragraphs: Paragraph<M>[] }
  | { kind: 'list'; start: number; end: number; list: ListNode<M> }
  | { kind: 'table'; start: number; end: number; head: TableRowNode<M>[]; body: TableRowNode<M>[] }

/** The cell ranges of a table row [start, end): split at each tab (the tabs belong to none). */
export function cellRanges(text: string, start: number, end: number): Range[] {
  const ranges: Range[] = []
  let from = start
  for (
    let tab = text.indexOf('\t', from);
    tab !== -1 && tab < end;
    tab = text.indexOf('\t', from)
  ) {
    ranges.push([from, tab])
    from = tab + 1
  }
  ranges.push([from, end])
  return ranges
}

/**
 * The render groups of `text` with `blocks` (from sectionBlocks: sorted, covering the text).
 * Consecutive quotes make one quote, consecutive table rows one table (header rows before any
 * other row form its head), consecutive list items one list, nested by level: an item more than
 * one level deeper than the item before it is taken as one level deeper, and a list's first
 * item is at its top level.
 */
export function layoutBlocks<M extends MentionLike>(
  text: string,
  blocks: readonly TextBlock[],
  mentions: readonly M[],
  matches: readonly Range[] = [],
  highlights: readonly HighlightLike[] = []
): BlockGroup<M>[] {
  // Segment every range in one pass (mentions and highlights sorted once), then assemble.
  const ranges: Range[] = []
  const firstRange: number[] = []
  for (const block of blocks) {
    firstRange.push(ranges.length)
    if (block.kind === 'table-row') ranges.push(...cellRanges(text, block.start, block.end))
    else ranges.push([block.start, block.end])
  }
  const segmented = segmentRanges(text, ranges, mentions, matches, highlights)
  const partsOf = (i: number): Paragraph<M>[] =>
    segmented.slice(firstRange[i], firstRange[i + 1] ?? segmented.length)

  const groups: BlockGroup<M>[] = []
  let lists: ListNode<M>[] = []
  blocks.forEach((block, i) => {
    const last = groups[groups.length - 1]
    const runs = partsOf(i)[0]?.runs ?? []
    const { start, end } = block
    if (block.kind !== 'list-item') lists = []
    if (block.kind === 'paragraph') groups.push({ kind: 'paragraph', start, end, runs })
    else if (block.kind === 'code') {
      groups.push({ kind: 'code', start, end, runs, ...lang(block.language) })
    } else if (block.kind === 'quote') {
      const paragraph = { start, end, runs }
      if (last?.kind === 'quote') {
        last.paragraphs.push(paragraph)
        last.end = end
      } else groups.push({ kind: 'quote', start, end, paragraphs: [paragraph] })
    } else if (block.kind === 'table-row') {
      const row = { start, end, header: block.header === true, cells: partsOf(i) }
      if (last?.kind === 'table') {
        last.end = end
        if (row.header && last.body.length === 0) last.head.push(row)
        else last.body.push(row)
      } else {
        const [head, body] = row.header ? [[row], []] : [[], [row]]
        groups.push({ kind: 'table', start, end, head, body })
      }
    } else {
      const item: ListItemNode<M> = { start, end, runs, lists: [] }
      const ordered = block.ordered === true
      const level = Math.min(Math.max(1, block.level ?? 1), lists.length + 1)
      lists = lists.slice(0, level)
      const parentItem = level > 1 ? lists[level - 2]!.items.at(-1)! : undefined
      let list = lists[level - 1]
      if (!list || list.ordered !== ordered) {
        list = { start, ordered, items: [] }
        lists[level - 1] = list
        lists = lists.slice(0, level)
        if (parentItem) parentItem.lists.push(list)
        else groups.push({ kind: 'list', start, end, list })
      }
      list.items.push(item)
      const top = groups[groups.length - 1]
      if (top?.kind === 'list') top.end = end
    }
  })
  return groups
}

function lang(language: string | undefined): { language?: string } {
  return language ? { language } : {}
}
