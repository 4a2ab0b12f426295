// Turning a parsed briefing into one the library can hold: a unique id by the one briefing-id rule
// (briefing-id.ts) and the known entities tagged in its text; and which entity records it cites.

import { existsSync } from 'node:fs'
import { join } from 'node:path'

import type { Briefing, Entity } from '../../shared/dataset'
import { ANNOTATIONS_DIR } from '../annotations/store/layout'
import { LIBRARY_DIR } from '../library/library-loader'
import { claimPath } from '../library/staged-imports'
import { importedBriefingId } from './briefing-id'
import { tagKnownEntities } from './entity-tagging'

/**
 * A unique id, and the library's known entities tagged in every section. A dataset file keeps
 * its own mentions (its authors annotated it); a text, Markdown or HTML import gets them here.
 */
export function prepareBriefing(
  parsed: Briefing,
  keepMentions: boolean,
  known: Entity[],
  library: Briefing[],
  userDataDir: string,
  lost: ReadonlySet<string> = new Set()
): Briefing {
  const loaded = new Set(library.map((b) => b.id))
  // An id is also taken by a file on disk (a damaged import skipped at start), by annotations
  // left from a removed briefing (a new import must not overwrite or inherit either), by another
  // import's claim, or was `lost` to one claiming it first.
  const taken = {
    has: (id: string) =>
      loaded.has(id) ||
      lost.has(id) ||
      existsSync(join(userDataDir, LIBRARY_DIR, `${id}.json`)) ||
      existsSync(claimPath(userDataDir, id)) ||
      existsSync(join(userDataDir, ANNOTATIONS_DIR, id))
  }
  return {
    ...parsed,
    id: importedBriefingId(keepMentions ? parsed.id : undefined, parsed.title, taken),
    sections: parsed.sections.map((section) => ({
      ...section,
      mentions: keepMentions ? section.mentions : tagKnownEntities(section.text, known)
    }))
  }
}

/** The entities of `known` that `briefing` mentions: the records its dataset file carries. */
export function usedEntities(briefing: Briefing, known: Entity[]): Entity[] {
  const ids = new Set(briefing.sections.flatMap((s) => s.mentions.map((m) => m.entity)))
  return known.filter((e) => ids.has(e.id))
}
