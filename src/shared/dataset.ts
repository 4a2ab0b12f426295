// Types of the bundled/imported briefing dataset (format described in docs/dataset-format.md).
// Shared by main (loader, index) and renderer (presentation); no runtime code here.

import type { TextBlock } from './blocks'

export const DATASET_FORMAT = 'briefing-reader/dataset'
/** The version every writer uses; the loader also reads version 1 (no blocks, all paragraphs). */
export const DATASET_VERSION = 2
export type DatasetVersion = 1 | 2
export const DATASET_VERSIONS: readonly DatasetVersion[] = [1, 2]

/** Kinds of tagged entity; `programme` covers programmes, projects, events, exercises, dialogues. */
export type EntityKind = 'person' | 'organisation' | 'place' | 'programme'
export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organisation', 'place', 'programme']

export interface Entity {
  id: string
  kind: EntityKind
  /** Canonical name shown in the entity panel. */
  name: string
  /** Other surface forms used in texts (e.g. "PM Modi" for Narendra Modi). */
  aliases: string[]
  /** One-line description for the analyst (optional). */
  description?: string
}

/** An entity mention: [start, end) are UTF-16 code unit offsets into the section text. */
export interface Mention {
  start: number
  end: number
  entity: string
  /** The exact text at [start, end); the loader checks it matches. */
  text: string
}

export interface Section {
  id: string
  heading: string
  /** True when the heading was supplied by the editor (e.g. the untitled lead). */
  editorialHeading?: boolean
  /** Canonical text: NFC, paragraphs separated by a blank line ("\n\n"), no trailing whitespace. */
  text: string
  tags: string[]
  mentions: Mention[]
  /** Block kinds over `text` (version 2; see blocks.ts); absent = every paragraph is plain. */
  blocks?: TextBlock[]
}

export interface Briefing {
  id: string
  title: string
  source: string
  /** ISO 8601 date (YYYY-MM-DD). */
  published: string
  tags: string[]
  summary?: string
  sections: Section[]
}

export interface DatasetFile {
  format: typeof DATASET_FORMAT
  version: DatasetVersion
  entities: Entity[]
  briefings: Briefing[]
}
