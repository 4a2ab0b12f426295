// The one rule for briefing ids, shared by every request validator, the dataset schema, import's
// id derivation and the profile's file layout: ids name files and folders, so they stay plain.

import { str } from './schema'
import type { Check } from './schema'

/** Lowercase ASCII letters and digits in hyphen-separated words ("india-japan-quad-2022"). */
export const BRIEFING_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/
export const BRIEFING_ID_MAX_LENGTH = 128

export function isBriefingId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= BRIEFING_ID_MAX_LENGTH &&
    BRIEFING_ID_PATTERN.test(value)
  )
}

/** A request field holding a briefing id. */
export const briefingIdCheck: Check<string> = str({
  min: 1,
  max: BRIEFING_ID_MAX_LENGTH,
  pattern: BRIEFING_ID_PATTERN,
  describe: 'a briefing id'
})
