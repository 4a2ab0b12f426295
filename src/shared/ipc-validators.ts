// Validators for IPC requests: main runs one on every incoming argument before any work is done.
// Each returns the value typed, or a message saying which field is wrong and what was expected.

import { HIGHLIGHT_COLORS } from './annotations'
import type { HighlightColor } from './annotations'
import type { SearchFilters, SearchRequest } from './ipc-contract'
import { isPlainObject } from './schema'

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string }
export type Validator<T> = (input: unknown) => Validation<T>

const MAX_ID_LENGTH = 200
const MAX_QUERY_LENGTH = 1000

function unexpectedKeys(value: Record<string, unknown>, allowed: string[]): string[] {
  return Object.keys(value).filter((key) => !allowed.includes(key))
}

export const validateNoRequest: Validator<void> = (input) =>
  input === undefined || input === null
    ? { ok: true, value: undefined }
    : { ok: false, message: 'this request takes no argument' }

export const validateBriefingRequest: Validator<{ id: string }> = (input) => {
  if (!isPlainObject(input)) return { ok: false, message: 'expected an object { id }' }
  const extra = unexpectedKeys(input, ['id'])
  if (extra.length) return { ok: false, message: `unexpected field "${extra[0]}"` }
  const { id } = input
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    return {
      ok: false,
      message: `"id" must be a non-empty string of at most ${MAX_ID_LENGTH} characters`
    }
  }
  return { ok: true, value: { id } }
}

/** Largest "load more" offset: beyond it an analyst should narrow the query instead. */
export const MAX_SEARCH_OFFSET = 10_000
const FILTER_KEYS = ['briefingId', 'entityId', 'tag', 'color'] as const

export const validateSearchRequest: Validator<SearchRequest> = (input) => {
  if (!isPlainObject(input)) {
    return { ok: false, message: 'expected an object { query, limit?, offset?, filters? }' }
  }
  const extra = unexpectedKeys(input, ['query', 'limit', 'offset', 'filters'])
  if (extra.length) return { ok: false, message: `unexpected field "${extra[0]}"` }
  const { query, limit, offset, filters } = input
  if (typeof query !== 'string') return { ok: false, message: '"query" must be a string' }
  if (query.length > MAX_QUERY_LENGTH) {
    return { ok: false, message: `"query" is longer than ${MAX_QUERY_LENGTH} characters` }
  }
  if (limit !== undefined && !isWholeIn(limit, 1, 200)) {
    return { ok: false, message: '"limit" must be a whole number from 1 to 200' }
  }
  if (offset !== undefined && !isWholeIn(offset, 0, MAX_SEARCH_OFFSET)) {
    return { ok: false, message: `"offset" must be a whole number from 0 to ${MAX_SEARCH_OFFSET}` }
  }
  const value: SearchRequest = { query }
  if (limit !== undefined) value.limit = limit as number
  if (offset !== undefined) value.offset = offset as number
  if (filters !== undefined) {
    const checked = validateFilters(filters)
    if (!checked.ok) return checked
    value.filters = checked.value
  }
  return { ok: true, value }
}

function validateFilters(input: unknown): Validation<SearchFilters> {
  if (!isPlainObject(input)) return { ok: false, message: '"filters" must be an object' }
  const extra = unexpectedKeys(input, [...FILTER_KEYS])
  if (extra.length) return { ok: false, message: `unexpected field "filters.${extra[0]}"` }
  const filters: SearchFilters = {}
  for (const key of FILTER_KEYS) {
    const value = input[key]
    if (value === undefined) continue
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
      return {
        ok: false,
        message: `"filters.${key}" must be a non-empty string of at most ${MAX_ID_LENGTH} characters`
      }
    }
    if (key === 'color') {
      if (!(HIGHLIGHT_COLORS as readonly string[]).includes(value)) {
        return {
          ok: false,
          message: `"filters.color" must be one of ${HIGHLIGHT_COLORS.join(', ')}`
        }
      }
      filters.color = value as HighlightColor
    } else {
      filters[key] = value
    }
  }
  return { ok: true, value: filters }
}

function isWholeIn(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
}
