// The loaded, validated library held by main: every briefing and the entity records they cite.

import type { Briefing, Entity } from '../../shared/dataset'

export interface Library {
  /** Entity records by id, from all loaded dataset files. */
  entities: ReadonlyMap<string, Entity>
  /** Briefings in library order (by file, then as listed in the file). */
  briefings: readonly Briefing[]
}

/** The library as it is now, swapped as a whole when imported briefings change. */
export interface LibraryState {
  readonly library: Library
  /** Ids of briefings imported into the profile (the bundled ones are read-only). */
  readonly imported: ReadonlySet<string>
  /**
   * Swaps in a new library (after its files changed on disk) and resolves once the search index
   * process has made the changed briefings searchable.
   */
  replaceLibrary(library: Library, imported: ReadonlySet<string>): Promise<void>
}

/**
 * Ids of the briefings added, replaced (a new object: its file was written) or removed from
 * `before` to `after`: what the search index has to read again.
 */
export function changedBriefings(before: Library, after: Library): string[] {
  const known = new Map(before.briefings.map((b) => [b.id, b]))
  const changed: string[] = []
  for (const briefing of after.briefings) {
    if (known.get(briefing.id) !== briefing) changed.push(briefing.id)
    known.delete(briefing.id)
  }
  return [...changed, ...known.keys()]
}
