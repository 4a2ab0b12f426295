// Reading settings (issue #14): the reading text's font, size, line spacing and column width, and
// the app's theme. Shared by the preferences file (main) and the reader (renderer).

import { int, literal, object } from './schema'
import type { Check } from './schema'

export const READING_FONTS = ['system', 'serif', 'sans'] as const
export const READING_SPACINGS = ['compact', 'normal', 'relaxed'] as const
export const READING_WIDTHS = ['narrow', 'medium', 'wide'] as const
export const THEMES = ['system', 'light', 'sepia', 'dark'] as const

export type ReadingFont = (typeof READING_FONTS)[number]
export type ReadingSpacing = (typeof READING_SPACINGS)[number]
export type ReadingWidth = (typeof READING_WIDTHS)[number]
export type Theme = (typeof THEMES)[number]

export interface ReadingSettings {
  font: ReadingFont
  /** The reading text's size in CSS pixels. */
  size: number
  spacing: ReadingSpacing
  width: ReadingWidth
  /** 'system' follows the OS; any other choice overrides it. */
  theme: Theme
}

export const MIN_TEXT_SIZE = 12
export const MAX_TEXT_SIZE = 32

export const DEFAULT_READING_SETTINGS: ReadingSettings = {
  font: 'system',
  size: 17,
  spacing: 'normal',
  width: 'medium',
  theme: 'system'
}

/** The sizes Ctrl/Cmd + = and - step through (finer where readers usually sit). */
export const TEXT_SIZE_STEPS = [12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 26, 28, 32] as const

/** The next size up (+1) or down (-1) from `size`, clamped to the steps. */
export function stepTextSize(size: number, direction: 1 | -1): number {
  if (direction > 0) return TEXT_SIZE_STEPS.find((step) => step > size) ?? MAX_TEXT_SIZE
  return [...TEXT_SIZE_STEPS].reverse().find((step) => step < size) ?? MIN_TEXT_SIZE
}

/** Line height for each spacing (unitless, times the text size). */
export const LINE_HEIGHTS: Record<ReadingSpacing, number> = {
  compact: 1.5,
  normal: 1.72,
  relaxed: 2
}

/** Column width for each choice, in characters of the reading text. */
export const COLUMN_WIDTHS: Record<ReadingWidth, number> = { narrow: 56, medium: 68, wide: 84 }

/** A partial change of the reading settings (only the fields given change). */
export const readingSettingsPatch: Check<Partial<ReadingSettings>> = object(
  {
    font: literal(...READING_FONTS),
    size: int(MIN_TEXT_SIZE, MAX_TEXT_SIZE),
    spacing: literal(...READING_SPACINGS),
    width: literal(...READING_WIDTHS),
    theme: literal(...THEMES)
  },
  ['font', 'size', 'spacing', 'width', 'theme']
)
