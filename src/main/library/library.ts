// The loaded, validated library held by main: every briefing and the entity records they cite.

import type { Briefing, Entity } from '../../shared/dataset'

export interface Library {
  /** Entity records by id, from all loaded dataset files. */
  entities: ReadonlyMap<string, Entity>
  /** Briefings in library order (by file, then as listed in the file). */
  briefings: readonly Briefing[]
}
