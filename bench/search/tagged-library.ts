// The bench's library shaped as the app's imports leave it: capitalised words stand in for names,
// tagged as entity mentions, each file listing the entities it cites. The Brown corpus has none,
// so that main holds what a real library holds: a WeakMap entry per entity record paused main
// 261 ms at 50k here (bench/results.md), which the plain corpus never showed.

import type { Briefing, Entity, EntityKind, Mention } from '../../src/shared/dataset'
import { ENTITY_KINDS } from '../../src/shared/dataset'
import { buildInAppMain, type AppMainReport } from './app-main'
import { removeBenchFolders, writeBenchFolders, type BenchFolders } from './dataset-files'

/** Mentions tagged per section at most (the bundled briefing's sections have 8.3 on average). */
export const MENTIONS_PER_SECTION = 9

/**
 * A run of capitalised words ("Fulton County Grand Jury"). A stand-in for a name finder: it also
 * takes a sentence's first word ("The"), which changes the words, not how many records main holds.
 */
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

/** Writes the tagged library to folders of its own: the mentions and records they hold. */
function writeTagged(briefings: readonly Briefing[]): {
  folders: BenchFolders
  mentions: number
  records: number
} {
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
  return { folders, mentions, records }
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
  // Written by a function of its own: the tagged copy (1.8 M mentions at 200k) is garbage by the
  // time the build is watched, not held by the bench process beside the main it measures.
  const { folders, mentions, records } = writeTagged(briefings)
  try {
    const { datasetDir, userDataDir } = folders
    const report = await buildInAppMain({ datasetDir, userDataDir, indexEntry }, timeoutMs)
    return { ...report, mentions, records }
  } finally {
    removeBenchFolders(folders)
  }
}
