// Reads a Markdown export back with a CommonMark parser: front matter, headings, and each
// highlight or note (quote text, label, colour, tags, block id, the note's parse tree). Used by the
// exporter's own reference check, by the tests as the oracle, and to match exports by block id.

import { Parser } from 'commonmark'
import type { Node } from 'commonmark'
import { parse as parseYaml } from 'yaml'

/** A CommonMark node without source positions, for comparing parse trees. */
export interface MdTree {
  type: string
  literal?: string
  destination?: string
  title?: string
  info?: string
  level?: number
  list?: { type: string; tight: boolean; start: number | null; delimiter: string | null }
  children?: MdTree[]
}

/** A heading of the export, with its text as the parser reads it. */
export interface ReadHeading {
  level: number
  text: string
}

/** A highlight or note as read back from an export. */
export interface ReadItem {
  kind: 'highlight' | 'note'
  /** The Obsidian block id without the caret (`hl-…`, `note-…`); '' if missing. */
  blockId: string
  /** Highlights: the quoted text exactly as read; notes: ''. */
  quote: string
  /** The bold label of the item's line: the colour label, or "Note". */
  label: string
  /** The colour named in the item's line (highlights), '' otherwise. */
  color: string
  tags: string[]
  /** Parse tree of the note (the block quote's children); null when there is no note. */
  note: MdTree[] | null
  /** Headings above the item, outermost first (title excluded). */
  headings: string[]
}

/** An export split into its parts. */
export interface ReadExport {
  /** The YAML front matter, parsed; null when there is none. */
  frontMatter: unknown
  /** Every heading that is a child of the document, in order. */
  headings: ReadHeading[]
  items: ReadItem[]
}

const BLOCK_ID = /^\^((?:hl|note)-[A-Za-z0-9-]+)$/

/** `node` alone: type, literal and attributes, children still empty; no source positions. */
function treeNode(node: Node): MdTree {
  const tree: MdTree = { type: node.type }
  if (node.literal !== null && node.literal !== undefined) tree.literal = node.literal
  if (node.type === 'link' || node.type === 'image') {
    tree.destination = node.destination ?? ''
    tree.title = node.title ?? ''
  }
  if (node.type === 'code_block') tree.info = node.info ?? ''
  if (node.type === 'heading') tree.level = node.level
  if (node.type === 'list') {
    tree.list = {
      type: node.listType,
      tight: node.listTight,
      start: node.listStart ?? null,
      delimiter: node.listDelimiter ?? null
    }
  }
  if (node.isContainer) tree.children = []
  return tree
}

/**
 * The parse tree of `node`: type, literal and attributes, children; no source positions. Built
 * with commonmark's walker, not recursion: a note's emphasis can nest thousands deep.
 */
export function markdownTree(node: Node): MdTree {
  const open: MdTree[] = []
  let root: MdTree | undefined
  const walker = node.walker()
  for (let event = walker.next(); event; event = walker.next()) {
    if (!event.entering) {
      open.pop()
      continue
    }
    const tree = treeNode(event.node)
    const parent = open[open.length - 1]
    if (parent) parent.children!.push(tree)
    else root = tree
    if (event.node.isContainer) open.push(tree)
  }
  return root!
}

/** A string equal for equal trees, built without recursion (JSON.stringify recurses). */
export function treeKey(trees: readonly MdTree[] | null | undefined): string {
  if (!trees) return 'null'
  const parts: string[] = []
  const stack: (MdTree | ')')[] = []
  for (let i = trees.length - 1; i >= 0; i--) stack.push(trees[i]!)
  while (stack.length > 0) {
    const tree = stack.pop()!
    if (tree === ')') {
      parts.push(')')
      continue
    }
    const { children, ...own } = tree
    parts.push(JSON.stringify(own))
    if (children) {
      parts.push('(')
      stack.push(')')
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
    }
  }
  return parts.join('')
}

/** The blocks of `markdown` parsed as a document of its own. */
export function parseMarkdownBlocks(markdown: string): MdTree[] {
  return childrenOf(new Parser().parse(markdown)).map(markdownTree)
}

/** The children of a node, in order. */
export function childrenOf(node: Node): Node[] {
  const out: Node[] = []
  for (let child = node.firstChild; child; child = child.next) out.push(child)
  return out
}

/** Text content of inline nodes: text and code literals; soft and hard breaks are "\n". */
export function inlineText(node: Node): string {
  let out = ''
  for (const child of childrenOf(node)) {
    if (child.type === 'text' || child.type === 'code' || child.type === 'html_inline')
      out += child.literal ?? ''
    else if (child.type === 'softbreak' || child.type === 'linebreak') out += '\n'
    else out += inlineText(child)
  }
  return out
}

/** Splits `---` YAML front matter off the start of `markdown`. */
export function splitFrontMatter(markdown: string): { frontMatter: string | null; body: string } {
  if (!markdown.startsWith('---\n')) return { frontMatter: null, body: markdown }
  const end = markdown.indexOf('\n---\n', 3)
  if (end === -1) return { frontMatter: null, body: markdown }
  return { frontMatter: markdown.slice(4, end + 1), body: markdown.slice(end + 5) }
}

/**
 * The text of a highlight's quote as the section holds it: paragraphs and quotes as read, code
 * without its final line ending, list items and table rows one block each (cells joined by a tab),
 * blocks joined by "\n\n". `source` is the parsed text's lines (commonmark has no GFM tables).
 */
function quoteText(quote: Node, source: readonly string[]): string {
  return childrenOf(quote)
    .map((block) => blockText(block, source))
    .join('\n\n')
}

function blockText(block: Node, source: readonly string[]): string {
  if (block.type === 'code_block') return (block.literal ?? '').replace(/\n$/, '')
  if (block.type === 'block_quote') return quoteText(block, source)
  if (block.type === 'list' || block.type === 'item') {
    return childrenOf(block)
      .map((child) => blockText(child, source))
      .join('\n\n')
  }
  return tableText(block, source) ?? inlineText(block)
}

const TABLE_DELIMITER = /^\|(?: *:?-+:? *\|)+$/
const CELL_SEPARATOR = /(?<!\\)\|/

/**
 * A paragraph that is a GFM table as the export writes it: its rows, else undefined. A header
 * row's own trailing empty cells are not told apart from its padding, so they are not read back.
 */
function tableText(paragraph: Node, source: readonly string[]): string | undefined {
  const [[startLine, startColumn], [endLine]] = paragraph.sourcepos
  const lines = source.slice(startLine - 1, endLine).map((line) => line.slice(startColumn - 1))
  if (lines.length < 2 || !lines[0]!.startsWith('|') || !TABLE_DELIMITER.test(lines[1]!)) {
    return undefined
  }
  const rows = [lines[0]!, ...lines.slice(2)].map((line) =>
    line
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(CELL_SEPARATOR)
      .map((cell) => cell.trim())
      .map((cell) => (cell === '' ? '' : inlineText(new Parser().parse(cell).firstChild!)))
  )
  // The header is padded to the widest row, and is all empty when the passage had none.
  while (rows[0]!.length > 1 && rows[0]!.at(-1) === '') rows[0]!.pop()
  if (rows[0]!.every((cell) => cell === '')) rows.shift()
  return rows.map((cells) => cells.join('\t')).join('\n\n')
}

function readMeta(item: ReadItem, paragraph: Node): void {
  const [first, ...rest] = childrenOf(paragraph)
  if (first?.type !== 'strong') return
  item.label = inlineText(first)
  let text = ''
  for (const node of rest) {
    if (node.type === 'code') item.tags.push(node.literal ?? '')
    else if (node.type === 'text') text += node.literal ?? ''
    if (node.type !== 'text' || node.next?.type !== 'text') {
      for (const word of text.split(/\s+/)) if (word.startsWith('#')) item.tags.push(word.slice(1))
      text = ''
    }
  }
  const color = /^ \(([a-z]+)\)/.exec(rest[0]?.literal ?? '')
  if (color && item.kind === 'highlight') item.color = color[1] ?? ''
}

function readListItem(item: ReadItem, list: Node): void {
  const [entry] = childrenOf(list)
  if (!entry) return
  const [meta, note] = childrenOf(entry)
  if (meta?.type === 'paragraph') readMeta(item, meta)
  if (note?.type === 'block_quote') item.note = childrenOf(note).map(markdownTree)
}

function newItem(kind: ReadItem['kind'], headings: string[]): ReadItem {
  return { kind, blockId: '', quote: '', label: '', color: '', tags: [], note: null, headings }
}

/**
 * Reads an export written by exportBriefingMarkdown. A block quote at the top level starts a
 * highlight (then its `^hl-…` line, then its list item); a list starts a note (then `^note-…`).
 * Other paragraphs (introductions) are skipped.
 */
export function readMarkdownExport(markdown: string): ReadExport {
  const { frontMatter, body } = splitFrontMatter(markdown)
  const headings: ReadHeading[] = []
  const items: ReadItem[] = []
  let path: string[] = []
  let current: ReadItem | null = null
  const source = body.split('\n')
  for (const node of childrenOf(new Parser().parse(body))) {
    if (node.type === 'heading') {
      const text = inlineText(node)
      headings.push({ level: node.level, text })
      path = node.level === 1 ? [] : [...path.slice(0, node.level - 2), text]
      current = null
    } else if (node.type === 'block_quote') {
      current = newItem('highlight', path)
      current.quote = quoteText(node, source)
      items.push(current)
    } else if (node.type === 'list') {
      if (current?.kind !== 'highlight' || current.label !== '') {
        current = newItem('note', path)
        items.push(current)
      }
      readListItem(current, node)
    } else if (node.type === 'paragraph') {
      const id = BLOCK_ID.exec(inlineText(node))
      if (id && current && current.blockId === '') current.blockId = id[1] ?? ''
    }
  }
  return { frontMatter: frontMatter === null ? null : parseYaml(frontMatter), headings, items }
}
