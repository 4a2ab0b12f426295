// Validators for the app, library and search requests: main runs one on every incoming argument
// before any work is done. Each returns the value typed, or a message naming the wrong field.

import { HIGHLIGHT_COLORS } from './annotations'
import { briefingIdCheck } from './ids'
import { int, literal, object, str, validator } from './schema'
import type { Validator } from './schema'
import type { SearchRequest } from './search'

const MAX_QUERY_LENGTH = 1000
/** Entity ids and tags a search is narrowed to. */
const FILTER_VALUE = str({ min: 1, max: 200, describe: 'a value of 1–200 characters' })

export const validateNoRequest: Validator<void> = (input) =>
  input === undefined || input === null
    ? { ok: true, value: undefined }
    : { ok: false, message: 'this request takes no argument' }

export const validateBriefingRequest: Validator<{ id: string }> = validator(
  object({ id: briefingIdCheck })
)

/** Largest "load more" offset: beyond it an analyst should narrow the query instead. */
export const MAX_SEARCH_OFFSET = 10_000

export const validateSearchRequest: Validator<SearchRequest> = validator(
  object(
    {
      query: str({
        max: MAX_QUERY_LENGTH,
        describe: `a query of at most ${MAX_QUERY_LENGTH} characters`
      }),
      limit: int(1, 200),
      offset: int(0, MAX_SEARCH_OFFSET),
      filters: object(
        {
          briefingId: briefingIdCheck,
          entityId: FILTER_VALUE,
          tag: FILTER_VALUE,
          color: literal(...HIGHLIGHT_COLORS)
        },
        ['briefingId', 'entityId', 'tag', 'color']
      )
    },
    ['limit', 'offset', 'filters']
  )
)
