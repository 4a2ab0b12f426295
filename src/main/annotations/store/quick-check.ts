// Quick checks of a highlight or note as the store writes them, for loading snapshots of 10,000s
// of records: each accepts only records the full checks in validate.ts accept, returns the same
// copy, and answers undefined for anything else (the full check then says what is wrong).
// validate.test.ts holds the two to that on many damaged records; change them together.

import { HIGHLIGHT_COLORS } from '../../../shared/annotations'
import type { Highlight, Note, NoteTarget } from '../../../shared/annotations'
import { isPlainObject } from '../../../shared/schema'

export const MAX_TEXT = 10_000_000
export const MAX_ID = 1000
export const MAX_TAGS = 10_000
export const MAX_TAG = 1000

/** Whether `input` is a date-time the store accepts. */
export function isTime(input: unknown): input is string {
  return typeof input === 'string' && input.length <= 64 && !Number.isNaN(Date.parse(input))
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT
const isId = (v: unknown): v is string =>
  typeof v === 'string' && v.length >= 1 && v.length <= MAX_ID
const isOffset = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= Number.MAX_SAFE_INTEGER
const COLORS: readonly unknown[] = HIGHLIGHT_COLORS

/** A plain object whose own fields are exactly `names` (so none is inherited or extra). */
function exactly(input: unknown, names: readonly string[]): input is Record<string, unknown> {
  if (!isPlainObject(input) || Object.keys(input).length !== names.length) return false
  for (const name of names) if (!Object.hasOwn(input, name)) return false
  return true
}

/** A copy of a list of tags, or undefined. Indexes, not every(): a hole is not a tag. */
function tagsOf(input: unknown): string[] | undefined {
  if (!Array.isArray(input) || input.length > MAX_TAGS) return undefined
  const tags: string[] = []
  for (let i = 0; i < input.length; i++) {
    const tag: unknown = input[i]
    if (typeof tag !== 'string' || tag.length < 1 || tag.length > MAX_TAG) return undefined
    tags.push(tag)
  }
  return tags
}

const HIGHLIGHT = ['id', 'target', 'color', 'tags', 'note', 'createdAt', 'updatedAt']
const TARGET = ['briefingId', 'sectionId', 'quote', 'position']
const QUOTE = ['type', 'exact', 'prefix', 'suffix']
const POSITION = ['type', 'start', 'end']

export function quickHighlight(input: unknown): Highlight | undefined {
  if (!exactly(input, HIGHLIGHT)) return undefined
  const { id, target, color, note, createdAt, updatedAt } = input
  if (!isId(id) || !exactly(target, TARGET)) return undefined
  const { briefingId, sectionId, quote, position } = target
  if (!isId(briefingId) || !isId(sectionId)) return undefined
  if (!exactly(quote, QUOTE) || quote['type'] !== 'TextQuoteSelector') return undefined
  const { exact, prefix, suffix } = quote
  if (!isText(exact) || !isText(prefix) || !isText(suffix)) return undefined
  if (!exactly(position, POSITION) || position['type'] !== 'TextPositionSelector') return undefined
  const { start, end } = position
  if (!isOffset(start) || !isOffset(end)) return undefined
  if (!COLORS.includes(color)) return undefined
  const tags = tagsOf(input['tags'])
  if (!tags || !isText(note) || !isTime(createdAt) || !isTime(updatedAt)) return undefined
  // Fields in the order the full check copies them (snapshots and checksums keep that order).
  return {
    id,
    target: {
      briefingId,
      sectionId,
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      position: { type: 'TextPositionSelector', start, end }
    },
    color: color as Highlight['color'],
    tags,
    note,
    createdAt,
    updatedAt
  }
}

const NOTE = ['id', 'briefingId', 'target', 'body', 'tags', 'createdAt', 'updatedAt']

function noteTargetOf(input: unknown): NoteTarget | undefined {
  if (exactly(input, ['kind']))
    return input['kind'] === 'briefing' ? { kind: 'briefing' } : undefined
  if (!exactly(input, ['kind', 'sectionId']) || input['kind'] !== 'section') return undefined
  const { sectionId } = input
  return isId(sectionId) ? { kind: 'section', sectionId } : undefined
}

export function quickNote(input: unknown): Note | undefined {
  if (!exactly(input, NOTE)) return undefined
  const { id, briefingId, body, createdAt, updatedAt } = input
  if (!isId(id) || !isId(briefingId)) return undefined
  const target = noteTargetOf(input['target'])
  const tags = tagsOf(input['tags'])
  if (!target || !tags || !isText(body) || !isTime(createdAt) || !isTime(updatedAt)) {
    return undefined
  }
  return { id, briefingId, target, body, tags, createdAt, updatedAt }
}
