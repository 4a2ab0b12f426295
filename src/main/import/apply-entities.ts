// Applies the analyst's decisions on the entities proposed for one imported briefing: accepted
// names become new entities (unique, safe ids), merged names aliases of library entities, and the
// briefing's mentions are tagged again with the library's entities. Pure: no I/O.

import type { Briefing, Entity } from '../../shared/dataset'
import type { EntityDecision, EntityProposal } from '../../shared/entity-review'
import { tagKnownEntities } from './entity-tagging'
import { kebabCase } from './parse/to-briefing'

export interface AppliedDecisions {
  briefing: Briefing
  /** The library's entities afterwards: merged ones with their new alias, accepted ones added. */
  entities: Map<string, Entity>
  /** What the briefing's dataset file lists: the entities its mentions cite and every changed one. */
  fileEntities: Entity[]
  /** Proposals not decided on (and whose name no entity has now). */
  remaining: EntityProposal[]
  accepted: number
  merged: number
  rejected: number
  mentionsBefore: number
  mentionsAfter: number
}

/**
 * Applies `decisions` on `proposals` (each decision names a proposal) to `briefing`, all or
 * nothing: any decision that cannot be applied gives `{ error }` and nothing else. An accepted
 * proposal becomes an entity named as the analyst chose, with the proposed name as an alias when
 * renamed; two accepted under one name and kind become one entity. A name the library already
 * has is refused (merge instead). Mentions of every section are found again with
 * tagKnownEntities (whole words, leftmost-longest) over the library's entities and the new ones.
 */
export function applyEntityDecisions(
  briefing: Briefing,
  library: ReadonlyMap<string, Entity>,
  proposals: readonly EntityProposal[],
  decisions: readonly EntityDecision[]
): AppliedDecisions | { error: string } {
  const pending = new Map(proposals.map((p) => [p.name, p]))
  const decided = new Set<string>()
  const entities = new Map(library)
  const surfaces = new Set([...library.values()].flatMap((e) => [e.name, ...e.aliases]))
  const created = new Map<string, Entity>()
  const changed = new Set<string>()
  const counts = { accepted: 0, merged: 0, rejected: 0 }

  for (const decision of decisions) {
    if (!pending.has(decision.name) || decided.has(decision.name)) {
      return { error: `“${decision.name}” is not among the entities to review (any more).` }
    }
    decided.add(decision.name)
    if (decision.action === 'reject') {
      counts.rejected++
    } else if (decision.action === 'merge') {
      const target = entities.get(decision.into)
      if (!target) return { error: `There is no entity “${decision.into}” to merge with.` }
      if (target.name !== decision.name && !target.aliases.includes(decision.name)) {
        entities.set(target.id, { ...target, aliases: [...target.aliases, decision.name] })
      }
      changed.add(target.id)
      counts.merged++
    } else {
      const name = decision.as.name.normalize('NFC').replace(/\s+/g, ' ').trim()
      if (surfaces.has(name)) {
        const known = [...library.values()].find((e) => e.name === name || e.aliases.includes(name))
        return {
          error: `“${name}” is already the library’s entity “${known?.name ?? name}”: merge with it instead.`
        }
      }
      const aliases = name === decision.name ? [] : [decision.name]
      const same = created.get(name)
      if (same && same.kind !== decision.as.kind) {
        return { error: `“${name}” was accepted twice, as ${same.kind} and ${decision.as.kind}.` }
      }
      if (same) {
        same.aliases.push(...aliases.filter((a) => !same.aliases.includes(a)))
      } else {
        const entity: Entity = {
          id: uniqueId(name, entities),
          kind: decision.as.kind,
          name,
          aliases
        }
        created.set(name, entity)
        entities.set(entity.id, entity)
      }
      counts.accepted++
    }
  }

  const known = [...entities.values()]
  const tagged: Briefing = {
    ...briefing,
    sections: briefing.sections.map((s) => ({ ...s, mentions: tagKnownEntities(s.text, known) }))
  }
  for (const entity of created.values()) changed.add(entity.id)
  const cited = new Set(tagged.sections.flatMap((s) => s.mentions.map((m) => m.entity)))
  const nowKnown = new Set(known.flatMap((e) => [e.name, ...e.aliases]))
  return {
    briefing: tagged,
    entities,
    fileEntities: known.filter((e) => cited.has(e.id) || changed.has(e.id)),
    remaining: proposals.filter((p) => !decided.has(p.name) && !nowKnown.has(p.name)),
    ...counts,
    mentionsBefore: mentionCount(briefing),
    mentionsAfter: mentionCount(tagged)
  }
}

/** A kebab-case id from the name ("entity" when nothing is left), -2, -3 … when taken. */
function uniqueId(name: string, taken: ReadonlyMap<string, Entity>): string {
  const base = kebabCase(name) || 'entity'
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

function mentionCount(briefing: Briefing): number {
  return briefing.sections.reduce((sum, s) => sum + s.mentions.length, 0)
}
