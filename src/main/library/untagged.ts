// Finds names of known entities in section text that no mention covers: the annotation gaps shown
// as warnings by the CLI's `validate` and asserted empty for the bundled dataset.

import type { Entity } from '../../shared/dataset'
import { findWholeWord } from '../../shared/canonical-text'
import type { Library } from './library'

export interface UntaggedMention {
  briefingId: string
  sectionId: string
  /** The entity whose name or alias was found. */
  entityId: string
  /** The name or alias as it occurs in the text. */
  surface: string
  /** UTF-16 offset of the occurrence in the section text. */
  start: number
}

/**
 * Occurrences of entity names and aliases in section text (case-sensitive, whole words only) that
 * do not overlap any mention. An occurrence inside a longer untagged occurrence is reported once,
 * as the longer one; one that touches a mention (e.g. "Japan" inside a tagged
 * "India-Japan Annual Summit", "US" inside a tagged "US-2") counts as covered.
 */
export function findUntaggedMentions(library: Library): UntaggedMention[] {
  const surfaces = entitySurfaces(library.entities.values())
  const found: UntaggedMention[] = []
  for (const briefing of library.briefings) {
    for (const section of briefing.sections) {
      const hits: (UntaggedMention & { end: number })[] = []
      for (const { entityId, surface } of surfaces) {
        for (const start of findWholeWord(section.text, surface)) {
          const end = start + surface.length
          const covered = section.mentions.some((m) => m.start < end && start < m.end)
          if (!covered) {
            hits.push({
              briefingId: briefing.id,
              sectionId: section.id,
              entityId,
              surface,
              start,
              end
            })
          }
        }
      }
      hits.sort((a, b) => a.start - b.start || b.end - a.end)
      let reach = -1
      for (const { end, ...hit } of hits) {
        if (end <= reach) continue // inside a longer occurrence already reported
        found.push(hit)
        reach = Math.max(reach, end)
      }
    }
  }
  return found
}

/** Every (entity, name-or-alias) pair, longest surfaces first. */
function entitySurfaces(entities: Iterable<Entity>): { entityId: string; surface: string }[] {
  const pairs: { entityId: string; surface: string }[] = []
  for (const entity of entities) {
    for (const surface of new Set([entity.name, ...entity.aliases])) {
      pairs.push({ entityId: entity.id, surface })
    }
  }
  return pairs.sort((a, b) => b.surface.length - a.surface.length)
}
