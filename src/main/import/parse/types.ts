// The shape every import parser (plain text, Markdown, HTML, Word, PDF) produces, before it becomes a
// Briefing: metadata found in the file, the untitled lead and the headed sections, as text blocks.

import type { BlockInput } from '../../../shared/blocks'

/**
 * One block of section text: a bare string is a plain paragraph (blank lines in it split it, as in
 * canonicalText); a BlockInput is a list item, quote, code or table row (src/shared/blocks.ts).
 */
export type TextPart = string | BlockInput

/** A parsed document: paragraphs are plain text (whitespace not yet canonical). */
export interface ParsedDocument {
  title?: string
  /** Publisher or author, when the file names one. */
  source?: string
  /** Publication date as YYYY-MM-DD, when the file gives a recognisable one. */
  published?: string
  /** Topic keywords as written in the file (turned into kebab-case tags by toBriefing). */
  tags?: string[]
  /** Blocks before the first section heading. */
  lead: TextPart[]
  sections: ParsedSection[]
  /** Things the analyst should know about the import (e.g. unreadable front matter). */
  warnings?: string[]
}

/** A headed section; `paragraphs` is never empty once a parser has assembled the document. */
export interface ParsedSection {
  heading: string
  paragraphs: TextPart[]
}

/** A block of a document in reading order: what the parsers emit before the outline is chosen. */
export type Block = { kind: 'heading'; level: number; text: string } | BlockInput

/** The text of a part, whatever its kind (for sizes, titles and tests). */
export function partText(part: TextPart): string {
  return typeof part === 'string' ? part : part.text
}

/** A parsed block as a section's part: a plain paragraph is a bare string. */
export function partOf(block: BlockInput): TextPart {
  return block.kind === 'paragraph' ? block.text : block
}

/** A refused import: one message for the analyst, naming the file. */
export interface ImportFailure {
  error: string
}
