// Parses an analyst's query with lunr's own parser, refuses what lunr would choke on, and drops
// terms the search pipeline removes entirely (stop words, bare punctuation).

import lunr from 'lunr'

import { AppError } from '../errors'
import { querySyntaxError, translateParseError } from './query-errors'

/** Longest query accepted, as typed; the IPC contract has the same limit. */
export const MAX_QUERY_LENGTH = 1000
/**
 * Longest text lunr is given once phrases are spelled out as required words ("a b" becomes
 * "+a +b", `place:"a b"` becomes "+place:a +place:b", syntax characters escaped): up to about
 * seven times the typed length, so a query within MAX_QUERY_LENGTH never reaches this.
 */
export const MAX_PARSED_QUERY_LENGTH = 8 * MAX_QUERY_LENGTH
/** Largest "~n": lunr's fuzzy automaton grows steeply with the edit distance. */
export const MAX_EDIT_DISTANCE = 2
/** Longest word a fuzzy match may be asked for (its automaton grows with the length too). */
export const MAX_FUZZY_TERM_LENGTH = 30
/** Most wildcard or fuzzy words in one query: each one walks a slice of the term dictionary. */
export const MAX_EXPANDING_TERMS = 10

/** lunr's parser is public API but missing from @types/lunr. */
interface QueryParserConstructor {
  new (query: string, into: lunr.Query): { parse(): lunr.Query }
}
const QueryParser = (lunr as unknown as { QueryParser: QueryParserConstructor }).QueryParser

/** Refuses a query longer than the analyst may type, saying the limit. */
export function checkQueryLength(typed: string): void {
  if (typed.length > MAX_QUERY_LENGTH) {
    throw new AppError(
      'query-syntax',
      `Search queries can be at most ${MAX_QUERY_LENGTH.toLocaleString('en')} characters long.`
    )
  }
}

/**
 * Parses `queryString` (the typed query with its phrases spelled out as words, see
 * extractPhrases) for an index with `fields` and returns the clauses to run, or throws
 * AppError('query-syntax') with a message for the analyst. An empty array means nothing is left
 * to search for (e.g. only stop words) and the query has no hits.
 */
export function parseQuery(
  queryString: string,
  fields: readonly string[],
  pipeline: lunr.Pipeline
): lunr.Query.Clause[] {
  if (queryString.length > MAX_PARSED_QUERY_LENGTH) {
    throw querySyntaxError(
      queryString,
      'its quoted phrases hold too many words; use fewer phrases.'
    )
  }
  const simple = simpleClauses(queryString, fields)
  if (simple) return simple.filter((clause) => keepsTerm(pipeline, clause.term))
  const query = new lunr.Query([...fields])
  try {
    new QueryParser(queryString, query).parse()
  } catch (error) {
    if (error instanceof lunr.QueryParseError) {
      throw translateParseError(queryString, error, fields)
    }
    throw querySyntaxError(queryString, 'check the search syntax (e.g. person:kishida milit*).')
  }
  checkClauses(queryString, query.clauses)
  return query.clauses.filter((clause) => !clause.usePipeline || keepsTerm(pipeline, clause.term))
}

// One word of ASCII letters and digits, maybe after a field name: most queries typed.
const SIMPLE_QUERY = /^(?:([a-z]+):)?([A-Za-z0-9]+)$/

/**
 * The clauses lunr's parser makes of a single bare word or `field:word` (a known field), made
 * without running its lexer and parser; undefined for any other query. Nothing in it can be
 * wrong (no "*", "~", "^", "+" or "-", no separator), so there is nothing to check either.
 */
export function simpleClauses(
  queryString: string,
  fields: readonly string[]
): lunr.Query.Clause[] | undefined {
  const simple = SIMPLE_QUERY.exec(queryString)
  if (!simple) return undefined
  const [, field, word] = simple
  if (field !== undefined && !fields.includes(field)) return undefined
  const query = new lunr.Query([...fields])
  // Built in the order lunr's parser sets the keys, so even the objects' key order is the same.
  const clause: Partial<lunr.Query.Clause> = {}
  if (field !== undefined) clause.fields = [field]
  clause.term = word!.toLowerCase()
  query.clause(clause as lunr.Query.Clause)
  return query.clauses
}

/**
 * Whether anything searchable is left of `term` after the pipeline. A term it removes (a stop
 * word) must not reach lunr: as a required term ("+the") it crashes lunr's query, whose
 * required-match set is then never created. The trimmer leaves "" of bare punctuation rather
 * than removing it; "" never matches, so as "+," it would empty every result.
 */
function keepsTerm(pipeline: lunr.Pipeline, term: string): boolean {
  return pipeline.runString(term).some((processed) => processed !== '')
}

function checkClauses(queryString: string, clauses: readonly lunr.Query.Clause[]): void {
  let expanding = 0
  for (const clause of clauses) {
    const term = clause.term
    // Absent unless the query had "~n".
    const fuzzy = (clause.editDistance ?? 0) > 0
    if (term.startsWith('*')) {
      // A leading wildcard walks the whole term dictionary: it hangs lunr on a large index.
      throw querySyntaxError(
        queryString,
        `a word can't start with "*"; put the wildcard after a few letters (e.g. milit*).`
      )
    }
    if (fuzzy && clause.editDistance > MAX_EDIT_DISTANCE) {
      throw querySyntaxError(
        queryString,
        `fuzzy matches allow at most ${MAX_EDIT_DISTANCE} changes (e.g. japn~1).`
      )
    }
    if (fuzzy && term.length > MAX_FUZZY_TERM_LENGTH) {
      throw querySyntaxError(
        queryString,
        `fuzzy matching ("~") works on words of up to ${MAX_FUZZY_TERM_LENGTH} characters.`
      )
    }
    if (fuzzy || term.includes('*')) expanding += 1
  }
  if (expanding > MAX_EXPANDING_TERMS) {
    throw querySyntaxError(
      queryString,
      `use at most ${MAX_EXPANDING_TERMS} wildcard ("*") or fuzzy ("~") words in one search.`
    )
  }
}
