// What preferences hold, their defaults, and the JSON schema conf validates them with (the same
// schema checks the file before conf ever reads it, so a bad file is set aside, not wiped).

import Ajv2020 from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'

import { DEFAULT_COLOR_LABELS, HIGHLIGHT_COLORS } from '../../shared/annotations'
import type { HighlightColor } from '../../shared/annotations'
import { BRIEFING_ID_MAX_LENGTH, BRIEFING_ID_PATTERN } from '../../shared/ids'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

/** Where the analyst was reading, to reopen there. */
export interface ReadingPosition {
  briefingId: string
  sectionId: string
}

/** Everything stored in the preferences file (a type alias: conf needs an indexable type). */
export type PreferencesData = {
  /** What each highlight colour means to the analyst. */
  colorLabels: Record<HighlightColor, string>
  theme: Theme
  /** Pane widths in CSS pixels, keyed by pane name ('library', 'notes'...). */
  panelWidths: Record<string, number>
  lastPosition: ReadingPosition | null
  /** The colour the next highlight gets. */
  lastColor: HighlightColor
}

export type PreferenceKey = keyof PreferencesData

/** Defaults for every key. */
export const DEFAULT_PREFERENCES: PreferencesData = {
  colorLabels: { ...DEFAULT_COLOR_LABELS },
  theme: 'system',
  panelWidths: {},
  lastPosition: null,
  lastColor: 'yellow'
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
  theme: { enum: [...THEMES] },
  panelWidths: {
    type: 'object',
    propertyNames: { pattern: '^[a-z][a-z0-9-]{0,39}$' },
    additionalProperties: { type: 'number', minimum: 0, maximum: 100000 },
    maxProperties: 50
  },
  lastPosition: {
    anyOf: [
      { type: 'null' },
      {
        type: 'object',
        properties: {
          briefingId: {
            type: 'string',
            maxLength: BRIEFING_ID_MAX_LENGTH,
            pattern: BRIEFING_ID_PATTERN.source
          },
          sectionId: { type: 'string', minLength: 1, maxLength: 200 }
        },
        required: ['briefingId', 'sectionId'],
        additionalProperties: false
      }
    ]
  },
  lastColor: { enum: [...HIGHLIGHT_COLORS] }
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
