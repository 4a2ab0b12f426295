// Validators for IPC requests: main runs one on every incoming argument before any work is done.
// Each returns the value typed, or a message saying which field is wrong and what was expected.

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

export const validateSearchRequest: Validator<{ query: string; limit?: number }> = (input) => {
  if (!isPlainObject(input)) return { ok: false, message: 'expected an object { query, limit? }' }
  const extra = unexpectedKeys(input, ['query', 'limit'])
  if (extra.length) return { ok: false, message: `unexpected field "${extra[0]}"` }
  const { query, limit } = input
  if (typeof query !== 'string') return { ok: false, message: '"query" must be a string' }
  if (query.length > MAX_QUERY_LENGTH) {
    return { ok: false, message: `"query" is longer than ${MAX_QUERY_LENGTH} characters` }
  }
  if (
    limit !== undefined &&
    (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > 200)
  ) {
    return { ok: false, message: '"limit" must be a whole number from 1 to 200' }
  }
  return { ok: true, value: limit === undefined ? { query } : { query, limit: limit as number } }
}
