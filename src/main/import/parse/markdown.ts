// Parses Markdown with the CommonMark reference parser and walks its syntax tree into plain-text
// paragraphs; YAML front matter (title, source, date, tags) is read first with the yaml package.

import { Parser, type Node } from 'commonmark'
import { parse as parseYaml } from 'yaml'

import { parseDate } from './dates'
import { htmlFragmentParagraphs } from './html'
import { buildOutline } from './outline'
import type { Block, ParsedDocument } from './types'

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/
/** Link targets worth keeping in the text; others (javascript:, data:, relative) are dropped. */
const SHOWN_URL = /^(https?:|mailto:)/i

/**
 * Parses Markdown. Front matter (a YAML mapping between `---` lines at the very top) gives title,
 * source (or publisher/author), date (or published) and tags (or keywords). A single `#` heading is
 * the title (unless the front matter names another) and the highest remaining heading level makes
 * sections; deeper headings are paragraphs. Formatting becomes plain text: emphasis and inline
 * code their text, links their text plus " (url)" for a different http(s)/mailto target, images
 * their alt text, list items "- item" / "3. item" paragraphs, quotes "> " paragraphs, each line of
 * a code block a paragraph, HTML its text only; thematic breaks are dropped.
 */
export function parseMarkdown(text: string, _fileName: string): ParsedDocument {
  const doc: ParsedDocument = { lead: [], sections: [] }
  let body = text.replace(/\r\n?/g, '\n')
  const front = FRONT_MATTER.exec(body)
  if (front) {
    const read = readFrontMatter(front[1] ?? '', doc)
    if (read) body = body.slice(front[0].length)
  }

  const blocks = new MarkdownBlocks().collect(new Parser().parse(body))
  const outline = buildOutline(blocks, true)
  if (outline.title !== undefined && doc.title !== undefined && outline.title !== doc.title) {
    outline.lead.unshift(outline.title)
  }
  doc.title ??= outline.title
  if (doc.title === undefined) delete doc.title
  doc.lead = outline.lead
  doc.sections = outline.sections
  return doc
}

/**
 * Applies front matter to `doc`; false when it parses to something other than a mapping (a
 * thematic break and a setext heading look the same: then it stays Markdown). Invalid YAML is
 * left out with a warning.
 */
function readFrontMatter(yamlText: string, doc: ParsedDocument): boolean {
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

interface OpenItem {
  prefix: string
  text: string
  flushed: boolean
}

/** Walks a CommonMark tree (iteratively, with its walker) into blocks. */
class MarkdownBlocks {
  private blocks: Block[] = []
  private buffer = ''
  private intoItem: OpenItem | undefined
  private links: number[] = []
  private quoteDepth = 0
  private lists: { ordered: boolean; next: number; delimiter: string }[] = []
  private items: OpenItem[] = []
  private inScript = false

  collect(root: Node): Block[] {
    const walker = root.walker()
    for (let step = walker.next(); step; step = walker.next()) {
      const { node, entering } = step
      if (entering) this.enter(node)
      else this.leave(node)
    }
    return this.blocks
  }

  private enter(node: Node): void {
    switch (node.type) {
      case 'heading':
      case 'paragraph': {
        // Headings inside lists and quotes are read as paragraphs.
        if (node.type === 'heading' && this.quoteDepth === 0 && this.lists.length === 0) {
          this.flushItem()
          this.buffer = ''
          break
        }
        const item = this.items[this.items.length - 1]
        const direct = item && !item.flushed && node.parent?.type === 'item'
        if (!direct) this.flushItem()
        this.intoItem = direct ? item : undefined
        this.buffer = ''
        break
      }
      case 'text':
      case 'code':
        if (!this.inScript) this.buffer += node.literal ?? ''
        break
      case 'softbreak':
      case 'linebreak':
        this.buffer += ' '
        break
      case 'html_inline': {
        // Tags are dropped; the text between <script> and </script> (or style) too.
        const tag = node.literal ?? ''
        if (/^<br\b/i.test(tag)) this.buffer += ' '
        else if (/^<(script|style)\b/i.test(tag)) this.inScript = true
        else if (/^<\/(script|style)\b/i.test(tag)) this.inScript = false
        break
      }
      case 'link':
        this.links.push(this.buffer.length)
        break
      case 'code_block':
        this.flushItem()
        for (const line of (node.literal ?? '').split('\n')) this.paragraph(line)
        break
      case 'html_block':
        this.flushItem()
        for (const paragraph of htmlFragmentParagraphs(node.literal ?? '')) {
          this.paragraph(paragraph)
        }
        break
      case 'block_quote':
        this.flushItem()
        this.quoteDepth++
        break
      case 'list':
        this.flushItem()
        this.lists.push({
          ordered: node.listType === 'ordered',
          next: node.listStart ?? 1,
          delimiter: node.listDelimiter ?? '.'
        })
        break
      case 'item': {
        const list = this.lists[this.lists.length - 1]
        const marker = list?.ordered ? `${list.next++}${list.delimiter} ` : '- '
        this.items.push({ prefix: this.quotePrefix() + marker, text: '', flushed: false })
        break
      }
      default:
        break // document, emph, strong, image (its alt text is its children), thematic_break
    }
  }

  private leave(node: Node): void {
    switch (node.type) {
      case 'heading':
        // A heading inside a list or quote was read as a paragraph.
        if (this.quoteDepth === 0 && this.lists.length === 0) {
          this.blocks.push({ kind: 'heading', level: node.level, text: clean(this.buffer) })
        } else this.endParagraph()
        break
      case 'paragraph':
        this.endParagraph()
        this.inScript = false
        break
      case 'link': {
        const start = this.links.pop() ?? 0
        const label = this.buffer.slice(start).trim()
        const url = node.destination ?? ''
        const same =
          url === label || url === `mailto:${label}` || url.replace(/^\w+:\/\//, '') === label
        if (SHOWN_URL.test(url) && !same) this.buffer += label ? ` (${url})` : url
        break
      }
      case 'block_quote':
        this.quoteDepth--
        break
      case 'list':
        this.lists.pop()
        break
      case 'item':
        this.flushItem()
        this.items.pop()
        break
      default:
        break
    }
  }

  private endParagraph(): void {
    if (this.intoItem) {
      this.intoItem.text += (this.intoItem.text ? ' ' : '') + clean(this.buffer)
    } else this.paragraph(this.buffer)
    this.intoItem = undefined
  }

  private quotePrefix(): string {
    return '> '.repeat(this.quoteDepth)
  }

  /** Writes out the innermost list item's first line before other blocks inside it. */
  private flushItem(): void {
    const item = this.items[this.items.length - 1]
    if (!item || item.flushed) return
    item.flushed = true
    if (item.text.trim() !== '')
      this.blocks.push({ kind: 'paragraph', text: item.prefix + item.text })
  }

  private paragraph(text: string): void {
    const line = clean(text)
    if (line !== '') this.blocks.push({ kind: 'paragraph', text: this.quotePrefix() + line })
  }
}

function clean(text: string): string {
  return text.replace(/[ \t\n\f\r]+/g, ' ').trim()
}
