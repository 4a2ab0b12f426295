// What a planned query asks of one shard before any posting is read: the term × field slots each
// clause looks at and each slot's share of the score. It depends on the query and the shard's
// terms alone, so a plan (cached per query text) keeps it per shard instead of redoing it per query.

import lunr from 'lunr'

import type { Expander, ScoringClause } from './posting-query'
import type { PostingIndex } from './posting-index'

const { REQUIRED, PROHIBITED } = lunr.Query.presence

export interface ShardQuery {
  /** Per clause, the term × field + field slots it looks at, in lunr's order. */
  clauseSlots: readonly (readonly number[])[]
  /** How many clauses are required, and whether any is prohibited. */
  required: number
  prohibits: boolean
  /** Every clause prohibited: lunr then matches every other document. */
  negated: boolean
  /** The slots weighed, ascending, and each one's factor (query weight over field magnitude). */
  weighed: Int32Array
  factors: Float64Array
  /** The weighed slots that have postings (for matchedTerms), and their postings in all. */
  slots: readonly number[]
  postings: number
  /** Terms matched, by the mask of `slots` a document has (see sharedMatchedTerms). */
  termsByMask: Map<number, ReadonlyMap<string, ReadonlySet<string>>>
  /**
   * The same, by what they hold, for every shard of the plan (their hits then share one map);
   * undefined where the ShardQuery is not kept.
   */
  sameTerms: Map<string, ReadonlyMap<string, ReadonlySet<string>>> | undefined
}

// Kept per plan and shard only when this small: a prefix such as `a*` weighs thousands of slots.
const KEPT_SLOTS_LIMIT = 256

/** What a plan keeps: its ShardQuery per shard, and the term maps its shards' hits share. */
interface KeptPlan {
  byIndex: WeakMap<PostingIndex, ShardQuery>
  sameTerms: Map<string, ReadonlyMap<string, ReadonlySet<string>>>
}

const kept = new WeakMap<readonly ScoringClause[], KeptPlan>()

/**
 * The ShardQuery of `clauses` on `index`, from memory when the clauses are a plan's (frozen, so
 * they cannot change) and none of their words is expanded by `expander` (its expansions depend
 * on the shards loaded and on the library's words, which change).
 */
export function shardQueryOf(
  index: PostingIndex,
  clauses: readonly ScoringClause[],
  expander: Expander
): ShardQuery {
  const plan = kept.get(clauses)
  const known = plan?.byIndex.get(index)
  if (known) return known
  const made = makeShardQuery(index, clauses, expander)
  // Not kept, it is made again by the next query: sharing its maps would cost more than it saves.
  // Prohibited slots are looked at but not weighed: `harbour -s*` counts them all.
  const looked = made.clauseSlots.reduce((sum, slots) => sum + slots.length, 0)
  if (Math.max(made.weighed.length, looked) > KEPT_SLOTS_LIMIT || !Object.isFrozen(clauses))
    return made
  if (clauses.some(needsExpander)) return made
  const held = plan ?? { byIndex: new WeakMap(), sameTerms: new Map() }
  if (!plan) kept.set(clauses, held)
  made.sameTerms = held.sameTerms
  held.byIndex.set(index, made)
  return made
}

function makeShardQuery(
  index: PostingIndex,
  clauses: readonly ScoringClause[],
  expander: Expander
): ShardQuery {
  const fieldCount = index.fields.length
  const fieldNumber = fieldNumbers(index)
  // Query weight per term-field slot: lunr adds a clause's boost for each term it expands to.
  const weight = new Map<number, number>()
  const clauseSlots: number[][] = []
  let required = 0
  for (const { clause, terms } of clauses) {
    const fields: number[] = []
    for (const name of clause.fields) {
      const field = fieldNumber.get(name)
      if (field !== undefined) fields.push(field)
    }
    if (clause.presence === REQUIRED) required += 1
    const typed = terms.length === 1 && clause.usePipeline ? clause.term : undefined
    const slots: number[] = []
    for (const term of terms) {
      const ids = expand(index, clause, term, expander, typed)
      // lunr: a required term that matches nothing leaves no document (the count stays short).
      if (ids.length === 0 && clause.presence === REQUIRED) break
      for (const id of ids) {
        for (const field of fields) {
          const at = id * fieldCount + field
          slots.push(at)
          if (clause.presence !== PROHIBITED) weight.set(at, (weight.get(at) ?? 0) + clause.boost)
        }
      }
    }
    clauseSlots.push(slots)
  }
  const magnitude = new Float64Array(fieldCount)
  for (const [at, w] of weight) magnitude[at % fieldCount]! += w * w
  const weighed = new Int32Array(weight.size)
  let w = 0
  for (const at of weight.keys()) weighed[w++] = at
  weighed.sort()
  const factors = new Float64Array(weighed.length)
  const slots: number[] = []
  let postings = 0
  weighed.forEach((at, i) => {
    const norm = Math.sqrt(magnitude[at % fieldCount]!)
    // lunr turns a field score that is not a number (an infinite boost: ∞/∞) into 0.
    factors[i] = norm > 0 ? weight.get(at)! / norm || 0 : 0
    const count = index.offsets[at + 1]! - index.offsets[at]!
    if (count > 0) slots.push(at)
    postings += count
  })
  const prohibited = clauses.filter((c) => c.clause.presence === PROHIBITED).length
  return {
    clauseSlots,
    required,
    prohibits: prohibited > 0,
    negated: clauses.length > 0 && prohibited === clauses.length,
    weighed,
    factors,
    slots,
    postings,
    termsByMask: new Map(),
    // Set where the ShardQuery is kept (written now so every ShardQuery has the same shape).
    sameTerms: undefined
  }
}

/** Whether one of the clause's terms is expanded by the query's expander. */
function needsExpander({ clause, terms }: ScoringClause): boolean {
  return terms.some((term) => howExpanded(clause, term) === 'expander')
}

/** How a term is looked up: as it is, as a prefix, or through the expander (fuzzy, `*` inside). */
function howExpanded(
  clause: ScoringClause['clause'],
  term: string
): 'term' | 'prefix' | 'expander' {
  const fuzzy = 'editDistance' in clause
  const stars = term.includes('*') ? term.split('*').length - 1 : 0
  if (stars === 0 && (!fuzzy || clause.editDistance === 0)) return 'term'
  return !fuzzy && stars === 1 && term.endsWith('*') ? 'prefix' : 'expander'
}

/** The index terms one (pipeline-processed) term of a clause stands for. */
function expand(
  index: PostingIndex,
  clause: ScoringClause['clause'],
  term: string,
  expander: Expander,
  typed: string | undefined
): number[] {
  const how = howExpanded(clause, term)
  if (how === 'term') {
    const id = index.termId(term)
    return id === undefined ? [] : [id]
  }
  if (how === 'prefix') return index.withPrefix(term.slice(0, -1))
  const ids: number[] = []
  for (const expanded of expander({ ...clause, term }, typed)) {
    const id = index.termId(expanded)
    if (id !== undefined) ids.push(id)
  }
  return ids
}

// Each index's field numbers by name, made on its first query rather than on every one.
const fieldNumbersOf = new WeakMap<PostingIndex, ReadonlyMap<string, number>>()

function fieldNumbers(index: PostingIndex): ReadonlyMap<string, number> {
  let numbers = fieldNumbersOf.get(index)
  if (!numbers) {
    numbers = new Map(index.fields.map((field, i) => [field, i]))
    fieldNumbersOf.set(index, numbers)
  }
  return numbers
}
