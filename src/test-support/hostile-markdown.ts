// Hostile and generated Markdown notes for the bounded-rendering tests and benchmark: the two notes
// that broke the Notes panel (issue #13), other known commonmark.js worst cases, and fast-check
// arbitraries mixing Markdown tokens with long repeats of one token (deep nesting).

import fc from 'fast-check'

/** 33,000 `> `: overflowed the stack in the renderer's plain-text fallback. */
export const DEEP_QUOTE_NOTE = '> '.repeat(33_000)
/** `[x](` × 25,000: commonmark.js scans each `](` to the end (its issue #129); 22 s to render. */
export const LINK_OPENERS_NOTE = '[x]('.repeat(25_000)

const fill = (unit: string): string => unit.repeat(Math.floor(100_000 / unit.length))

/** Notes of at most 100,000 characters, each a worst case of one kind, by name. */
export const HOSTILE_NOTES: Readonly<Record<string, string>> = {
  'deep quote (33,000 "> ")': DEEP_QUOTE_NOTE,
  'link openers ("[x](" × 25,000)': LINK_OPENERS_NOTE,
  'nested lists ("- " × 33,000)': '- '.repeat(33_000) + 'x',
  'nested brackets': '['.repeat(20_000) + 'x' + ']'.repeat(20_000),
  'nested parentheses': '[x](' + '('.repeat(30_000) + ')'.repeat(30_000),
  'nested emphasis': '*a **a '.repeat(7_000) + 'b' + ' a** a*'.repeat(7_000),
  'mismatched emphasis': fill('*a_ '),
  'emphasis openers': fill('_a '),
  'link pattern "[ (](")': fill('[ (]('),
  'image in image': '!['.repeat(15_000) + 'x' + '](y)'.repeat(15_000),
  'short lines': fill('a\n'),
  'list items': fill('- a\n'),
  backticks: fill('`a'),
  'backslashes in a link title': '[test](\\url "' + '\\'.repeat(99_000) + '\n'
}

/** Words that Markdown never changes: the content a rendering must keep as text. */
export const WORDS = ['alpha', 'beta', 'gamma'] as const

const TOKENS = [
  ...WORDS,
  ' ',
  '\n',
  '\n\n',
  '  ',
  '\t',
  '> ',
  '- ',
  '* ',
  '1. ',
  '# ',
  '[',
  ']',
  '(',
  ')',
  '](',
  '![',
  '*',
  '**',
  '_',
  '`',
  '```',
  '<b>',
  '\\',
  '&amp;',
  '---',
  '    '
]

const token = fc.constantFrom(...TOKENS)

/** Generated Markdown: a mix of tokens, some repeated thousands of times (deep nesting). */
export const markdownNote: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: token },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.array(token, { minLength: 1, maxLength: 3 }),
            fc.integer({ min: 2, max: 3_000 })
          )
          .map(([unit, times]) => unit.join('').repeat(times))
      }
    ),
    { maxLength: 60 }
  )
  .map((parts) => parts.join('').slice(0, 100_000))
