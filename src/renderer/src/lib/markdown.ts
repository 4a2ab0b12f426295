// Markdown notes → a plain view model the Markdown component renders element by element, as text
// only: raw HTML stays literal text, images become their alt text, and only links that parse as
// https URLs are marked openable. Pure (commonmark's parser only, never its HTML renderer). Bounded:
// a note past the note limits is never parsed, and nothing here recurses deeper than MAX_DEPTH.

import { Parser } from 'commonmark'
import type { Node } from 'commonmark'

import { MAX_PARSE_COST, noteLimitProblem, parseCost } from '../../../shared/note-limits'

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
  /** The whole note as typed, unformatted: it is past the note limits, so it is not parsed. */
  | { kind: 'plain'; text: string; reason: string }

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

/** All text under `node` (for image alt text and for over-deep nesting); a loop, not recursion. */
export function plainText(node: Node): string {
  const parts: string[] = []
  const walker = node.walker()
  for (let event = walker.next(); event; event = walker.next()) {
    const { node: current, entering } = event
    if (!entering) continue
    const parent = current.parent
    if (current !== node && current.prev && parent && BLOCK_CONTAINERS.has(parent.type))
      parts.push('\n')
    if (current.type === 'softbreak' || current.type === 'linebreak') parts.push('\n')
    else if (current.literal !== null && !current.isContainer) parts.push(current.literal)
  }
  return parts.join('')
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

function costProblem(source: string): string | null {
  const cost = parseCost(source)
  return cost > MAX_PARSE_COST
    ? `the note has too much Markdown to format at once (${cost.toLocaleString('en')} units of work, at most ${MAX_PARSE_COST.toLocaleString('en')}), so it is shown unformatted`
    : null
}

/**
 * Parses Markdown `source` into blocks for the Markdown component. A note past the note limits
 * (stored before they existed) or costing more than MAX_PARSE_COST to parse is shown whole as
 * plain text: parsing it could overflow the stack or take seconds.
 */
export function markdownView(source: string): MdBlock[] {
  const problem = noteLimitProblem(source) ?? costProblem(source)
  if (problem) return [{ kind: 'plain', text: source, reason: problem }]
  return blocks(parser.parse(source), 0)
}
