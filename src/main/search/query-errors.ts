// Sentences for analysts when a query can't be run: lunr's QueryParseError messages reworded,
// plus the limits we add ourselves (leading wildcards, large fuzzy matches, overlong queries).

import { AppError } from '../errors'

/** The parts of a lunr.QueryParseError we read. */
export interface ParseErrorLike {
  message: string
  start: number
  end: number
}

const QUOTE_LIMIT = 60

const FIELD_EXAMPLES: Record<string, string> = {
  briefing: 'quad',
  heading: 'military',
  body: 'summit',
  person: 'kishida',
  org: 'asean',
  place: 'tokyo',
  programme: 'malabar',
  tag: 'defence'
}

/** A query-syntax error saying what in `query` could not be read and how to write it. */
export function querySyntaxError(query: string, detail: string): AppError {
  return new AppError('query-syntax', `Search couldn't read "${quoteQuery(query)}": ${detail}`)
}

/** The error for a field name that is not one of `fields`. */
export function unknownFieldError(name: string, fields: readonly string[]): AppError {
  let message = `Unknown field "${quoteQuery(name)}". Use one of: ${fields.join(', ')}.`
  if (fields.includes(name.toLowerCase())) {
    message += ' Field names are written in lower case.'
  } else if (!/^\p{L}+$/u.test(name)) {
    // Usually a colon in the text itself, as in "10:30".
    message += ' To search for a ":" itself, put a backslash before it (10\\:30).'
  }
  return new AppError('query-syntax', message)
}

/** Translates a lunr.QueryParseError (lunr 2.3.9 wording) into an AppError for the analyst. */
export function translateParseError(
  query: string,
  error: ParseErrorLike,
  fields: readonly string[]
): AppError {
  const lunrMessage = error.message
  const unknown = /^unrecognised field '([\s\S]*)', possible fields/.exec(lunrMessage)
  if (unknown) {
    const name = unknown[1] ?? ''
    if (name === '') {
      return querySyntaxError(query, 'expected a field name before ":" (e.g. person:kishida).')
    }
    return unknownFieldError(name, fields)
  }
  if (lunrMessage.startsWith('expecting term, found')) {
    // "found nothing" points at the field itself; otherwise at what followed the colon.
    const name = lunrMessage.endsWith('nothing') ? query.slice(error.start, error.end) : ''
    const field = name || 'heading'
    const word = Object.hasOwn(FIELD_EXAMPLES, field) ? FIELD_EXAMPLES[field] : undefined
    const example = `${field}:${word ?? 'japan'}`
    const after = name ? `${quoteQuery(name)}:` : ':'
    return querySyntaxError(query, `expected a word right after "${after}" (e.g. ${example}).`)
  }
  if (lunrMessage.startsWith('expecting term or field, found')) {
    const operator = lunrMessage.endsWith('nothing') ? operatorAt(query, error) : '+" or "-'
    return querySyntaxError(
      query,
      `expected a word right after "${operator}" ` +
        '(+word requires it, -word excludes it, e.g. +japan -china).'
    )
  }
  if (lunrMessage === 'edit distance must be numeric') {
    return querySyntaxError(query, 'expected a number after "~" (fuzzy match, e.g. japn~1).')
  }
  if (lunrMessage === 'boost must be numeric') {
    return querySyntaxError(query, 'expected a number after "^" (boost, e.g. kishida^2).')
  }
  if (lunrMessage.startsWith('expected either a field or a term, found EDIT_DISTANCE')) {
    return querySyntaxError(query, '"~" must follow a word (fuzzy match, e.g. japn~1).')
  }
  if (lunrMessage.startsWith('expected either a field or a term, found BOOST')) {
    return querySyntaxError(query, '"^" must follow a word (boost, e.g. kishida^2).')
  }
  return querySyntaxError(query, `${lunrMessage}.`)
}

/** The presence operator a "found nothing" error points at ("+" or "-"). */
function operatorAt(query: string, error: ParseErrorLike): string {
  const text = query.slice(error.start, error.end)
  return text === '+' || text === '-' ? text : '+" or "-'
}

/**
 * The query as it can be quoted in a message: one line, at most QUOTE_LIMIT characters, never
 * ending in half a surrogate pair.
 */
export function quoteQuery(query: string): string {
  const oneLine = query.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim()
  if (oneLine.length <= QUOTE_LIMIT) return oneLine
  let end = QUOTE_LIMIT
  const last = oneLine.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end -= 1
  return `${oneLine.slice(0, end)}…`
}
