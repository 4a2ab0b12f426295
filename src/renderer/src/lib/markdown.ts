// Markdown notes → a plain view model the Markdown component renders element by element, as text
// only: raw HTML stays literal text, images become their alt text, and only links that parse as
// https URLs are marked openable. Pure (commonmark's parser only, never its HTML renderer).

import { Parser } from 'commonmark'
import type { Node } from 'commonmark'

export type MdInline =
  | { kind: 'text'; text: string }
  | { kind: 'emph' | 'strong'; children: MdInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'softbreak' | 'linebreak' }
  /** `href` is the https URL to open, or null when the link must stay inert. */
  | { kind: 'link'; url: string; title: string; href: string | null; children: MdInline[] }
  | { kind: 'image'; alt: string; url: string }
  | { kind: 'html'; text: string }

export type MdBlock =
  | { kind: 'paragraph'; children: MdInline[] }
  | { kind: 'heading'; level: number; children: MdInline[] }
  | { kind: 'code_block'; text: string; info: string }
  | { kind: 'block_quote'; children: MdBlock[] }
  | { kind: 'list'; ordered: boolean; start: number; tight: boolean; items: MdBlock[][] }
  | { kind: 'thematic_break' }
  | { kind: 'html'; text: string }

/** Nesting deeper than this is shown as plain text (keeps rendering bounded for odd input). */
export const MAX_DEPTH = 12

/** The URL to open for a link destination, or null: only absolute https URLs are opened. */
export function httpsUrl(destination: string): string | null {
  try {
    const url = new URL(destination)
    return url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

const BLOCK_CONTAINERS = new Set(['document', 'block_quote', 'list', 'item'])

function childrenOf(node: Node): Node[] {
  const out: Node[] = []
  for (let child = node.firstChild; child; child = child.next) out.push(child)
  return out
}

/** All text under `node` (for image alt text and for over-deep nesting). */
export function plainText(node: Node): string {
  if (node.type === 'softbreak' || node.type === 'linebreak') return '\n'
  if (node.literal !== null && !node.isContainer) return node.literal
  return childrenOf(node)
    .map(plainText)
    .join(BLOCK_CONTAINERS.has(node.type) ? '\n' : '')
}

function inlines(node: Node, depth: number): MdInline[] {
  const out: MdInline[] = []
  for (const child of childrenOf(node)) {
    const item = inline(child, depth + 1)
    const last = out[out.length - 1]
    // Merge neighbouring text so the view renders fewer nodes.
    if (item.kind === 'text' && item.text === '') continue
    if (item.kind === 'text' && last?.kind === 'text') last.text += item.text
    else out.push(item)
  }
  return out
}

function inline(node: Node, depth: number): MdInline {
  if (depth > MAX_DEPTH) return { kind: 'text', text: plainText(node) }
  switch (node.type) {
    case 'emph':
    case 'strong':
      return { kind: node.type, children: inlines(node, depth) }
    case 'code':
      return { kind: 'code', text: node.literal ?? '' }
    case 'softbreak':
    case 'linebreak':
      return { kind: node.type }
    case 'link': {
      const url = node.destination ?? ''
      return {
        kind: 'link',
        url,
        title: node.title ?? '',
        href: httpsUrl(url),
        children: inlines(node, depth)
      }
    }
    case 'image':
      return { kind: 'image', alt: plainText(node), url: node.destination ?? '' }
    case 'html_inline':
      return { kind: 'html', text: node.literal ?? '' }
    default:
      // text, and anything unknown (custom_inline): its text only.
      return { kind: 'text', text: plainText(node) }
  }
}

function blocks(node: Node, depth: number): MdBlock[] {
  return childrenOf(node).map((child) => block(child, depth + 1))
}

function block(node: Node, depth: number): MdBlock {
  if (depth > MAX_DEPTH)
    return { kind: 'paragraph', children: [{ kind: 'text', text: plainText(node) }] }
  switch (node.type) {
    case 'paragraph':
      return { kind: 'paragraph', children: inlines(node, depth) }
    case 'heading':
      return {
        kind: 'heading',
        level: Math.min(6, Math.max(1, node.level)),
        children: inlines(node, depth)
      }
    case 'code_block':
      return {
        kind: 'code_block',
        text: (node.literal ?? '').replace(/\n$/, ''),
        info: node.info ?? ''
      }
    case 'block_quote':
      return { kind: 'block_quote', children: blocks(node, depth) }
    case 'list':
      return {
        kind: 'list',
        ordered: node.listType === 'ordered',
        start: node.listStart ?? 1,
        tight: node.listTight,
        items: childrenOf(node).map((item) => blocks(item, depth + 1))
      }
    case 'thematic_break':
      return { kind: 'thematic_break' }
    case 'html_block':
      return { kind: 'html', text: (node.literal ?? '').replace(/\n$/, '') }
    default:
      // custom_block or anything unknown: its text as a paragraph.
      return { kind: 'paragraph', children: [{ kind: 'text', text: plainText(node) }] }
  }
}

const parser = new Parser({ smart: false })

/** Parses Markdown `source` into blocks for the Markdown component. */
export function markdownView(source: string): MdBlock[] {
  return blocks(parser.parse(source), 0)
}
