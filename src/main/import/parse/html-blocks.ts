// Reads the text blocks (headings, paragraphs, list items, quotes, code, table rows) out of a parse5
// tree without rendering anything: script-like elements are skipped unread, attributes are never
// used as text (but a code element's language class), links become text.

import type { DefaultTreeAdapterTypes as Tree } from 'parse5'

import type { BlockInput } from '../../../shared/blocks'
import { isDataTable } from './html-tables'
import type { Block } from './types'

/** Elements whose content is never text for the reader: code, embedded documents, form controls. */
export const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'map',
  'head',
  'title',
  'button',
  'select',
  'option',
  'textarea',
  'dialog',
  'nav'
])

/** Elements that end the paragraph before them and start a new one. */
const BLOCKS = new Set(
  (
    'p div section article main header footer aside figure figcaption table tr thead tbody tfoot ' +
    'caption dl dt dd address details summary center fieldset legend hgroup hr form'
  ).split(' ')
)
const HEADING = /^h([1-6])$/

export interface CollectOptions {
  /** Extra elements to skip (page chrome when an article was found). */
  skip?: ReadonlySet<string>
}

/** True when the element is hidden from readers: `hidden`, aria-hidden, or display:none inline. */
export function isHidden(element: Tree.Element): boolean {
  return element.attrs.some(
    ({ name, value }) =>
      name === 'hidden' ||
      (name === 'aria-hidden' && value === 'true') ||
      (name === 'style' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(value))
  )
}

/**
 * The blocks of `root` in reading order. h1–h3 outside lists and quotes are headings, h4–h6
 * paragraphs; an <li>'s text is a list item (its level the number of lists around it), a
 * paragraph in a <blockquote> a quote (a list item in one a quote starting "- " or "N. "), a
 * <pre> one code block with its whitespace, a data table's rows table rows (cells separated by a
 * tab; a row of <th> a header); <br><br> splits a paragraph. Whitespace is collapsed as a browser
 * would. The walk uses an explicit stack, so deeply nested markup cannot overflow the call stack.
 */
export function collectBlocks(root: Tree.ParentNode, options: CollectOptions = {}): Block[] {
  const collector = new Collector()
  const stack: { node: Tree.ChildNode; exit: boolean }[] = []
  const pushChildren = (parent: Tree.ParentNode) => {
    for (let i = parent.childNodes.length - 1; i >= 0; i--) {
      stack.push({ node: parent.childNodes[i] as Tree.ChildNode, exit: false })
    }
  }
  pushChildren(root)
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, exit } = entry
    if (node.nodeName === '#text') collector.text((node as Tree.TextNode).value)
    if (!('tagName' in node)) continue
    if (exit) {
      collector.leave(node)
      continue
    }
    if (SKIPPED.has(node.tagName) || options.skip?.has(node.tagName) || isHidden(node)) continue
    collector.enter(node)
    stack.push({ node, exit: true })
    pushChildren(node)
  }
  collector.flush()
  return collector.blocks
}

interface Item {
  level: number
  ordered: boolean
  marker: string
}

class Collector {
  readonly blocks: Block[] = []
  private buffer = ''
  private quoteDepth = 0
  private preDepth = 0
  private language: string | undefined
  private headingDepth = 0
  private lists: { ordered: boolean; next: number }[] = []
  /** The list item whose first paragraph is still to come. */
  private item: Item | undefined
  /** Open data tables (a layout table is read as paragraphs): true for each data table. */
  private tables: boolean[] = []
  private row: { cells: string[]; header: boolean } | undefined
  private cellOpen = false
  /** Inside a <thead>: its rows are headers whatever their cells. */
  private inHead = false

  text(value: string): void {
    this.buffer += this.preDepth > 0 ? value : value.replace(/[ \t\n\f\r]+/g, ' ')
  }

  enter(element: Tree.Element): void {
    const tag = element.tagName
    if (this.cellOpen) {
      // Inside a data table's cell every element is inline: the cell is one line of its row.
      this.buffer += ' '
      return
    }
    if (tag === 'br') this.buffer += '\n'
    else if (tag === 'td' || tag === 'th') this.enterCell(tag)
    else if (HEADING.test(tag)) {
      this.flush()
      this.headingDepth++
    } else if (tag === 'li') {
      this.flush()
      const list = this.lists[this.lists.length - 1]
      this.item = {
        level: Math.max(1, this.lists.length),
        ordered: list?.ordered ?? false,
        marker: list?.ordered ? `${list.next++}. ` : '- '
      }
    } else if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
      this.flush()
      const start = Number(element.attrs.find((attr) => attr.name === 'start')?.value ?? '1')
      this.lists.push({ ordered: tag === 'ol', next: Number.isInteger(start) ? start : 1 })
    } else if (tag === 'blockquote') {
      this.flush()
      this.quoteDepth++
    } else if (tag === 'pre') {
      this.flush()
      this.preDepth++
    } else if (tag === 'code' && this.preDepth > 0) this.language ??= languageOf(element)
    else if (tag === 'table') {
      this.flush()
      this.tables.push(isDataTable(element))
    } else if (tag === 'tr' && this.tables[this.tables.length - 1] === true) {
      this.flush()
      this.row = { cells: [], header: true }
    } else {
      if (tag === 'thead') this.inHead = true
      if (BLOCKS.has(tag)) this.flush()
    }
  }

  leave(element: Tree.Element): void {
    const tag = element.tagName
    if (this.cellOpen && tag !== 'td' && tag !== 'th') {
      this.buffer += ' '
      return
    }
    const heading = HEADING.exec(tag)
    if (heading) {
      this.headingDepth--
      if (this.headingDepth === 0) this.endHeading(Number(heading[1]))
    } else if (tag === 'td' || tag === 'th') this.leaveCell()
    else if (tag === 'li') {
      this.flush()
      this.item = undefined
    } else if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
      this.flush()
      this.lists.pop()
    } else if (tag === 'blockquote') {
      this.flush()
      this.quoteDepth--
    } else if (tag === 'pre') {
      this.endPre()
      this.preDepth--
    } else if (tag === 'table') {
      this.flush()
      this.tables.pop()
    } else if (tag === 'tr' && this.row) {
      const { cells } = this.row
      const header = this.row.header || this.inHead
      this.row = undefined
      this.buffer = ''
      const text = cells.join('\t')
      if (cells.length > 0) this.add({ kind: 'table-row', text, ...(header ? { header } : {}) })
    } else {
      if (tag === 'thead') this.inHead = false
      if (BLOCKS.has(tag)) this.flush()
    }
  }

  private enterCell(tag: string): void {
    if (!this.row) {
      this.buffer += ' '
      return
    }
    this.buffer = ''
    this.cellOpen = true
    if (tag === 'td') this.row.header = false
  }

  private leaveCell(): void {
    if (!this.row) return
    this.row.cells.push(this.buffer.replace(/[ \t\n\f\r]+/g, ' ').trim())
    this.buffer = ''
    this.cellOpen = false
  }

  /** Ends the current paragraph(s): two or more line breaks in a row separate paragraphs. */
  flush(): void {
    if (this.headingDepth > 0 || this.preDepth > 0 || this.cellOpen) return
    const parts = this.buffer.split(/ *\n(?: *\n)+ */)
    this.buffer = ''
    for (const part of parts) this.paragraph(part.replace(/ *\n */g, ' '))
  }

  private endHeading(level: number): void {
    const text = this.buffer.replace(/ *\n */g, ' ').trim()
    this.buffer = ''
    if (text === '') return
    if (level <= 3 && this.quoteDepth === 0 && this.lists.length === 0) {
      this.blocks.push({ kind: 'heading', level, text })
    } else this.paragraph(text)
  }

  private endPre(): void {
    if (this.preDepth > 1) return
    const text = this.buffer
    this.buffer = ''
    const language = this.language
    this.language = undefined
    if (text.trim() !== '') this.add({ kind: 'code', text, ...(language ? { language } : {}) })
  }

  /** One paragraph of text: the pending list item's, a quote's, or a plain one. */
  private paragraph(raw: string): void {
    const text = raw.replace(/[ \t\n\f\r]+/g, ' ').trim()
    if (text === '' || !/[^\s\u00a0]/.test(text)) return
    const item = this.item
    this.item = undefined
    if (this.quoteDepth > 0) this.add({ kind: 'quote', text: (item?.marker ?? '') + text })
    else if (item) {
      this.add({ kind: 'list-item', level: item.level, ordered: item.ordered, text })
    } else this.add({ kind: 'paragraph', text })
  }

  private add(block: BlockInput): void {
    this.blocks.push(block)
  }
}

/** A code element's language from its class, as highlighters write it: "language-ts", "lang-ts". */
function languageOf(element: Tree.Element): string | undefined {
  const classes = element.attrs.find((attr) => attr.name === 'class')?.value ?? ''
  return /(?:^|\s)lang(?:uage)?-([\w+#.-]{1,40})/.exec(classes)?.[1]
}
