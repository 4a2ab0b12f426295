// Which briefings each shard holds. The bundled dataset is one shard; imported briefings go to a
// small "recent" shard that rebuilds fast after an import and, once it grows past a limit, is
// folded into batches of a few thousand sections that rarely change.

/** Shard name → briefing ids, persisted so a restart keeps shards (and their caches) stable. */
export type Manifest = Record<string, string[]>

export const BUNDLED_SHARD = 'bundled'
export const RECENT_SHARD = 'recent'
/** The recent shard is folded into batches once it holds more sections than this. */
export const RECENT_SECTIONS = 400
/** Batches are filled up to this many sections (a few seconds of lunr build each). */
export const BATCH_SECTIONS = 3000

export interface PlanInput {
  bundled: readonly string[]
  /** Imported briefing ids in library order. */
  imported: readonly string[]
  sections: ReadonlyMap<string, number>
  /** Briefings whose content changed since the shards were built: moved to the recent shard. */
  changed: ReadonlySet<string>
  /** Shard sizes in sections (tests use small ones). */
  limits?: ShardLimits
}

export interface ShardLimits {
  recent: number
  batch: number
}

export function planShards(previous: Manifest, input: PlanInput): Manifest {
  const present = new Set(input.imported)
  const plan: Manifest = { [BUNDLED_SHARD]: [...input.bundled] }
  const placed = new Set<string>()
  const batches = Object.keys(previous)
    .filter((name) => name.startsWith('batch-'))
    .sort((a, b) => batchNumber(a) - batchNumber(b))
  for (const name of batches) {
    const members = (previous[name] ?? []).filter(
      (id) => present.has(id) && !input.changed.has(id) && !placed.has(id)
    )
    for (const id of members) placed.add(id)
    if (members.length > 0) plan[name] = members
  }
  const recent = [...(previous[RECENT_SHARD] ?? []), ...input.imported].filter((id) => {
    if (!present.has(id) || placed.has(id)) return false
    placed.add(id)
    return true
  })
  const count = (ids: readonly string[]) =>
    ids.reduce((sum, id) => sum + (input.sections.get(id) ?? 0), 0)
  const limits = input.limits ?? { recent: RECENT_SECTIONS, batch: BATCH_SECTIONS }
  if (count(recent) <= limits.recent) {
    if (recent.length > 0) plan[RECENT_SHARD] = recent
    return plan
  }
  // Fold the recent shard into the last batch while it has room, then into new batches.
  let name = batches.filter((b) => plan[b]).at(-1) ?? nextBatch(plan)
  for (const id of recent) {
    const members = plan[name] ?? []
    const size = input.sections.get(id) ?? 0
    if (members.length > 0 && count(members) + size > limits.batch) {
      name = nextBatch(plan)
      plan[name] = [id]
    } else {
      plan[name] = [...members, id]
    }
  }
  return plan
}

function batchNumber(name: string): number {
  return Number(name.slice('batch-'.length)) || 0
}

function nextBatch(plan: Manifest): string {
  const used = Object.keys(plan)
    .filter((n) => n.startsWith('batch-'))
    .map(batchNumber)
  return `batch-${Math.max(0, ...used) + 1}`
}

/** Whether two shards list the same briefings in the same content. */
export function sameMembers(
  a: ReadonlyMap<string, string>,
  b: ReadonlyMap<string, string>
): boolean {
  if (a.size !== b.size) return false
  for (const [id, hash] of a) if (b.get(id) !== hash) return false
  return true
}
