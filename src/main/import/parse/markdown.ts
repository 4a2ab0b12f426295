// Parses Markdown with the CommonMark reference parser and walks its syntax tree into text blocks
// (paragraphs, list items, quotes, code, table rows); front matter is read first (its own module).

import { Parser, type Node } from 'commonmark'

import type { BlockInput } from '../../../shared/blocks'
import { htmlFragmentBlocks } from './html'
import { FRONT_MATTER, readFrontMatter } from './markdown-front-matter'
import { findTable } from './markdown-tables'
import { buildOutline } from './outline'
import type { Block, ParsedDocument } from './types'

/** Link targets worth keeping in the text; others (javascript:, data:, relative) are dropped. */
const SHOWN_URL = /^(https?:|mailto:)/i
/** Status badges (build, coverage, version shields): pictures of text that says nothing here. */
const BADGE = /shields\.io|badgen\.net|badge\.fury\.io|(^|[/._?&=-])badges?([/._?&=-]|$)/i

/**
 * Parses Markdown. Front matter (a YAML mapping between `---` lines at the very top) gives title,
 * source (or publisher/author), date (or published) and tags (or keywords). A single `#` heading is
 * the title (unless the front matter names another) and the highest remaining heading level makes
 * sections; deeper headings are paragraphs. Structure becomes blocks (src/shared/blocks.ts): list
 * items with their level and numbering, quoted paragraphs as quotes, fenced and indented code
 * with its whitespace and language, GFM tables as rows. Inline formatting becomes plain text:
 * emphasis and inline code their text, links their text plus " (url)" for a different
 * http(s)/mailto target, images their alt text (a linked image no URL, a status badge nothing),
 * HTML its text only; thematic breaks are dropped.
 */
export function parseMarkdown(text: string, _fileName: string): ParsedDocument {
  const doc: ParsedDocument = { lead: [], sections: [] }
  let body = text.replace(/\r\n?/g, '\n')
  const front = FRONT_MATTER.exec(body)
  if (front) {
    const read = readFrontMatter(front[1] ?? '', doc)
    if (read) body = body.slice(front[0].length)
  }

  const blocks = new MarkdownBlocks(body.split('\n')).collect(new Parser().parse(body))
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

interface OpenItem {
  level: number
  ordered: boolean
  /** The marker written in front of the item's text inside a quote ("- ", "3. "). */
  marker: string
  text: string
  flushed: boolean
}

/** Walks a CommonMark tree (iteratively, with its walker) into blocks. */
class MarkdownBlocks {
  private blocks: Block[] = []
  private buffer = ''
  private intoItem: OpenItem | undefined
  private links: { start: number; image: boolean }[] = []
  private quoteDepth = 0
  private lists: { ordered: boolean; next: number; delimiter: string }[] = []
  private items: OpenItem[] = []
  private inScript = false
  /** A paragraph read as a GFM table: its inline content is skipped. */
  private table: Node | undefined

  constructor(private readonly lines: readonly string[]) {}

  collect(root: Node): Block[] {
    const walker = root.walker()
    for (let step = walker.next(); step; step = walker.next()) {
      const { node, entering } = step
      if (entering && this.skips(node)) walker.resumeAt(node, false)
      else if (entering) this.enter(node)
      else this.leave(node)
    }
    return this.blocks
  }

  /** Reads a badge image or a table paragraph whole; true when the walk skips its children. */
  private skips(node: Node): boolean {
    if (node.type === 'image') {
      const link = this.links[this.links.length - 1]
      if (link) link.image = true
      return BADGE.test(node.destination ?? '')
    }
    if (node.type !== 'paragraph' || this.quoteDepth > 0) return false
    const table = this.findTable(node)
    if (!table) return false
    this.flushItem()
    if (table.before.length > 0) this.add({ kind: 'paragraph', text: inline(table.before) })
    this.add({ kind: 'table-row', header: true, text: table.header.map(cell).join('\t') })
    for (const row of table.rows) this.add({ kind: 'table-row', text: row.map(cell).join('\t') })
    this.table = node
    return true
  }

  private findTable(node: Node): ReturnType<typeof findTable> {
    const [[startLine, startColumn], [endLine]] = node.sourcepos
    if (endLine <= startLine) return undefined
    const indent = new RegExp(`^ {0,${startColumn - 1}}`)
    const lines = this.lines.slice(startLine - 1, endLine)
    return findTable(
      lines.map((line, i) => (i === 0 ? line.slice(startColumn - 1) : line.replace(indent, '')))
    )
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
        this.links.push({ start: this.buffer.length, image: false })
        break
      case 'code_block': {
        this.flushItem()
        const language = /^\S+/.exec(node.info ?? '')?.[0]
        this.add({ kind: 'code', text: node.literal ?? '', ...(language ? { language } : {}) })
        break
      }
      case 'html_block':
        this.flushItem()
        for (const block of htmlFragmentBlocks(node.literal ?? '')) {
          if (block.kind === 'heading') this.add({ kind: 'paragraph', text: block.text })
          else this.add(block)
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
        this.items.push({
          level: this.lists.length,
          ordered: list?.ordered ?? false,
          marker: list?.ordered ? `${list.next++}${list.delimiter} ` : '- ',
          text: '',
          flushed: false
        })
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
        if (this.table === node) this.table = undefined
        else this.endParagraph()
        this.inScript = false
        break
      case 'link': {
        const link = this.links.pop() ?? { start: 0, image: false }
        const label = this.buffer.slice(link.start).trim()
        const url = node.destination ?? ''
        const same =
          url === label || url === `mailto:${label}` || url.replace(/^\w+:\/\//, '') === label
        // A linked picture (a logo, a badge) stands for itself: its target is not text.
        if (SHOWN_URL.test(url) && !same && !link.image) this.buffer += label ? ` (${url})` : url
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
    } else this.add({ kind: 'paragraph', text: this.buffer })
    this.intoItem = undefined
  }

  /** Writes out the innermost list item's first paragraph before other blocks inside it. */
  private flushItem(): void {
    const item = this.items[this.items.length - 1]
    if (!item || item.flushed) return
    item.flushed = true
    // Inside a quote the item stays quoted text, its marker written out.
    if (this.quoteDepth > 0) this.add({ kind: 'paragraph', text: item.marker + item.text })
    else this.add({ kind: 'list-item', level: item.level, ordered: item.ordered, text: item.text })
  }

  /** Adds a block; a paragraph inside a quote is a quote. Blank ones are dropped. */
  private add(block: BlockInput): void {
    if (block.kind === 'code') {
      if (block.text.trim() !== '') this.blocks.push(block)
      return
    }
    const text = block.kind === 'table-row' ? block.text : clean(block.text)
    if (text.replace(/\t/g, '') === '') return
    if (block.kind === 'paragraph' && this.quoteDepth > 0) {
      this.blocks.push({ kind: 'quote', text })
    } else this.blocks.push({ ...block, text })
  }
}

/**
 * The plain text of inline Markdown (a table cell, lines before a table). A letter goes in front,
 * so that a cell such as "1. First" or "- none" is read as text, not as a list, and is cut off.
 */
function inline(lines: readonly string[]): string {
  const source = `a ${lines.join('\n')}`
  const blocks = new MarkdownBlocks([]).collect(new Parser().parse(source))
  return clean(blocks.map((block) => block.text).join(' ')).slice(2)
}

function cell(source: string): string {
  return inline([source])
}

function clean(text: string): string {
  return text.replace(/[ \t\n\f\r]+/g, ' ').trim()
}
