// Reading positions (reading:get, reading:save): where the analyst stopped in a briefing, the
// section and how far down it, saved as they read and restored when the briefing opens again.

import { briefingIdCheck } from './ids'
import { int, object, str, validator } from './schema'
import type { Validator } from './schema'

/** Scroll offsets inside a section are stored in ten-thousandths of its height. */
export const OFFSET_SCALE = 10_000

export interface ReadingPosition {
  briefingId: string
  sectionId: string
  /** How far down the section, 0..OFFSET_SCALE. */
  offset: number
}

export interface SavedPosition extends ReadingPosition {
  /** When it was saved (ISO time). */
  at: string
}

const sectionIdCheck = str({ min: 1, max: 200, describe: 'a section id of 1–200 characters' })

export const validateReadingRequest: Validator<{ briefingId: string }> = validator(
  object({ briefingId: briefingIdCheck })
)

export const validateReadingPosition: Validator<ReadingPosition> = validator(
  object({ briefingId: briefingIdCheck, sectionId: sectionIdCheck, offset: int(0, OFFSET_SCALE) })
)
