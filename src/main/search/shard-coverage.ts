// Which briefings the loaded shards hold in their current content, and from that: the index
// status, the next shard to load, the loaded shards that are no longer needed, and the briefings
// a planned shard holds in another version.

import type { IndexStatus } from '../../shared/search'
import { shardKey } from './search-view'
import { RECENT_SHARD, sameMembers } from './shard-plan'
import type { Manifest } from './shard-plan'
import type { LoadedShard } from './text-search'

/** A planned shard: its name, the cache key of its content, and briefing id → content hash. */
export interface Target {
  name: string
  key: string
  members: Map<string, string>
}

type Hashes = ReadonlyMap<string, string>
type Loaded = ReadonlyMap<string, LoadedShard>

/**
 * The shards `manifest` plans, each with its members' content hashes and cache key. A shard whose
 * members did not change since `previous` keeps its key (hashing every member's is not free).
 */
export function plannedTargets(
  manifest: Manifest,
  hashes: Hashes,
  previous: readonly Target[]
): Target[] {
  const before = new Map(previous.map((target) => [target.name, target]))
  return Object.entries(manifest).map(([name, ids]) => {
    const members = new Map(ids.map((id) => [id, hashes.get(id) ?? '']))
    const known = before.get(name)
    if (known && sameMembers(known.members, members)) return { ...known, members }
    return { name, key: shardKey(members), members }
  })
}

/** Whether a loaded shard holds the briefing's current content. */
export function isCovered(id: string, hashes: Hashes, loaded: Loaded): boolean {
  const hash = hashes.get(id)
  for (const shard of loaded.values()) if (shard.built.get(id) === hash) return true
  return false
}

export function coverageStatus(
  sectionCounts: ReadonlyMap<string, number>,
  hashes: Hashes,
  loaded: Loaded
): IndexStatus {
  // The briefings each loaded shard holds in their current content, found in one pass over the
  // shards: asked briefing by briefing (isCovered), a warm start of 50k sections spent a third of
  // its time here, as the status is counted again after each of its shards.
  const covered = new Set<string>()
  for (const shard of loaded.values()) {
    for (const [id, hash] of shard.built) if (hashes.get(id) === hash) covered.add(id)
  }
  let indexedSections = 0
  let totalSections = 0
  let pendingBriefings = 0
  for (const [id, count] of sectionCounts) {
    totalSections += count
    // A briefing without a hash (none in practice) is decided as isCovered decides it.
    const current = hashes.has(id) ? covered.has(id) : isCovered(id, hashes, loaded)
    if (current) indexedSections += count
    else pendingBriefings += 1
  }
  return { indexedSections, totalSections, pendingBriefings }
}

/**
 * The status as every query reports it: counted again only when the view, the loaded shards (by
 * their version) or the warm start's shards still to load changed. Those pending count as not
 * searchable yet, their sections and briefings added.
 */
export class StatusMemo {
  #known: { view: object; loaded: number; pending: number; value: IndexStatus } | undefined

  of(
    view: { sectionCounts: ReadonlyMap<string, number>; hashes: Hashes },
    loaded: Loaded & { readonly version: number },
    pending: ReadonlyMap<string, { sections: number; briefings: number }>
  ): IndexStatus {
    const known = this.#known
    if (known?.view === view && known.pending === pending.size && known.loaded === loaded.version) {
      return known.value
    }
    const value = coverageStatus(view.sectionCounts, view.hashes, loaded)
    for (const shard of pending.values()) {
      value.totalSections += shard.sections
      value.pendingBriefings += shard.briefings
    }
    this.#known = { view, loaded: loaded.version, pending: pending.size, value }
    return value
  }
}

/** The next shard to load: ones that make a pending briefing searchable first, smallest first. */
export function nextTarget(
  targets: readonly Target[],
  loaded: Loaded,
  failed: ReadonlySet<string>,
  hashes: Hashes
): Target | undefined {
  const missing = targets.filter((t) => !loaded.has(t.key) && !failed.has(t.key))
  const urgent = (t: Target) => [...t.members.keys()].some((id) => !isCovered(id, hashes, loaded))
  const size = (t: Target) => (t.name === RECENT_SHARD ? 0 : t.members.size)
  return missing.sort((a, b) => Number(urgent(b)) - Number(urgent(a)) || size(a) - size(b))[0]
}

/** Loaded shards no longer planned whose current content the planned ones hold. */
export function redundantShards(
  loaded: Loaded,
  planned: ReadonlySet<string>,
  hashes: Hashes
): string[] {
  return [...loaded]
    .filter(([key, shard]) => {
      if (planned.has(key)) return false
      return ![...shard.built].some(([id, hash]) => {
        if (hashes.get(id) !== hash) return false
        return ![...loaded].some(
          ([k, s]) => k !== key && planned.has(k) && s.built.get(id) === hash
        )
      })
    })
    .map(([key]) => key)
}

/** Briefings of a planned shard whose loaded index holds another version of them. */
export function changedSinceBuilt(
  targets: readonly Target[],
  loaded: Loaded,
  hashes: Hashes
): Set<string> {
  const changed = new Set<string>()
  for (const target of targets) {
    const shard = loaded.get(target.key)
    if (!shard) continue
    for (const id of target.members.keys()) {
      const now = hashes.get(id)
      if (now !== undefined && shard.built.get(id) !== now) changed.add(id)
    }
  }
  return changed
}
