// Per-briefing entity statistics for the entity panel: mention counts over the whole briefing,
// the sections that mention each entity, and the entities grouped by kind. Pure and DOM-free.

import { ENTITY_KINDS } from '../../../shared/dataset'
import type { Briefing, Entity, EntityKind } from '../../../shared/dataset'

export interface SectionMentions {
  sectionId: string
  /** Position of the section in the briefing. */
  index: number
  heading: string
  count: number
}

export interface EntityStat {
  entity: Entity
  /** Mentions over the whole briefing. */
  total: number
  /** Sections mentioning the entity, in briefing order. */
  sections: SectionMentions[]
}

export interface EntityGroup {
  kind: EntityKind
  stats: EntityStat[]
}

export interface EntityIndex {
  byId: ReadonlyMap<string, EntityStat>
  /** Non-empty groups in ENTITY_KINDS order; entities by mention count, then name. */
  groups: EntityGroup[]
}

/** Builds the entity index of a briefing; mentions of entities not in `entities` are skipped. */
export function indexEntities(briefing: Briefing, entities: readonly Entity[]): EntityIndex {
  const byId = new Map<string, EntityStat>()
  for (const entity of entities) byId.set(entity.id, { entity, total: 0, sections: [] })
  briefing.sections.forEach((section, index) => {
    for (const mention of section.mentions) {
      const stat = byId.get(mention.entity)
      if (!stat) continue
      stat.total++
      const last = stat.sections[stat.sections.length - 1]
      if (last?.sectionId === section.id) last.count++
      else stat.sections.push({ sectionId: section.id, index, heading: section.heading, count: 1 })
    }
  })
  const groups = ENTITY_KINDS.map((kind) => ({
    kind,
    stats: [...byId.values()]
      .filter((s) => s.entity.kind === kind && s.total > 0)
      .sort((a, b) => b.total - a.total || a.entity.name.localeCompare(b.entity.name))
  })).filter((g) => g.stats.length > 0)
  return { byId, groups }
}
