// The bench's library as the app's imports leave it: each section's capitalised names tagged as
// entity mentions, each file listing the entities it cites. The Brown corpus has none, and main
// holds what a real library has: a pause that only such a library shows (a WeakMap entry per
// entity record once paused main 194-322 ms at 50k) would go unseen on the plain corpus.

import type { Briefing, Entity, EntityKind, Mention } from '../../src/shared/dataset'
import { ENTITY_KINDS } from '../../src/shared/dataset'
import { buildInAppMain, type AppMainReport } from './app-main'
import { removeBenchFolders, writeBenchFolders } from './dataset-files'

/** Mentions tagged per section at most (the bundled briefing's sections have about ten). */
export const MENTIONS_PER_SECTION = 9

/** A run of capitalised words ("Fulton County Grand Jury"), as a name finder would propose. */
const NAME = /\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})*\b/g

export interface TaggedReport extends AppMainReport {
  mentions: number
  /** Entity records across the files (one per file and entity it cites). */
  records: number
}

/** The briefing with its names tagged, and the entities its file lists. */
export function tagged(briefing: Briefing): { briefing: Briefing; entities: Entity[] } {
  const entities = new Map<string, Entity>()
  const sections = briefing.sections.map((section) => {
    const mentions: Mention[] = []
    for (const found of section.text.matchAll(NAME)) {
      if (mentions.length === MENTIONS_PER_SECTION) break
      const name = found[0]
      const id = `bench-${name.toLowerCase().replace(/ /g, '-')}`
      entities.set(id, { id, kind: kindOf(name), name, aliases: [] })
      mentions.push({ start: found.index, end: found.index + name.length, entity: id, text: name })
    }
    return { ...section, mentions }
  })
  return { briefing: { ...briefing, sections }, entities: [...entities.values()] }
}

/** A kind that depends on the name alone, so every file lists an entity alike. */
function kindOf(name: string): EntityKind {
  let sum = 0
  for (let i = 0; i < name.length; i++) sum += name.charCodeAt(i)
  return ENTITY_KINDS[sum % ENTITY_KINDS.length]!
}

/**
 * Builds the index from nothing from an app-like main holding the tagged library, in folders of
 * its own (removed after), and answers main's figures with the mentions and records it held.
 */
export async function taggedMainBuild(
  briefings: readonly Briefing[],
  indexEntry: string | undefined,
  timeoutMs: number
): Promise<TaggedReport> {
  const entities = new Map<Briefing, Entity[]>()
  let mentions = 0
  let records = 0
  for (const briefing of briefings) {
    const one = tagged(briefing)
    mentions += one.briefing.sections.reduce((n, s) => n + s.mentions.length, 0)
    records += one.entities.length
    entities.set(one.briefing, one.entities)
  }
  const folders = writeBenchFolders([...entities.keys()], (briefing) => entities.get(briefing)!)
  try {
    const { datasetDir, userDataDir } = folders
    const report = await buildInAppMain({ datasetDir, userDataDir, indexEntry }, timeoutMs)
    return { ...report, mentions, records }
  } finally {
    removeBenchFolders(folders)
  }
}
