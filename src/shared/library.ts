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
}

/** A briefing with the entity records its mentions refer to. */
export interface BriefingDetail extends Briefing {
  entities: Entity[]
}
