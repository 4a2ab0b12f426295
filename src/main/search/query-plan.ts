// Turns an analyst's query into what each shard runs: lunr clauses (phrases as required words,
// plus an exact-form twin of every prefix or fuzzy word so exact matches rank first) and the
// phrases every hit must then contain.

import lunr from 'lunr'

import { checkQueryLength, parseQuery } from './parse-query'
import { scoringClauses } from './posting-query'
import type { ScoringClause } from './posting-query'
import type { Phrase } from './phrases'
import { extractPhrases } from './phrases'
import { SEARCH_FIELDS } from './section-index'

/** How much more a word found as typed weighs than the words a prefix or fuzzy match expands to. */
export const EXACT_BOOST = 10

/** lunr's clause; @types/lunr lacks `presence` (+required / -prohibited). */
export type Clause = lunr.Query.Clause & { presence?: number }

export interface QueryPlan {
  clauses: Clause[]
  /** The clauses completed and run through the pipeline once, for every shard to match. */
  scoring: ScoringClause[]
  phrases: Phrase[]
  /** Index terms that come only from phrases: marked where the phrase stands, not everywhere. */
  phraseOnlyTerms: ReadonlySet<string>
}

/**
 * Plans `queryString`, or throws AppError('query-syntax') with a message for the analyst. A plan
 * with no clauses means nothing searchable is left (only stop words, say): no hits.
 */
export function planQuery(queryString: string, pipeline: lunr.Pipeline): QueryPlan {
  // The limit applies to what was typed: spelling phrases out makes the text lunr parses longer.
  checkQueryLength(queryString)
  // The same text is planned again and again (a page turned, a filter picked, a facet opened):
  // planning with lunr's parser and pipeline is a fixed cost per query worth skipping.
  let known = plans.get(pipeline)
  if (!known) {
    known = new Map()
    plans.set(pipeline, known)
  }
  let plan = known.get(queryString)
  if (plan) {
    // Most recently used last: the oldest is dropped first.
    known.delete(queryString)
  } else {
    plan = freezePlan(makePlan(queryString, pipeline))
    if (known.size >= PLAN_CACHE_LIMIT) known.delete(known.keys().next().value!)
  }
  known.set(queryString, plan)
  return plan
}

// Plans by query text, per pipeline; a query that throws is not kept (it throws again).
const plans = new WeakMap<lunr.Pipeline, Map<string, QueryPlan>>()
const PLAN_CACHE_LIMIT = 256

/** A plan is shared by every query of its text: frozen, so no caller can change it for the next. */
function freezePlan(plan: QueryPlan): QueryPlan {
  for (const clause of plan.clauses) Object.freeze(clause)
  for (const scoring of plan.scoring) {
    Object.freeze(scoring.clause)
    Object.freeze(Object.freeze(scoring).terms)
  }
  for (const phrase of plan.phrases) Object.freeze(phrase)
  Object.freeze(plan.clauses)
  Object.freeze(plan.scoring)
  Object.freeze(plan.phrases)
  return Object.freeze(plan)
}

function makePlan(queryString: string, pipeline: lunr.Pipeline): QueryPlan {
  const { query, phrases } = extractPhrases(queryString)
  const clauses: Clause[] = parseQuery(query, SEARCH_FIELDS, pipeline)
  const exact = clauses.flatMap((clause) => exactTwin(clause, pipeline))
  const all = [...clauses, ...exact]
  return {
    clauses: all,
    scoring: scoringClauses(all, SEARCH_FIELDS, pipeline),
    phrases,
    phraseOnlyTerms: phraseOnly(queryString, phrases, pipeline)
  }
}

/** For `milit*` or `japn~1`, an optional clause for the word itself, boosted. */
function exactTwin(clause: Clause, pipeline: lunr.Pipeline): Clause[] {
  const fuzzy = (clause.editDistance ?? 0) > 0
  const prefix = clause.term.endsWith('*')
  if (!fuzzy && !prefix) return []
  if (clause.presence === lunr.Query.presence.PROHIBITED) return []
  const term = clause.term.replace(/\*+$/, '')
  // A wildcard inside the word ("mil*ry") has no single exact form.
  if (term.includes('*') || !pipeline.runString(term).some((t) => t !== '')) return []
  return [
    {
      term,
      fields: clause.fields,
      boost: (clause.boost ?? 1) * EXACT_BOOST,
      usePipeline: true,
      wildcard: lunr.Query.wildcard.NONE,
      editDistance: 0,
      presence: lunr.Query.presence.OPTIONAL
    }
  ]
}

/** Terms of the phrases' words that no other word of the query asks for. */
function phraseOnly(queryString: string, phrases: Phrase[], pipeline: lunr.Pipeline): Set<string> {
  const terms = new Set(phrases.flatMap((p) => p.words.flatMap((w) => pipeline.runString(w))))
  if (terms.size === 0) return terms
  const rest = queryString.replace(/(?:[A-Za-z]+:)?"[^"]*"/g, ' ').replaceAll('"', ' ')
  for (const word of rest.split(/[\s-]+/)) {
    const bare = word
      .replace(/^[+-]/, '')
      .replace(/^[A-Za-z]+:/, '')
      .replace(/[~^].*$/, '')
    for (const term of pipeline.runString(bare.toLowerCase())) terms.delete(term)
  }
  terms.delete('')
  return terms
}
