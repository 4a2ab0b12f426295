// The Markdown of one exported item — a highlight (quote, block id, label line, note) or a note on a
// section or briefing — and the stable Obsidian block ids (`^hl-…`, `^note-…`) that name them.

import { createHash } from 'node:crypto'

import type { HighlightColor } from '../../shared/annotations'
import { pieceLines, type QuotePiece } from './markdown-block-kinds'
import { codeSpan, escapeInline, hasBlocks, nestedLines, quoteLines } from './markdown-escape'

/** A tag Obsidian reads as `#tag` and CommonMark as plain text: letters, digits, `-` and `/`. */
const OBSIDIAN_TAG = /^[\p{L}\p{M}\p{N}/-]+$/u
const ALL_DIGITS = /^\p{N}+$/u
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/

/**
 * The block id of a highlight (`kind` 'hl') or note: `^hl-<id>` when the id is already made of
 * letters, digits and dashes (the UUIDs the app assigns), otherwise a readable slug plus a short
 * SHA-256 of the id. Depends on the id only, so it is the same in every export.
 */
export function blockId(kind: 'hl' | 'note', id: string): string {
  if (SAFE_ID.test(id)) return `^${kind}-${id}`
  const slug = id
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 12)
  return `^${kind}-${slug ? `${slug}-` : ''}${hash}`
}

/** `#tag` when Obsidian would read it as a tag; otherwise an inline code span. */
export function tagMarkdown(tag: string): string {
  return OBSIDIAN_TAG.test(tag) && !ALL_DIGITS.test(tag) ? `#${tag}` : codeSpan(tag)
}

/** The item's line: bold label, an optional plain suffix (already Markdown), tags. */
function metaLine(label: string, suffix: string, tags: readonly string[]): string {
  const tagPart = tags.length > 0 ? ` · ${tags.map(tagMarkdown).join(' ')}` : ''
  return `- **${escapeInline(label)}**${suffix}${tagPart}`
}

/**
 * A note's Markdown nested in a block quote under the item's line. `asSource` shows it instead as
 * a fenced `markdown` code block (used when its link references would resolve differently here).
 */
function noteLines(markdown: string, asSource: boolean): string[] {
  if (!hasBlocks(markdown)) return []
  if (!asSource) return ['', ...nestedLines(markdown)]
  const longest = Math.max(2, ...(markdown.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  return [
    '',
    ...nestedLines(`${fence}markdown\n${markdown.replace(/(\r\n|\r|\n)$/, '')}\n${fence}`)
  ]
}

/** What a highlight item shows. */
export interface HighlightItem {
  id: string
  exact: string
  color: HighlightColor
  label: string
  tags: readonly string[]
  note: string
  /** The quote's block kinds, when it covers code, list items, table rows or quotes. */
  pieces?: readonly QuotePiece[]
}

/** The highlight's block quote: the plain quote, or its pieces written in their block kinds. */
function quoteOf(item: HighlightItem): string[] {
  if (!item.pieces) return quoteLines(item.exact)
  return pieceLines(item.pieces).map((line) => (line === '' ? '>' : `> ${line}`))
}

/**
 * A highlight: the quote as a block quote, its block id on its own line (so Obsidian's
 * `[[file#^hl-…]]` embeds the quote), then a list item with the label, colour and tags, and the
 * note nested in a block quote inside that item.
 */
export function highlightMarkdown(item: HighlightItem, noteAsSource = false): string {
  return [
    ...quoteOf(item),
    '',
    blockId('hl', item.id),
    '',
    metaLine(item.label, ` (${item.color})`, item.tags),
    ...noteLines(item.note, noteAsSource)
  ].join('\n')
}

/** What a note item shows. */
export interface NoteItem {
  id: string
  body: string
  tags: readonly string[]
}

/** A note on a section or the briefing: a list item "Note" with tags and the nested note. */
export function noteMarkdown(item: NoteItem, asSource = false): string {
  return [
    metaLine('Note', '', item.tags),
    ...noteLines(item.body, asSource),
    '',
    blockId('note', item.id)
  ].join('\n')
}

/** An ATX heading whose text reads back exactly as `text`. */
export function headingMarkdown(level: number, text: string): string {
  const escaped = escapeInline(text)
  return escaped === '' ? '#'.repeat(level) : `${'#'.repeat(level)} ${escaped}`
}

/** A paragraph in italics (introductions); `text` must be plain words. */
export function italicMarkdown(text: string): string {
  return `_${escapeInline(text)}_`
}
