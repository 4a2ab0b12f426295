// The note limits: the hostile notes and deep nesting of each kind are refused with a message that
// says why; ordinary Markdown, however long, passes; the check is one linear pass (fast-check).

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  MAX_NOTE_CHARS,
  MAX_NOTE_NESTING,
  MAX_PARSE_COST,
  noteLimitProblem,
  noteNesting,
  parseCost
} from './note-limits'
import { DEEP_QUOTE_NOTE, LINK_OPENERS_NOTE, markdownNote } from '../test-support/hostile-markdown'

describe('noteLimitProblem', () => {
  it('refuses the two notes that broke the Notes panel, saying why', () => {
    expect(noteLimitProblem(DEEP_QUOTE_NOTE)).toBe(
      'the note nests quotes and lists 33,000 levels deep; at most 32 levels are allowed'
    )
    expect(noteLimitProblem(LINK_OPENERS_NOTE)).toBe(
      'the note nests parentheses "(" 25,000 levels deep; at most 32 levels are allowed'
    )
  })

  it('refuses notes longer than the size limit', () => {
    expect(noteLimitProblem('a'.repeat(MAX_NOTE_CHARS))).toBeNull()
    expect(noteLimitProblem('a'.repeat(MAX_NOTE_CHARS + 1))).toBe(
      'the note has 100,001 characters; at most 100,000 are allowed'
    )
  })

  it('allows nesting up to the limit and refuses one level more, for each kind', () => {
    const deep = {
      quotes: (n: number) => '>'.repeat(n) + ' x',
      lists: (n: number) => '- '.repeat(n) + 'x',
      indented: (n: number) => ' '.repeat(2 * (n - 1)) + '- x',
      brackets: (n: number) => '['.repeat(n) + 'x',
      parens: (n: number) => '[x](' + '('.repeat(n - 1)
    }
    for (const [kind, make] of Object.entries(deep)) {
      expect(noteLimitProblem(make(MAX_NOTE_NESTING)), kind).toBeNull()
      expect(noteLimitProblem(make(MAX_NOTE_NESTING + 1)), kind).toMatch(/levels deep/)
    }
  })

  it('passes ordinary notes: long prose, links, lists, rules, emoticons, escapes', () => {
    const ordinary = [
      'See [the report](https://example.org/a_(b)) and (this (too)).\n'.repeat(1_500),
      '- one\n  - two\n    - three\n\n> quoted\n> > twice\n',
      '* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *',
      'sad :( '.repeat(100),
      '\\['.repeat(100) + ' \\('.repeat(100),
      '[a]\n\n'.repeat(100)
    ]
    for (const note of ordinary) expect(noteLimitProblem(note)).toBeNull()
  })

  it('counts the scans of backtick runs that find no closing run', () => {
    // Each escaped ``` opens a run of two that scans to the end (1.2 s in commonmark.js).
    expect(parseCost('```\\'.repeat(7_500))).toBeGreaterThan(MAX_PARSE_COST * 100)
    // Matched code spans scan only to the next run: two backticks and two scanned per span.
    expect(parseCost('`a` '.repeat(2_000))).toBeLessThanOrEqual(6 * 2_000)
  })

  it('reads CR LF and CR line endings as LF', () => {
    expect(noteNesting('[a\r\n[b\r\n[c')).toMatchObject({ brackets: 3 })
    expect(noteNesting('[a\r\n\r\n[b')).toMatchObject({ brackets: 1 })
    for (const end of ['\n', '\r\n', '\r'])
      expect(parseCost(`a${end}`.repeat(1_000)), JSON.stringify(end)).toBeGreaterThanOrEqual(2_000)
    expect(parseCost('a\r\r'.repeat(100))).toBeGreaterThan(parseCost('a\r'.repeat(100)) + 900)
  })

  it('gives an upper bound for quotes and lists that commonmark actually nests', () => {
    expect(noteNesting('> > - 1. x')).toMatchObject({ blocks: 4 })
    expect(noteNesting('- a\n  - b\n    - c')).toMatchObject({ blocks: 3 })
    expect(noteNesting('text > not a quote - nor a list')).toMatchObject({ blocks: 0 })
  })

  it('never throws on generated Markdown and bounds every kind it reports as allowed', () => {
    fc.assert(
      fc.property(markdownNote, (note) => {
        const problem = noteLimitProblem(note)
        const n = noteNesting(note)
        expect(problem === null).toBe(Math.max(n.blocks, n.brackets, n.parens) <= MAX_NOTE_NESTING)
      }),
      { numRuns: 300 }
    )
  })
})
