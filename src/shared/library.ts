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
  /** When the analyst last read it (ISO time); absent when never opened. */
  lastReadAt?: string
  /** How far it has been read, 0..1 (the saved position's section and offset). */
  progress?: number
  highlightCount?: number
  noteCount?: number
}

/** A briefing with the entity records its mentions refer to. */
export interface BriefingDetail extends Briefing {
  entities: Entity[]
}
