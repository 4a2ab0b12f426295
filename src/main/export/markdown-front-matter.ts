// YAML front matter of Markdown exports, written with the `yaml` package so any title, tag or
// name is quoted correctly and parses back to the same value (Obsidian reads it as properties).

import { stringify } from 'yaml'

import { ENTITY_KINDS } from '../../shared/dataset'
import type { Briefing, Entity, EntityKind } from '../../shared/dataset'
import type { MarkdownExportInput } from './markdown-export'

// No folding, and no block scalars: yaml's `|+` loses a first line of only spaces (" \n").
const YAML_OPTIONS = { lineWidth: 0, blockQuote: false } as const

/** Names of the entities mentioned in the briefing, by kind, in order of first mention. */
export function entitiesByKind(
  briefing: Briefing,
  entities: readonly Entity[]
): Partial<Record<EntityKind, string[]>> {
  const byId = new Map(entities.map((e) => [e.id, e]))
  const seen = new Set<string>()
  const names: Record<EntityKind, string[]> = {
    person: [],
    organisation: [],
    place: [],
    programme: []
  }
  for (const mention of briefing.sections.flatMap((s) => s.mentions)) {
    const entity = byId.get(mention.entity)
    if (!entity || seen.has(entity.id)) continue
    seen.add(entity.id)
    names[entity.kind].push(entity.name)
  }
  return Object.fromEntries(
    ENTITY_KINDS.filter((k) => names[k].length > 0).map((k) => [k, names[k]])
  )
}

/** What the front matter says about one briefing. */
function briefingFields(
  input: MarkdownExportInput,
  includeEntities: boolean
): Record<string, unknown> {
  const { briefing } = input
  return {
    title: briefing.title,
    source: briefing.source,
    published: briefing.published,
    briefing_id: briefing.id,
    dataset_version: input.datasetHash,
    tags: briefing.tags,
    ...(includeEntities ? { entities: entitiesByKind(briefing, input.entities) } : {})
  }
}

const block = (data: Record<string, unknown>): string => `---\n${stringify(data, YAML_OPTIONS)}---`

/** Front matter of one briefing's export: title, source, published, ids, time, tags, entities. */
export function briefingFrontMatter(input: MarkdownExportInput, includeEntities: boolean): string {
  const { tags, entities, ...fields } = briefingFields(input, includeEntities)
  return block({
    ...fields,
    exported_at: input.exportedAt,
    tags,
    ...(entities ? { entities } : {})
  })
}

/** Front matter of several briefings in one file: the file's title and time, then each briefing. */
export function combinedFrontMatter(
  inputs: readonly MarkdownExportInput[],
  includeEntities: boolean,
  file: { title: string; exportedAt: string }
): string {
  return block({
    title: file.title,
    exported_at: file.exportedAt,
    tags: [...new Set(inputs.flatMap((i) => i.briefing.tags))],
    briefings: inputs.map((i) => briefingFields(i, includeEntities))
  })
}
