// Library answers (library:list, briefing:get): briefings as the shelf lists them, and one
// briefing with the entities its mentions refer to.

import type { Briefing, Entity } from './dataset'

/** A briefing's card: its details without the sections, and counts. */
export interface BriefingSummary extends Pick<
  Briefing,
  'id' | 'title' | 'source' | 'published' | 'tags' | 'summary'
> {
  sectionCount: number
  entityCount: number
  /** Imported by the analyst into this profile (the bundled briefings are not). */
  imported: boolean
  /** Imported briefings without a summary: the first lines of their text, for the card. */
  excerpt?: string
  /** Ids of the entities the briefing mentions (the library's entity filter). */
  entityIds?: string[]
  /** When the briefing was added to this profile (ISO); bundled ones: the dataset's date. */
  addedAt?: string
  /** When the analyst last read it (ISO); absent when never opened. */
  lastReadAt?: string
  /** How far it has been read, 0..1; absent when never opened. */
  progress?: number
  /** Highlights and notes on it (a highlight's note counts as a note); absent if not counted. */
  highlightCount?: number
  noteCount?: number
}

/** A briefing with the entity records its mentions refer to. */
export interface BriefingDetail extends Briefing {
  entities: Entity[]
}
