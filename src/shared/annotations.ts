// The annotation model shared by main (storage, re-anchoring) and renderer (presentation):
// highlights anchored by W3C selectors on a section's canonical text, and notes.

/** Version of stored annotation records; a store written by a newer app opens read-only. */
export const ANNOTATION_SCHEMA_VERSION = 1

/** The five highlight colours; their meanings (labels) are preferences the analyst renames. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number]
export const DEFAULT_COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Key point',
  green: 'Evidence',
  blue: 'Question',
  pink: 'Disagree',
  orange: 'Follow-up'
}

/** W3C TextQuoteSelector, measured on the section's canonical text (NFC, "\n" newlines). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  /** Up to 32 characters before `exact`. */
  prefix: string
  /** Up to 32 characters after `exact`. */
  suffix: string
}

/** W3C TextPositionSelector: [start, end) in UTF-16 code units of the canonical text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface SectionTarget {
  briefingId: string
  sectionId: string
  quote: TextQuoteSelector
  position: TextPositionSelector
}

/** How a highlight relates to the current text of its section. */
export type AnchorStatus = 'anchored' | 'orphaned'

export interface Highlight {
  id: string
  target: SectionTarget
  color: HighlightColor
  tags: string[]
  /** Markdown text of the highlight's note; '' when it has none. */
  note: string
  createdAt: string
  updatedAt: string
}

export type NoteTarget = { kind: 'briefing' } | { kind: 'section'; sectionId: string }

/** A note on a section or on the whole briefing (notes on highlights live in Highlight.note). */
export interface Note {
  id: string
  briefingId: string
  target: NoteTarget
  /** Markdown text. */
  body: string
  tags: string[]
  createdAt: string
  updatedAt: string
}

/** A highlight as placed on the current text: where it anchors now, or orphaned. */
export interface AnchoredHighlight extends Highlight {
  status: AnchorStatus
  /** Current [start, end) in the section text when anchored. */
  range?: { start: number; end: number }
}
