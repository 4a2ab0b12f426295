// YAML front matter at the top of a Markdown file (title, source, date, tags), read with the yaml
// package before the Markdown itself is parsed.

import { parse as parseYaml } from 'yaml'

import { parseDate } from './dates'
import type { ParsedDocument } from './types'

/** A YAML block between `---` lines (or `---` and `...`) at the very top of the file. */
export const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/

/**
 * Applies front matter to `doc`; false when it parses to something other than a mapping (a
 * thematic break and a setext heading look the same: then it stays Markdown). Invalid YAML is
 * left out with a warning.
 */
export function readFrontMatter(yamlText: string, doc: ParsedDocument): boolean {
  let data: unknown
  try {
    data = parseYaml(yamlText, { maxAliasCount: 100 })
  } catch (error) {
    doc.warnings = [`The front matter is not valid YAML and was left out: ${firstLine(error)}`]
    return true
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false
  const fields = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]))
  const pick = (...keys: string[]) => keys.map((key) => fields.get(key)).find((v) => v != null)
  const title = stringOf(pick('title'))
  if (title) doc.title = title
  const source = stringOf(pick('source', 'publisher', 'site', 'author', 'authors'))
  if (source) doc.source = source
  const published = parseDate(pick('date', 'published', 'pubdate', 'published_at', 'publishdate'))
  if (published) doc.published = published
  const tags = pick('tags', 'keywords', 'categories')
  const list = Array.isArray(tags) ? tags : typeof tags === 'string' ? tags.split(',') : []
  const clean = list.map((tag) => stringOf(tag)).filter((tag): tag is string => !!tag)
  if (clean.length > 0) doc.tags = clean
  return true
}

/** A scalar, an author-like { name } or a list of them as one line of text. */
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') {
    return String(value).replace(/\s+/g, ' ').trim() || undefined
  }
  if (Array.isArray(value)) {
    const parts = value.map(stringOf).filter((part): part is string => !!part)
    return parts.length > 0 ? parts.join(', ') : undefined
  }
  if (value && typeof value === 'object' && 'name' in value) return stringOf(value.name)
  return undefined
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split('\n')[0] ?? ''
}
