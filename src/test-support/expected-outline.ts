// Test helper: the outline a Markdown export must have (headings, and item ids under them), spelt
// out from the rules independently of the exporter's own layout code.

import { HIGHLIGHT_COLORS } from '../shared/annotations'
import type { AnchoredHighlight, Note } from '../shared/annotations'
import { blockId } from '../main/export/markdown-blocks'
import { ORPHANS_HEADING, SECTION_NOTES_HEADING } from '../main/export/markdown-export'
import type { MarkdownExportInput, MarkdownExportOptions } from '../main/export/markdown-export'
import type { ReadHeading } from '../main/export/markdown-read'

/** A heading, or the block id (without caret) of an item, in document order. */
export type OutlineEntry = ReadHeading | { id: string }

const start = (h: AnchoredHighlight): number => h.range?.start ?? h.target.position.start
const end = (h: AnchoredHighlight): number => h.range?.end ?? h.target.position.end
const byPosition = (a: AnchoredHighlight, b: AnchoredHighlight): number =>
  start(a) - start(b) || end(a) - end(b) || (a.id < b.id ? -1 : 1)
const byCreation = (a: Note, b: Note): number =>
  a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1)
const hl = (h: AnchoredHighlight): OutlineEntry => ({ id: blockId('hl', h.id).slice(1) })
const nt = (n: Note): OutlineEntry => ({ id: blockId('note', n.id).slice(1) })

/** The expected outline of `exportBriefingMarkdown(input, options)`. */
export function expectedOutline(
  input: MarkdownExportInput,
  options: MarkdownExportOptions
): OutlineEntry[] {
  const { briefing } = input
  const known = (id: string): boolean => briefing.sections.some((s) => s.id === id)
  const live = input.highlights.filter((h) => h.status === 'anchored' && known(h.target.sectionId))
  const lost = input.highlights.filter((h) => !live.includes(h))
  const notes = [...input.notes].sort(byCreation)
  const onSection = (id: string): Note[] =>
    options.includeSectionNotes
      ? notes.filter((n) => n.target.kind === 'section' && n.target.sectionId === id)
      : []
  const label = (c: (typeof HIGHLIGHT_COLORS)[number]): string => input.colorLabels[c] || c

  const out: OutlineEntry[] = [{ level: 1, text: briefing.title }]
  out.push(...notes.filter((n) => n.target.kind === 'briefing').map(nt))
  if (options.groupBy === 'section') {
    for (const s of briefing.sections) {
      out.push({ level: 2, text: s.heading }, ...onSection(s.id).map(nt))
      out.push(
        ...live
          .filter((h) => h.target.sectionId === s.id)
          .sort(byPosition)
          .map(hl)
      )
    }
  } else {
    for (const c of HIGHLIGHT_COLORS) {
      const mine = live.filter((h) => h.color === c)
      if (mine.length > 0) out.push({ level: 2, text: label(c) })
      for (const s of briefing.sections) {
        const here = mine.filter((h) => h.target.sectionId === s.id).sort(byPosition)
        if (here.length > 0) out.push({ level: 3, text: s.heading }, ...here.map(hl))
      }
    }
    const noted = briefing.sections.filter((s) => onSection(s.id).length > 0)
    if (noted.length > 0) out.push({ level: 2, text: SECTION_NOTES_HEADING })
    for (const s of noted) out.push({ level: 3, text: s.heading }, ...onSection(s.id).map(nt))
  }
  if (!options.includeOrphans) return out
  const lostNotes = options.includeSectionNotes
    ? notes.filter((n) => n.target.kind === 'section' && !known(n.target.sectionId))
    : []
  if (lost.length === 0 && lostNotes.length === 0) return out
  out.push({ level: 2, text: ORPHANS_HEADING })
  const sectionOf = (x: AnchoredHighlight | Note): string =>
    'status' in x ? x.target.sectionId : x.target.kind === 'section' ? x.target.sectionId : ''
  const ids = [...new Set([...lost, ...lostNotes].map(sectionOf))]
  const rank = (id: string): number => {
    const i = briefing.sections.findIndex((s) => s.id === id)
    return i === -1 ? briefing.sections.length : i
  }
  ids.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))
  for (const id of ids) {
    const heading = briefing.sections.find((s) => s.id === id)?.heading
    out.push({ level: 3, text: heading ?? `Section no longer in the briefing (${id})` })
    out.push(
      ...lost
        .filter((h) => h.target.sectionId === id)
        .sort(byPosition)
        .map(hl)
    )
    out.push(...lostNotes.filter((n) => sectionOf(n) === id).map(nt))
  }
  return out
}

/** The headings of the expected outline. */
export function expectedHeadings(
  input: MarkdownExportInput,
  options: MarkdownExportOptions
): ReadHeading[] {
  return expectedOutline(input, options).filter((e): e is ReadHeading => 'level' in e)
}
