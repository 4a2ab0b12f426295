// What preferences hold, their defaults, and the JSON schema conf validates them with (the same
// schema checks the file before conf ever reads it, so a bad file is set aside, not wiped).

import Ajv2020 from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'

import { DEFAULT_COLOR_LABELS, HIGHLIGHT_COLORS } from '../../shared/annotations'
import type { HighlightColor } from '../../shared/annotations'
import {
  DEFAULT_READING_SETTINGS,
  MAX_TEXT_SIZE,
  MIN_TEXT_SIZE,
  READING_FONTS,
  READING_SPACINGS,
  READING_WIDTHS,
  THEMES
} from '../../shared/reading-settings'
import type { ReadingSettings } from '../../shared/reading-settings'
import { DEFAULT_PANEL_LAYOUT, PANEL_MAX_WIDTH, PANEL_MIN_WIDTH } from '../../shared/panel-layout'
import type { PanelLayout } from '../../shared/panel-layout'

/**
 * Everything stored in the preferences file (a type alias: conf needs an indexable type). Keys an
 * older version wrote (theme, panelWidths, lastPosition) are unknown keys now: kept, never read.
 */
export type PreferencesData = {
  /** What each highlight colour means to the analyst. */
  colorLabels: Record<HighlightColor, string>
  /** The colour the next highlight gets. */
  lastColor: HighlightColor
  /** Font, size, spacing, column width and theme of the reader (files before #14 lack it). */
  reading: ReadingSettings
  /** The reader's side panel: width and whether it is collapsed (files before #15 lack it). */
  panel: PanelLayout
}

export type PreferenceKey = keyof PreferencesData

/** Defaults for every key. */
export const DEFAULT_PREFERENCES: PreferencesData = {
  colorLabels: { ...DEFAULT_COLOR_LABELS },
  lastColor: 'yellow',
  reading: { ...DEFAULT_READING_SETTINGS },
  panel: { ...DEFAULT_PANEL_LAYOUT }
}

/** conf's `schema` option: one JSON schema (draft 2020-12) per key. */
export const PREFERENCES_SCHEMA = {
  colorLabels: {
    type: 'object',
    properties: Object.fromEntries(
      HIGHLIGHT_COLORS.map((color) => [color, { type: 'string', minLength: 1, maxLength: 40 }])
    ),
    required: [...HIGHLIGHT_COLORS],
    additionalProperties: false
  },
  lastColor: { enum: [...HIGHLIGHT_COLORS] },
  reading: {
    type: 'object',
    properties: {
      font: { enum: [...READING_FONTS] },
      size: { type: 'integer', minimum: MIN_TEXT_SIZE, maximum: MAX_TEXT_SIZE },
      spacing: { enum: [...READING_SPACINGS] },
      width: { enum: [...READING_WIDTHS] },
      theme: { enum: [...THEMES] }
    },
    required: ['font', 'size', 'spacing', 'width', 'theme'],
    additionalProperties: false
  },
  panel: {
    type: 'object',
    properties: {
      width: { type: 'integer', minimum: PANEL_MIN_WIDTH, maximum: PANEL_MAX_WIDTH },
      collapsed: { type: 'boolean' }
    },
    required: ['width', 'collapsed'],
    additionalProperties: false
  }
} as const

const ajv = new Ajv2020({ allErrors: true, strict: true })
const validators = new Map<string, ValidateFunction>(
  Object.entries(PREFERENCES_SCHEMA).map(([key, schema]) => [key, ajv.compile(schema)])
)

/** Why `value` is not a valid value for `key` ('' when it is). */
export function preferenceProblem(key: string, value: unknown): string {
  const validate = validators.get(key)
  if (!validate) return `unknown preference "${key}"`
  if (validate(value)) return ''
  return (validate.errors ?? [])
    .map((error) => `${key}${error.instancePath.replace(/\//g, '.')} ${error.message ?? ''}`.trim())
    .join('; ')
}

/** Whether `key` is one of the preferences. */
export function isPreferenceKey(key: string): key is PreferenceKey {
  return validators.has(key)
}
