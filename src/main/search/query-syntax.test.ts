// Query errors: every refusal is an AppError('query-syntax') with a sentence for the analyst.

import { describe, expect, it } from 'vitest'

import { AppError } from '../errors'
import { createLunrSearch } from '../../test-support/in-memory-search'
import { MAX_EXPANDING_TERMS, MAX_QUERY_LENGTH } from './parse-query'
import { quoteQuery } from './query-errors'
import {
  ASEAN_BRIEFING,
  expectWellFormed,
  QUAD_BRIEFING,
  testLibrary
} from '../../test-support/search-library'

const search = createLunrSearch(testLibrary())

/** The AppError a query rejects with (fails the test if it resolves or throws anything else). */
async function syntaxError(query: string): Promise<AppError> {
  const error = await search.search({ query }).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error, `"${query}" should be refused`).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe('query-syntax')
  return error as AppError
}

const FIELDS = 'briefing, heading, body, person, org, place, programme, tag'

describe('query syntax errors', () => {
  it('names the unknown field and lists the known ones', async () => {
    for (const query of ['title:', 'title:foo', 'kishida title:foo']) {
      expect((await syntaxError(query)).message).toBe(
        `Unknown field "title". Use one of: ${FIELDS}.`
      )
    }
    expect((await syntaxError('Person:kishida')).message).toMatch(/lower case/)
    expect((await syntaxError('10:30')).message).toMatch(/Unknown field "10".*10\\:30/)
  })

  it('explains each lunr parse error in words', async () => {
    const cases: [string, RegExp][] = [
      ['foo~~', /^Search couldn't read "foo~~": expected a number after "~" \(fuzzy.*japn~1\)\.$/],
      ['foo~', /expected a number after "~"/],
      ['foo^', /^Search couldn't read "foo\^": expected a number after "\^" \(boost/],
      ['^2', /"\^" must follow a word/],
      ['~1', /"~" must follow a word/],
      ['+', /^Search couldn't read "\+": expected a word right after "\+"/],
      ['-', /expected a word right after "-"/],
      ['japan +', /expected a word right after "\+"/],
      [':', /expected a field name before ":"/],
      ['heading:', /expected a word right after "heading:" \(e\.g\. heading:military\)/],
      ['person:', /e\.g\. person:kishida/],
      ['heading::x', /expected a word right after ":"/],
      ['+~1', /expected a word right after/]
    ]
    for (const [query, message] of cases) {
      expect((await syntaxError(query)).message, query).toMatch(message)
    }
  })

  it('refuses leading wildcards, which hang lunr on large indexes', async () => {
    for (const query of ['*', '*foo', 'japan *pan', 'person:*ida', '+*x', '\\*foo']) {
      expect((await syntaxError(query)).message, query).toMatch(/can't start with "\*".*milit\*/)
    }
  })

  it('refuses fuzzy matches that would be slow', async () => {
    expect((await syntaxError('japan~3')).message).toMatch(/at most 2 changes/)
    expect((await syntaxError('japan~99999999999999999999')).message).toMatch(/at most 2/)
    expect((await syntaxError(`${'x'.repeat(31)}~1`)).message).toMatch(/up to 30 characters/)
    const many = Array.from({ length: MAX_EXPANDING_TERMS + 1 }, (_, i) => `ja${i}*`).join(' ')
    expect((await syntaxError(many)).message).toMatch(/at most 10 wildcard/)
  })

  it('refuses queries longer than the IPC limit', async () => {
    const error = await syntaxError('japan '.repeat(MAX_QUERY_LENGTH))
    expect(error.message).toBe('Search queries can be at most 1,000 characters long.')
  })

  it('runs phrase queries up to the typed limit: spelling phrases out does not count', async () => {
    const words = 'South China Sea '.repeat(62)
    for (const query of [`"${words.trim()}"`, `place:"${'x y '.repeat(245).trim()}"`]) {
      expect(query.length).toBeGreaterThan(980)
      expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
      await expect(search.search({ query })).resolves.toBeDefined()
    }
    const over = `"${'South China Sea '.repeat(63)}"`
    expect((await syntaxError(over)).message).toBe(
      'Search queries can be at most 1,000 characters long.'
    )
  })

  it('quotes long or multi-line queries on one short line', () => {
    expect(quoteQuery('a\nb')).toBe('a b')
    expect(quoteQuery('x'.repeat(100))).toBe(`${'x'.repeat(60)}…`)
    expect(quoteQuery(`${'x'.repeat(59)}😀`)).toBe(`${'x'.repeat(59)}…`)
  })
})

const NASTY = [
  '日本',
  'Ελλάδα σ',
  'İstanbul',
  '😀',
  '😀😀😀 japan',
  'שלום עולם',
  '\u202ejapan\u202c',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\ud800',
  '\udc00japan',
  'ja\ud800pan~1',
  '\u0000',
  '\\',
  'japan\\',
  '\\\\:\\~',
  '!!!???...',
  '.,;:',
  '"japan"',
  "'japan'",
  '(japan)',
  'japan AND tokyo OR NOT modi',
  'constructor',
  '__proto__',
  'toString:foo',
  'hasOwnProperty',
  'body:__proto__',
  'japan^999999999999999999999',
  `japan^${'9'.repeat(400)}`,
  'japan^0',
  'j*',
  'j*p*n',
  'ja**',
  'foo*bar*baz*',
  'japan~0',
  'japan~2 tokyo~2',
  '- japan',
  '-japan',
  '+japan -tokyo',
  '--japan',
  '++japan',
  'japan-tokyo',
  'indo-pacific',
  '\t\njapan\r\n',
  'x'.repeat(1000),
  'japan '.repeat(166),
  `${'ab '.repeat(300)}`,
  '*'.repeat(50),
  '~'.repeat(50),
  '^'.repeat(50),
  ':'.repeat(50),
  '*foo',
  'foo~~',
  '\u00a0\u2003',
  '\ufeffjapan',
  'e\u0301',
  'ﬁnance'
]

describe('nasty queries', () => {
  it('never throw anything but a query-syntax AppError, and hits stay well-formed', async () => {
    const library = testLibrary()
    const texts = new Map(
      library.briefings.flatMap((b) => b.sections.map((s) => [`${b.id}/${s.id}`, s.text]))
    )
    for (const query of NASTY) {
      const started = Date.now()
      try {
        const result = await search.search({ query, take: 200 })
        expect(result.query).toBe(query)
        expect(result.total).toBeGreaterThanOrEqual(result.hits.length)
        for (const hit of result.hits) {
          expect(Number.isFinite(hit.score), query).toBe(true)
          expectWellFormed(hit, texts.get(`${hit.briefingId}/${hit.sectionId}`) ?? '')
        }
      } catch (error) {
        expect(error, JSON.stringify(query)).toBeInstanceOf(AppError)
        expect((error as AppError).code).toBe('query-syntax')
        expect((error as AppError).message.length).toBeLessThan(300)
      }
      expect(Date.now() - started, JSON.stringify(query)).toBeLessThan(1000)
    }
  })

  it('survives nasty text in the indexed sections too', async () => {
    const weird = {
      ...ASEAN_BRIEFING,
      id: 'weird',
      sections: NASTY.map((text, i) => ({
        id: `w${i}`,
        heading: text,
        text: `${text} japan ${text}`,
        tags: [text],
        mentions: []
      }))
    }
    const weirdSearch = createLunrSearch(testLibrary([QUAD_BRIEFING, weird]))
    const result = await weirdSearch.search({ query: 'japan', take: 200 })
    expect(result.total).toBeGreaterThanOrEqual(NASTY.length)
    for (const hit of result.hits) {
      const section = [...QUAD_BRIEFING.sections, ...weird.sections].find(
        (s) => s.id === hit.sectionId
      )
      expectWellFormed(hit, section?.text ?? '')
    }
  })
})
