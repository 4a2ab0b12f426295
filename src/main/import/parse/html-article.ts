// Finds a web page's article with Firefox's Reader View algorithm (@mozilla/readability) on a
// linkedom DOM built from parse5's bounded tree: linkedom runs no script, loads nothing and fires
// no event, and every script, embed, handler attribute and javascript: URL is removed beforehand.

import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { parseFragment, serialize, type DefaultTreeAdapterTypes as Tree } from 'parse5'

import { collectBlocks, isHidden, SKIPPED } from './html-blocks'
import { boundedTreeAdapter } from './html-bounds'
import type { Block } from './types'

/** Elements removed from the tree before the DOM is built: never text, or never safe to keep. */
const REMOVED = new Set([...SKIPPED].filter((tag) => tag !== 'head' && tag !== 'title'))
/** Page furniture that is never article text: image captions and credits. */
const CAPTIONS = 'figcaption, [class*="caption" i], [class*="credit" i]'
/** Bylines and datelines (Readability's own pattern); removed when short, as Readability does. */
const BYLINES =
  '[rel="author"], [itemprop~="author"], [class*="byline" i], [id*="byline" i], ' +
  '[class*="author" i], [class*="dateline" i], [class*="writtenby" i]'
/** Longest text an element may have to be taken for a byline (Readability's limit). */
const MAX_BYLINE = 100
/** Labels that mark an advertisement or a call to share, alone in an element. */
const AD_LABEL =
  /^(advertisement|advertisements|advert|ad|ads|sponsored( content)?|paid content|promoted|story continues below( advertisement)?|continue reading below|scroll to continue( with content)?|share( this( article| story)?)?( on)?:?)$/i
/**
 * Deepest nesting given to Readability: its scoring walks ancestors and subtrees, so its time
 * grows with the cube of the depth (a list nested 200 deep takes 1.5 s, 500 deep 10 s). Real
 * articles are nested a few dozen levels; a deeper page is read by the plain pick instead.
 */
export const MAX_READABILITY_DEPTH = 128
/**
 * Most elements given to Readability: on linkedom it takes about 0.3 ms an element (4.5 s for
 * 15,000 on a loaded 2-core machine). News pages have a few thousand; a bigger page (a 20 MB
 * export) is read by the plain pick, which takes a fraction of that.
 */
export const MAX_READABILITY_ELEMENTS = 30_000
/** Records a heading's original level: Readability turns every h1 into an h2. */
const LEVEL_ATTR = 'data-briefing-level'

export interface Article {
  /** The article's blocks (headings and paragraphs), boilerplate removed. */
  blocks: Block[]
  title?: string
  /** The page's h1 that Readability took for the title (and so left out of the blocks). */
  headline?: string
  /** The byline as Readability found it ("By Jane Doe"), cleaned of "By" and a trailing date. */
  byline?: string
  siteName?: string
  publishedTime?: string
}

/**
 * The article of a page already parsed (and bounded) by parse5. The tree is cleaned in place,
 * so the caller reads its metadata first. Readability's result is HTML; it is parsed again by
 * parse5 (bounded) and read as blocks, never rendered. Null when Readability finds no article
 * or the page is deeper or bigger than Readability's bounds above.
 */
export function extractArticle(document: Tree.Document): Article | null {
  const { depth, elements } = clean(document)
  if (depth > MAX_READABILITY_DEPTH || elements > MAX_READABILITY_ELEMENTS) return null
  const dom = parseHTML(serialize(document)).document
  for (const element of [...dom.querySelectorAll(CAPTIONS)]) element.remove()
  let pageByline: string | undefined
  for (const element of [...dom.querySelectorAll(BYLINES)]) {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (text.length >= MAX_BYLINE || !element.parentNode) continue
    pageByline ??= text || undefined
    element.remove()
  }
  for (const element of [...dom.querySelectorAll('p, div, span, aside, section, a, strong')]) {
    if (AD_LABEL.test((element.textContent ?? '').replace(/\s+/g, ' ').trim())) element.remove()
  }
  const h1s: string[] = []
  for (const heading of dom.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    heading.setAttribute(LEVEL_ATTR, heading.tagName.slice(1))
    if (heading.tagName === 'H1') h1s.push((heading.textContent ?? '').replace(/\s+/g, ' ').trim())
  }
  // Classes are kept for a code block's language ("language-ts"); they are never rendered.
  const result = new Readability(dom as unknown as Document, {
    charThreshold: 0,
    keepClasses: true
  }).parse()
  if (!result?.content) return null
  const fragment = parseFragment(result.content, { treeAdapter: boundedTreeAdapter() })
  restoreLevels(fragment)
  const blocks = collectBlocks(fragment).filter(
    (block) => block.kind === 'heading' || !AD_LABEL.test(block.text)
  )
  if (blocks.length === 0) return null
  const article: Article = { blocks }
  const title = result.title?.trim()
  if (title) article.title = title
  const headline = title ? h1s.find((h1) => h1 !== '' && similar(h1, title)) : undefined
  if (headline) article.headline = headline
  const byline = cleanByline(result.byline ?? pageByline)
  if (byline) article.byline = byline
  if (result.siteName?.trim()) article.siteName = result.siteName.trim()
  if (result.publishedTime?.trim()) article.publishedTime = result.publishedTime.trim()
  return article
}

/** Readability's test for a heading that repeats the title: most of its words are in the title. */
function similar(heading: string, title: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean)
  const inTitle = new Set(words(title))
  const own = words(heading)
  if (own.length === 0) return false
  return own.filter((word) => inTitle.has(word)).length / own.length > 0.75
}

/** "By Jane Doe · 23 May 2022" → "Jane Doe"; a URL is no byline. */
export function cleanByline(raw: string | null | undefined): string | undefined {
  const text = raw
    ?.replace(/\s+/g, ' ')
    .split(/\s[·|•—–]\s|\s-\s|\bupdated\b|\bpublished\b/i)[0]
    ?.replace(/^\s*(by|from|words by|written by)\s*:?\s+/i, '')
    .replace(/[,;:]\s*$/, '')
    .trim()
  if (!text || /^[a-z]+:\/\//i.test(text) || text.length > 200) return undefined
  return text
}

/**
 * Removes, iteratively, what must never reach the DOM: scripts and embedded content (SKIPPED,
 * <head>'s metadata kept), hidden elements, event-handler attributes and script URLs. Returns
 * the depth of the deepest element left and how many are left.
 */
function clean(root: Tree.ParentNode): { depth: number; elements: number } {
  const stack: { parent: Tree.ParentNode; depth: number }[] = [{ parent: root, depth: 0 }]
  let deepest = 0
  let elements = 0
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { parent, depth } = entry
    deepest = Math.max(deepest, depth)
    parent.childNodes = parent.childNodes.filter(
      (node) => !('tagName' in node) || (!REMOVED.has(node.tagName) && !isHidden(node))
    )
    for (const node of parent.childNodes) {
      if (!('tagName' in node)) continue
      node.attrs = node.attrs.filter(
        ({ name, value }) =>
          !name.startsWith('on') && !/^\s*(javascript|vbscript|data):/i.test(value)
      )
      elements++
      stack.push({ parent: node, depth: depth + 1 })
    }
  }
  return { depth: deepest, elements }
}

/** Gives each heading back the level it had on the page. */
function restoreLevels(root: Tree.ParentNode): void {
  const stack: Tree.ParentNode[] = [root]
  for (let parent = stack.pop(); parent; parent = stack.pop()) {
    for (const node of parent.childNodes) {
      if (!('tagName' in node)) continue
      const level = node.attrs.find((attr) => attr.name === LEVEL_ATTR)?.value
      if (level && /^[1-6]$/.test(level)) {
        node.tagName = `h${level}`
        node.nodeName = `h${level}`
      }
      stack.push(node)
    }
  }
}
