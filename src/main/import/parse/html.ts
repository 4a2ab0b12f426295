// Extracts an article from a saved web page: parse5 reads it into a bounded tree (never rendered or
// run), Readability picks the article (html-article.ts); title, source, date and tags from the markup.

import { parse, parseFragment, type DefaultTreeAdapterTypes as Tree } from 'parse5'

import { parseDate } from './dates'
import { extractArticle, type Article } from './html-article'
import { collectBlocks, isHidden, SKIPPED } from './html-blocks'
import { boundedTreeAdapter } from './html-bounds'
import { buildOutline } from './outline'
import type { Block, ParsedDocument } from './types'

/** Page furniture left out when the page has an <article> or <main> to read. */
const CHROME = new Set(['aside', 'footer'])
/** Most tags read from the page's keywords. */
const MAX_TAGS = 20

/**
 * Parses a saved web page. parse5 builds the tree within the nesting and heap bounds; the
 * article is what Firefox's Reader View would show (html-article.ts: nav, ads, share bars,
 * related links, comments and captions left out), else — when Readability finds none — the
 * <article> with the most text, <main> (or role="main"), or <body>, with script, style, iframe,
 * object, svg, nav, form controls and hidden elements skipped unread.
 * h1–h3 make sections (a single h1 is the title); a heading under a higher one is headed
 * "Parent › Heading" (see buildOutline and README.md).
 * Title: the headline h1, else og:title, else <title>. Source: og:site_name, else the author or
 * publisher meta (or JSON-LD), else the byline. Date: article:published_time (or JSON-LD), else
 * the first <time datetime>, else date metas.
 * Throws HtmlTooLargeError for a page nested too deep or too large to parse (html-bounds.ts).
 */
export function parseHtml(html: string, _fileName: string): ParsedDocument {
  const document = parse(html, { treeAdapter: boundedTreeAdapter() })
  const meta = readMeta(document)
  const container = pickContainer(document)
  const firstTime = firstTimeIn(container)
  const isArticle = container.nodeName === 'article' || container.nodeName === 'main'
  const fallback = () => collectBlocks(container, { skip: isArticle ? CHROME : undefined })
  const article: Article | null = extractArticle(document)
  const outline = buildOutline(article?.blocks ?? fallback(), true, true)

  const siteName = meta.get('og:site_name')
  const doc: ParsedDocument = { lead: outline.lead, sections: outline.sections }
  const title =
    outline.title ??
    article?.headline ??
    meta.get('og:title') ??
    meta.get('twitter:title') ??
    pageTitle(meta, siteName)
  if (title) doc.title = title
  const source =
    siteName ??
    notUrl(meta.get('author')) ??
    notUrl(meta.get('publisher')) ??
    meta.get('ld:publisher') ??
    meta.get('ld:author') ??
    notUrl(meta.get('article:author')) ??
    article?.byline
  if (source) doc.source = source
  const published = [
    meta.get('article:published_time'),
    article?.publishedTime,
    firstTime,
    meta.get('date'),
    meta.get('pubdate'),
    meta.get('publishdate'),
    meta.get('dc.date'),
    meta.get('dc.date.issued'),
    meta.get('ld:datePublished')
  ]
    .map(parseDate)
    .find((date) => date !== undefined)
  if (published) doc.published = published
  const tags = [
    ...(meta.get('keywords') ?? '').split(','),
    ...(meta.get('news_keywords') ?? '').split(','),
    ...(meta.all('article:tag') ?? [])
  ]
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')
  if (tags.length > 0) doc.tags = [...new Set(tags)].slice(0, MAX_TAGS)
  return doc
}

/** The blocks of an HTML fragment (used for HTML inside Markdown). */
export function htmlFragmentBlocks(html: string): Block[] {
  return collectBlocks(parseFragment(html, { treeAdapter: boundedTreeAdapter() }))
}

/** Meta values by lower-case name or property (first wins), plus JSON-LD fields as "ld:…". */
class MetaValues {
  private values = new Map<string, string[]>()
  add(key: string, value: string | undefined): void {
    const text = value?.replace(/\s+/g, ' ').trim()
    if (!text) return
    const list = this.values.get(key.toLowerCase()) ?? []
    list.push(text)
    this.values.set(key.toLowerCase(), list)
  }
  get(key: string): string | undefined {
    return this.values.get(key.toLowerCase())?.[0]
  }
  all(key: string): string[] | undefined {
    return this.values.get(key.toLowerCase())
  }
}

function readMeta(document: Tree.Document): MetaValues {
  const meta = new MetaValues()
  for (const element of elements(document, () => true)) {
    const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value
    if (element.tagName === 'meta') {
      const key = attr('property') ?? attr('name') ?? attr('itemprop')
      if (key) meta.add(key, attr('content'))
    } else if (element.tagName === 'title') meta.add('page:title', textOf(element))
    else if (element.tagName === 'script' && attr('type') === 'application/ld+json') {
      readJsonLd(textOf(element), meta)
    }
  }
  return meta
}

/** Reads headline, publisher, author and date from JSON-LD data (parsed as JSON, never run). */
function readJsonLd(source: string, meta: MetaValues): void {
  let data: unknown
  try {
    data = JSON.parse(source)
  } catch {
    return
  }
  const queue = [data]
  for (let item = queue.shift(), seen = 0; item !== undefined && seen < 100; item = queue.shift()) {
    seen++
    if (Array.isArray(item)) queue.push(...item)
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>
      if (Array.isArray(record['@graph'])) queue.push(...record['@graph'])
      if (typeof record.datePublished === 'string')
        meta.add('ld:datePublished', record.datePublished)
      meta.add('ld:publisher', nameOf(record.publisher))
      meta.add('ld:author', nameOf(Array.isArray(record.author) ? record.author[0] : record.author))
    }
  }
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return notUrl(value)
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as { name?: unknown }).name === 'string'
  ) {
    return (value as { name: string }).name
  }
  return undefined
}

function notUrl(value: string | undefined): string | undefined {
  return value && !/^[a-z]+:\/\//i.test(value) ? value : undefined
}

/** The <title>, without a trailing " | Site name" when the site name is known. */
function pageTitle(meta: MetaValues, siteName: string | undefined): string | undefined {
  const title = meta.get('page:title')
  if (!title || !siteName) return title
  for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
    const suffix = `${separator}${siteName}`
    if (title.endsWith(suffix) && title.length > suffix.length)
      return title.slice(0, -suffix.length)
  }
  return title
}

function pickContainer(document: Tree.Document): Tree.ParentNode {
  const articles = [...elements(document, (e) => e.tagName === 'article')]
  if (articles.length > 0) {
    const sized = articles.map((article) => ({ article, size: textOf(article).length }))
    sized.sort((a, b) => b.size - a.size)
    return (sized[0] as { article: Tree.Element }).article
  }
  const main = elements(
    document,
    (e) => e.tagName === 'main' || e.attrs.some((a) => a.name === 'role' && a.value === 'main')
  ).next().value
  if (main) return main
  return elements(document, (e) => e.tagName === 'body').next().value ?? document
}

function firstTimeIn(container: Tree.ParentNode): string | undefined {
  for (const time of elements(container, (e) => e.tagName === 'time')) {
    const value = time.attrs.find((a) => a.name === 'datetime')?.value
    if (value) return value
  }
  return undefined
}

/** Elements under `root` (document order, iterative) matching `test`, not descending into skipped ones. */
function* elements(
  root: Tree.ParentNode,
  test: (element: Tree.Element) => boolean
): Generator<Tree.Element> {
  const stack: Tree.ChildNode[] = [...root.childNodes].reverse()
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!('tagName' in node)) continue
    if (test(node)) yield node
    if (node.tagName === 'template') continue
    for (let i = node.childNodes.length - 1; i >= 0; i--)
      stack.push(node.childNodes[i] as Tree.ChildNode)
  }
}

/** The concatenated text of an element (for <title>, JSON-LD and sizing articles). */
function textOf(element: Tree.Element): string {
  const parts: string[] = []
  const stack: Tree.ChildNode[] = [...element.childNodes].reverse()
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeName === '#text') parts.push((node as Tree.TextNode).value)
    else if ('tagName' in node && !SKIPPED.has(node.tagName) && !isHidden(node)) {
      for (let i = node.childNodes.length - 1; i >= 0; i--) {
        stack.push(node.childNodes[i] as Tree.ChildNode)
      }
    }
  }
  return parts.join('')
}
