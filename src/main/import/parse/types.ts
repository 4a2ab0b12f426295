// The shape every import parser (plain text, Markdown, HTML) produces, before it becomes a Briefing:
// metadata found in the file, the untitled lead and the headed sections, as plain-text paragraphs.

/** A parsed document: paragraphs are plain text, one line each (whitespace not yet canonical). */
export interface ParsedDocument {
  title?: string
  /** Publisher or author, when the file names one. */
  source?: string
  /** Publication date as YYYY-MM-DD, when the file gives a recognisable one. */
  published?: string
  /** Topic keywords as written in the file (turned into kebab-case tags by toBriefing). */
  tags?: string[]
  /** Paragraphs before the first section heading. */
  lead: string[]
  sections: ParsedSection[]
  /** Things the analyst should know about the import (e.g. unreadable front matter). */
  warnings?: string[]
}

/** A headed section; `paragraphs` is never empty once a parser has assembled the document. */
export interface ParsedSection {
  heading: string
  paragraphs: string[]
}

/** A block of a document in reading order: what the parsers emit before the outline is chosen. */
export type Block =
  { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string }

/** A refused import: one message for the analyst, naming the file. */
export interface ImportFailure {
  error: string
}
