// Reading positions (reading:get, reading:save): where the analyst stopped in a briefing, the
// section and the first character in view there (with a quote around it, so a new version of the
// text can place it again), saved as they read and restored when the briefing opens again.

import { briefingIdCheck } from './ids'
import { int, object, str, validator } from './schema'
import type { Validator } from './schema'

/** How far down a section (`offset`) is stored in ten-thousandths of its text. */
export const OFFSET_SCALE = 10_000
/** Characters of text kept after (quote) and before (prefix) the first character in view. */
export const POSITION_QUOTE_LENGTH = 32

export interface ReadingPosition {
  briefingId: string
  sectionId: string
  /** How far down the section, 0..OFFSET_SCALE (older entries have only this). */
  offset: number
  /** The first character in view, in UTF-16 code units of the section's canonical text. */
  textOffset?: number
  /** The text from `textOffset` on, and the text just before it: they re-anchor the position. */
  quote?: string
  prefix?: string
}

export interface SavedPosition extends ReadingPosition {
  /** When it was saved (ISO time). */
  at: string
}

const sectionIdCheck = str({ min: 1, max: 200, describe: 'a section id of 1–200 characters' })
const contextCheck = str({ max: POSITION_QUOTE_LENGTH * 2, describe: 'up to 64 characters' })

export const validateReadingRequest: Validator<{ briefingId: string }> = validator(
  object({ briefingId: briefingIdCheck })
)

export const validateReadingPosition: Validator<ReadingPosition> = validator(
  object(
    {
      briefingId: briefingIdCheck,
      sectionId: sectionIdCheck,
      offset: int(0, OFFSET_SCALE),
      textOffset: int(0, 100_000_000),
      quote: contextCheck,
      prefix: contextCheck
    },
    ['textOffset', 'quote', 'prefix']
  )
)

/** The position of character `textOffset` of a section's `text`, with its re-anchoring quote. */
export function positionAt(
  briefingId: string,
  sectionId: string,
  text: string,
  textOffset: number
): ReadingPosition {
  const at = Math.min(Math.max(0, Math.trunc(textOffset) || 0), text.length)
  return {
    briefingId,
    sectionId,
    offset: text.length > 0 ? Math.round((at / text.length) * OFFSET_SCALE) : 0,
    textOffset: at,
    quote: text.slice(at, at + POSITION_QUOTE_LENGTH),
    prefix: text.slice(Math.max(0, at - POSITION_QUOTE_LENGTH), at)
  }
}

/** The character a saved position points at in `text`: its text offset, else its fraction. */
export function textOffsetOf(position: ReadingPosition, text: string): number {
  const at =
    position.textOffset ?? Math.round((position.offset / OFFSET_SCALE) * (text.length || 0))
  return Math.min(Math.max(0, at), text.length)
}
