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

/** Field checks of one record: whether every object in it listed its fields in shape order. */
interface Fields {
  inOrder: boolean
}

/**
 * A plain object whose own fields are exactly `names` (so none is inherited or extra); notes in
 * `fields` whether they came in that order.
 */
function exactly(
  input: unknown,
  names: readonly string[],
  fields: Fields
): input is Record<string, unknown> {
  if (!isPlainObject(input)) return false
  const keys = Object.keys(input)
  if (keys.length !== names.length) return false
  let inOrder = true
  for (let i = 0; i < names.length; i++) {
    if (keys[i] === names[i]) continue
    inOrder = false
    if (!Object.hasOwn(input, names[i]!)) return false
  }
  if (!inOrder) fields.inOrder = false
  return true
}

/** Whether `input` is a list of tags. Indexes, not every(): a hole is not a tag. */
function isTags(input: unknown): input is string[] {
  if (!Array.isArray(input) || input.length > MAX_TAGS) return false
  for (let i = 0; i < input.length; i++) {
    const tag: unknown = input[i]
    if (typeof tag !== 'string' || tag.length < 1 || tag.length > MAX_TAG) return false
  }
  return true
}

const HIGHLIGHT = ['id', 'target', 'color', 'tags', 'note', 'createdAt', 'updatedAt']
const TARGET = ['briefingId', 'sectionId', 'quote', 'position']
const QUOTE = ['type', 'exact', 'prefix', 'suffix']
const POSITION = ['type', 'start', 'end']

/**
 * The highlight, or undefined. `reuse`: a record whose objects list their fields in the order the
 * full check copies them is answered as it is (a snapshot just parsed: nobody else holds it),
 * sparing a copy of every record; otherwise a copy is made in that order.
 */
export function quickHighlight(input: unknown, reuse = false): Highlight | undefined {
  const fields = { inOrder: true }
  if (!exactly(input, HIGHLIGHT, fields)) return undefined
  const { id, target, color, tags, note, createdAt, updatedAt } = input
  if (!isId(id) || !exactly(target, TARGET, fields)) return undefined
  const { briefingId, sectionId, quote, position } = target
  if (!isId(briefingId) || !isId(sectionId)) return undefined
  if (!exactly(quote, QUOTE, fields) || quote['type'] !== 'TextQuoteSelector') return undefined
  const { exact, prefix, suffix } = quote
  if (!isText(exact) || !isText(prefix) || !isText(suffix)) return undefined
  if (!exactly(position, POSITION, fields) || position['type'] !== 'TextPositionSelector') {
    return undefined
  }
  const { start, end } = position
  if (!isOffset(start) || !isOffset(end)) return undefined
  if (!COLORS.includes(color) || !isTags(tags)) return undefined
  if (!isText(note) || !isTime(createdAt) || !isTime(updatedAt)) return undefined
  if (reuse && fields.inOrder) return input as unknown as Highlight
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
    tags: [...tags],
    note,
    createdAt,
    updatedAt
  }
}

const NOTE = ['id', 'briefingId', 'target', 'body', 'tags', 'createdAt', 'updatedAt']

function noteTargetOf(input: unknown, fields: Fields): NoteTarget | undefined {
  if (isPlainObject(input) && Object.keys(input).length === 1) {
    return exactly(input, ['kind'], fields) && input['kind'] === 'briefing'
      ? { kind: 'briefing' }
      : undefined
  }
  if (!exactly(input, ['kind', 'sectionId'], fields) || input['kind'] !== 'section')
    return undefined
  const { sectionId } = input
  return isId(sectionId) ? { kind: 'section', sectionId } : undefined
}

/** The note, or undefined; `reuse` as for quickHighlight. */
export function quickNote(input: unknown, reuse = false): Note | undefined {
  const fields = { inOrder: true }
  if (!exactly(input, NOTE, fields)) return undefined
  const { id, briefingId, tags, body, createdAt, updatedAt } = input
  if (!isId(id) || !isId(briefingId)) return undefined
  const target = noteTargetOf(input['target'], fields)
  if (!target || !isTags(tags) || !isText(body) || !isTime(createdAt) || !isTime(updatedAt)) {
    return undefined
  }
  if (reuse && fields.inOrder) return input as unknown as Note
  return { id, briefingId, target, body, tags: [...tags], createdAt, updatedAt }
}
