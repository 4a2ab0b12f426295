// Chooses a document's outline from its blocks: which heading is the title, which heading level
// makes sections (deeper headings stay as paragraphs), and what happens to headings with no text.

import type { Block, ParsedSection } from './types'

export interface Outline {
  title?: string
  lead: string[]
  sections: ParsedSection[]
}

/**
 * Builds the outline shared by the Markdown and HTML importers (and plain text, whose title is
 * chosen before). With `singleTopTitle`, a level-1 heading that is the only one of its level is the
 * title. The highest level among the other headings makes sections; deeper headings become
 * paragraphs of their section. A section heading directly followed by another keeps the second as
 * its first paragraph, and a heading with nothing after it becomes a paragraph of what precedes it,
 * so no section is ever empty. Blank paragraphs and headings are dropped.
 */
export function buildOutline(blocks: readonly Block[], singleTopTitle: boolean): Outline {
  const kept = blocks.filter((block) => block.text.trim() !== '')
  let title: string | undefined
  let titleBlock: Block | undefined
  if (singleTopTitle) {
    const top = kept.filter((block) => block.kind === 'heading' && block.level === 1)
    if (top.length === 1) {
      titleBlock = top[0]
      title = titleBlock?.text.trim()
    }
  }
  let sectionLevel = Infinity
  for (const block of kept) {
    if (block.kind === 'heading' && block !== titleBlock) {
      sectionLevel = Math.min(sectionLevel, block.level)
    }
  }

  const lead: string[] = []
  const sections: ParsedSection[] = []
  for (const block of kept) {
    if (block === titleBlock) continue
    const current = sections[sections.length - 1]
    const text = block.text.trim()
    if (block.kind === 'heading' && block.level === sectionLevel) {
      // A section heading right after another (empty) one reads as its sub-heading.
      if (current && current.paragraphs.length === 0) current.paragraphs.push(text)
      else sections.push({ heading: text, paragraphs: [] })
    } else {
      ;(current ? current.paragraphs : lead).push(text)
    }
  }
  const last = sections[sections.length - 1]
  if (last && last.paragraphs.length === 0) {
    // A closing heading-like line ("Reporting by …") has no section: keep it as text.
    sections.pop()
    const before = sections[sections.length - 1]
    ;(before ? before.paragraphs : lead).push(last.heading)
  }
  return { title, lead, sections }
}
