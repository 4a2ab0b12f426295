// Chooses a document's outline from its blocks: which heading is the title, which heading levels
// make sections (Markdown: the highest one; HTML: h1–h3 all, deeper ones named "Parent › Child"),
// and what happens to headings with no text, so that no section is ever empty.

import { partOf, type Block, type ParsedSection, type TextPart } from './types'

export interface Outline {
  title?: string
  lead: TextPart[]
  sections: ParsedSection[]
}

/** Separates a parent heading from a sub-heading in the heading of an every-level section. */
export const HEADING_PATH_SEPARATOR = ' › '

interface Draft {
  level: number
  /** The heading's own text (the section's heading may carry its parent's in front). */
  text: string
  heading: string
  paragraphs: TextPart[]
}

/**
 * Builds the outline shared by the Markdown and HTML importers (and plain text, whose title is
 * chosen before). With `singleTopTitle`, a level-1 heading that is the only one of its level is
 * the title. Without `everyLevel`, the highest level among the headings (the title left out)
 * makes sections and deeper headings become paragraphs of their section. With it (HTML), every
 * heading starts a section, headed "Parent › Heading" under a higher heading (the nearest one);
 * a heading with no text of its own before a deeper one is no section (it is named in the deeper
 * ones' headings). A section heading directly followed by
 * another of the same level keeps the second as its first paragraph, and a heading with nothing
 * after it becomes a paragraph of what precedes it. Blank paragraphs and headings are dropped.
 * Blocks other than headings keep their kind (a code block its whitespace); plain paragraphs
 * become bare strings.
 */
export function buildOutline(
  blocks: readonly Block[],
  singleTopTitle: boolean,
  everyLevel = false
): Outline {
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

  const lead: TextPart[] = []
  const sections: Draft[] = []
  /** The text of the latest heading at each level, for "Parent › Heading". */
  const open = new Map<number, string>()
  const emptyLast = () => sections[sections.length - 1]?.paragraphs.length === 0
  /** Moves the last (empty) section's heading text to the end of what precedes it. */
  const demoteLast = () => {
    const last = sections.pop() as Draft
    const before = sections[sections.length - 1]
    ;(before ? before.paragraphs : lead).push(last.text)
  }
  for (const block of kept) {
    if (block === titleBlock) continue
    const current = sections[sections.length - 1]
    if (block.kind !== 'heading') {
      // Code keeps its indentation, a table row its empty edge cells.
      const whole = block.kind === 'code' || block.kind === 'table-row'
      const part = whole ? block : partOf({ ...block, text: block.text.trim() })
      ;(current ? current.paragraphs : lead).push(part)
      continue
    }
    const text = block.text.trim()
    const level = block.level
    if (!everyLevel && level !== sectionLevel) {
      ;(current ? current.paragraphs : lead).push(text)
      continue
    }
    if (current && emptyLast()) {
      // A heading right after an empty one of its level reads as its sub-heading; an empty
      // heading before a deeper one is named in that one's heading; before a higher one it is text.
      if (current.level === level) {
        current.paragraphs.push(text)
        continue
      }
      if (current.level < level) sections.pop()
      else demoteLast()
    }
    for (const deeper of [...open.keys()]) if (deeper >= level) open.delete(deeper)
    const parentLevel = Math.max(-1, ...[...open.keys()].filter((l) => l < level))
    const parent = open.get(parentLevel)
    open.set(level, text)
    const heading = parent !== undefined ? `${parent}${HEADING_PATH_SEPARATOR}${text}` : text
    sections.push({ level, text, heading, paragraphs: [] })
  }
  // A closing heading-like line ("Reporting by …") has no section: keep it as text.
  if (emptyLast()) demoteLast()
  return {
    title,
    lead,
    sections: sections.map(({ heading, paragraphs }) => ({ heading, paragraphs }))
  }
}
