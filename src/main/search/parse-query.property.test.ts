// The parser's fast path for a bare word or `field:word` must give exactly the clauses lunr's
// own QueryParser gives for the same text, and decline everything else it cannot be sure of.

import fc from 'fast-check'
import lunr from 'lunr'
import { describe, expect, it } from 'vitest'

import { simpleClauses } from './parse-query'
import { SEARCH_FIELDS } from './section-index'

interface QueryParserConstructor {
  new (query: string, into: lunr.Query): { parse(): lunr.Query }
}
const QueryParser = (lunr as unknown as { QueryParser: QueryParserConstructor }).QueryParser

function lunrClauses(text: string): lunr.Query.Clause[] | 'error' {
  const query = new lunr.Query([...SEARCH_FIELDS])
  try {
    new QueryParser(text, query).parse()
  } catch {
    return 'error'
  }
  return query.clauses
}

// Words, field names (known, unknown, capitalised) and every character lunr's syntax gives meaning.
const pieces = fc.constantFrom(
  'japan',
  'Kishida',
  'e5',
  'x',
  'heading',
  'Heading',
  'person',
  'nosuch',
  ':',
  '*',
  '~1',
  '^2',
  '+',
  '-',
  ' ',
  '"',
  'é'
)
const queries = fc.array(pieces, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''))

describe('simpleClauses', () => {
  it("equals lunr's QueryParser wherever it answers, key order included", () => {
    fc.assert(
      fc.property(queries, (text) => {
        const fast = simpleClauses(text, SEARCH_FIELDS)
        if (fast === undefined) return
        const parsed = lunrClauses(text)
        expect(parsed).not.toBe('error')
        expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed))
        expect(fast).toEqual(parsed)
      }),
      { numRuns: 2000 }
    )
  })

  it('answers for a bare word and a known field with a word, and declines the rest', () => {
    expect(simpleClauses('Japan', SEARCH_FIELDS)).toHaveLength(1)
    expect(simpleClauses('heading:Japan', SEARCH_FIELDS)?.[0]?.fields).toEqual(['heading'])
    for (const text of ['nosuch:japan', 'japan*', 'japan~1', '+japan', 'a b', 'a-b', 'é', '']) {
      expect(simpleClauses(text, SEARCH_FIELDS), text).toBeUndefined()
    }
  })
})
