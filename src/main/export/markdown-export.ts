// Export one briefing's highlights and notes as a Markdown file for Obsidian, reports and wikis:
// YAML front matter, `# Title`, briefing notes, then highlights grouped by section or by colour,
// orphaned highlights last. Pure: the caller reads the store and writes the file. A passage over
// code, list items, table rows or quotes (dataset version 2) keeps those kinds in its quote.
//
// Fidelity (issue #4). Plain text (quotes, headings, labels) is escaped so any CommonMark parser
// reads it back exactly (markdown-escape.ts); a multi-line quote keeps `> ` on every line with
// backslash hard breaks. Notes are the analyst's Markdown and are rendered, not escaped: each is
// nested in a block quote (`  > ` on every line, content at column 4 so tab stops are unchanged)
// inside its item's list entry, so a heading, `---`, fence or HTML in a note stays inside the
// note, and the note's blocks parse to the same tree as the note on its own. The one document-wide
// construct, link reference definitions, is checked: a note whose links would resolve differently
// in the file is shown as its Markdown source in a fenced block instead (markdown-references.ts).

import type { Briefing, Entity, Section } from '../../shared/dataset'
import { HIGHLIGHT_COLORS } from '../../shared/annotations'
import { byCreation } from '../../shared/annotation-delta'
import type { AnchoredHighlight, HighlightColor, Note } from '../../shared/annotations'
import { quotePieces, type QuotePiece } from './markdown-block-kinds'
import { headingMarkdown, highlightMarkdown, italicMarkdown, noteMarkdown } from './markdown-blocks'
import { briefingFrontMatter, combinedFrontMatter } from './markdown-front-matter'
import { notesToShowAsSource } from './markdown-references'

/** Everything one briefing's export is made from. */
export interface MarkdownExportInput {
  briefing: Briefing
  /** Entities of the dataset; those mentioned in the briefing are listed in the front matter. */
  entities: Entity[]
  highlights: AnchoredHighlight[]
  notes: Note[]
  /** The analyst's names for the colours (preferences). */
  colorLabels: Record<HighlightColor, string>
  /** Identifies the dataset version the highlights were anchored on. */
  datasetHash: string
  /** ISO time of the export. */
  exportedAt: string
}

/** What to include and how to group. */
export interface MarkdownExportOptions {
  groupBy: 'section' | 'color'
  /** Notes on sections (notes on the whole briefing are always at the top). */
  includeSectionNotes: boolean
  /** Entity names by kind in the front matter. */
  includeEntities: boolean
  includeOrphans: boolean
}

/** The defaults the issue asks for: by section, everything included. */
export const DEFAULT_MARKDOWN_OPTIONS: MarkdownExportOptions = {
  groupBy: 'section',
  includeSectionNotes: true,
  includeEntities: true,
  includeOrphans: true
}

/** Heading of the orphaned highlights, always last. */
export const ORPHANS_HEADING = 'Orphaned highlights'
/** Heading of section notes when grouping by colour. */
export const SECTION_NOTES_HEADING = 'Section notes'
const ORPHANS_INTRO =
  'No longer found in the current text of the briefing; each is shown as it was highlighted.'

/** A rendered item: `key` names a note it embeds (for the reference check), if any. */
interface Part {
  markdown: (asSource: Set<string>) => string
  note?: { key: string; source: string }
}

function highlightOrder(a: AnchoredHighlight, b: AnchoredHighlight): number {
  const as = a.range?.start ?? a.target.position.start
  const bs = b.range?.start ?? b.target.position.start
  if (as !== bs) return as - bs
  const ae = a.range?.end ?? a.target.position.end
  const be = b.range?.end ?? b.target.position.end
  if (ae !== be) return ae - be
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function labelOf(input: MarkdownExportInput, color: HighlightColor): string {
  const label = input.colorLabels[color]
  return typeof label === 'string' && label !== '' ? label : color
}

function highlightPart(input: MarkdownExportInput, h: AnchoredHighlight): Part {
  const key = `hl:${h.id}`
  const item = {
    id: h.id,
    exact: h.target.quote.exact,
    color: h.color,
    label: labelOf(input, h.color),
    tags: h.tags,
    note: h.note,
    pieces: structureOf(input, h)
  }
  return { markdown: (src) => highlightMarkdown(item, src.has(key)), note: { key, source: h.note } }
}

/**
 * The block kinds of an anchored highlight's passage; none for orphans, or when the text at its
 * range is no longer exactly what was highlighted (then the quote as highlighted is shown).
 */
function structureOf(input: MarkdownExportInput, h: AnchoredHighlight): QuotePiece[] | undefined {
  const section = input.briefing.sections.find((s) => s.id === h.target.sectionId)
  if (h.status !== 'anchored' || !h.range || !section) return undefined
  const { start, end } = h.range
  if (section.text.slice(start, end) !== h.target.quote.exact) return undefined
  return quotePieces(section, start, end)
}

function notePart(n: Note): Part {
  const key = `note:${n.id}`
  return {
    markdown: (src) => noteMarkdown({ id: n.id, body: n.body, tags: n.tags }, src.has(key)),
    note: { key, source: n.body }
  }
}

const heading = (level: number, text: string): Part => ({
  markdown: () => headingMarkdown(level, text)
})

/** `list` split by `key`, each group in the list's order. */
function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of list) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}

/** The document as a list of parts, in reading order. */
function layout(input: MarkdownExportInput, options: MarkdownExportOptions): Part[] {
  const { briefing } = input
  const sectionIds = new Set(briefing.sections.map((s) => s.id))
  const anchored = input.highlights
    .filter((h) => h.status === 'anchored' && sectionIds.has(h.target.sectionId))
    .sort(highlightOrder)
  const orphans = input.highlights
    .filter((h) => h.status !== 'anchored' || !sectionIds.has(h.target.sectionId))
    .sort(highlightOrder)
  const notes = [...input.notes].sort(byCreation)
  const sectionNotes = (id: string): Note[] =>
    options.includeSectionNotes
      ? notes.filter((n) => n.target.kind === 'section' && n.target.sectionId === id)
      : []
  const inSection = (list: AnchoredHighlight[]): ((id: string) => AnchoredHighlight[]) => {
    const groups = groupBy(list, (h) => h.target.sectionId)
    return (id) => groups.get(id) ?? []
  }

  const parts: Part[] = [heading(1, briefing.title)]
  parts.push(...notes.filter((n) => n.target.kind === 'briefing').map(notePart))
  if (options.groupBy === 'section') {
    const ofSection = inSection(anchored)
    for (const section of briefing.sections) {
      parts.push(heading(2, section.heading), ...sectionNotes(section.id).map(notePart))
      parts.push(...ofSection(section.id).map((h) => highlightPart(input, h)))
    }
  } else {
    for (const color of HIGHLIGHT_COLORS) {
      const ofColor = anchored.filter((h) => h.color === color)
      if (ofColor.length === 0) continue
      parts.push(heading(2, labelOf(input, color)))
      const ofSection = inSection(ofColor)
      for (const section of briefing.sections) {
        const list = ofSection(section.id)
        if (list.length === 0) continue
        parts.push(heading(3, section.heading), ...list.map((h) => highlightPart(input, h)))
      }
    }
    const withNotes = briefing.sections.filter((s) => sectionNotes(s.id).length > 0)
    if (withNotes.length > 0) parts.push(heading(2, SECTION_NOTES_HEADING))
    for (const section of withNotes)
      parts.push(heading(3, section.heading), ...sectionNotes(section.id).map(notePart))
  }
  if (options.includeOrphans) parts.push(...orphanParts(input, options, orphans, notes, sectionIds))
  return parts
}

/** Orphaned highlights (and notes on sections no longer in the briefing) by former section. */
function orphanParts(
  input: MarkdownExportInput,
  options: MarkdownExportOptions,
  orphans: AnchoredHighlight[],
  notes: Note[],
  sectionIds: Set<string>
): Part[] {
  const lostNotes = options.includeSectionNotes
    ? notes.filter((n) => n.target.kind === 'section' && !sectionIds.has(n.target.sectionId))
    : []
  if (orphans.length === 0 && lostNotes.length === 0) return []
  const order = new Map(input.briefing.sections.map((s, i): [string, number] => [s.id, i]))
  const groups = new Map<string, Part[]>()
  const add = (sectionId: string, part: Part): void => {
    const list = groups.get(sectionId)
    if (list) list.push(part)
    else groups.set(sectionId, [part])
  }
  for (const h of orphans) add(h.target.sectionId, highlightPart(input, h))
  for (const n of lostNotes) if (n.target.kind === 'section') add(n.target.sectionId, notePart(n))
  const sections = [...groups.keys()].sort(
    (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : 1)
  )
  const parts: Part[] = [
    heading(2, ORPHANS_HEADING),
    { markdown: () => italicMarkdown(ORPHANS_INTRO) }
  ]
  for (const id of sections) {
    const section: Section | undefined = input.briefing.sections.find((s) => s.id === id)
    const title = section ? section.heading : `Section no longer in the briefing (${id})`
    parts.push(heading(3, title), ...(groups.get(id) ?? []))
  }
  return parts
}

/** The file: front matter, then the parts; notes whose links would change are shown as source. */
function renderDocument(front: string, parts: Part[]): string {
  const render = (asSource: Set<string>): string =>
    [front, ...parts.map((p) => p.markdown(asSource))].join('\n\n') + '\n'
  const notes = parts.flatMap((p) => (p.note ? [p.note] : []))
  return render(notesToShowAsSource(notes, render))
}

/**
 * The Markdown export of one briefing. Deterministic: the same input gives the same bytes, and
 * each highlight and note keeps its block id (`^hl-…`, `^note-…`) from one export to the next.
 */
export function exportBriefingMarkdown(
  input: MarkdownExportInput,
  options: MarkdownExportOptions = DEFAULT_MARKDOWN_OPTIONS
): string {
  return renderDocument(briefingFrontMatter(input, options.includeEntities), layout(input, options))
}

/**
 * Several briefings in one Markdown file: one front matter (the file's title and time, and each
 * briefing's fields under `briefings`), then each briefing as exportBriefingMarkdown lays it out
 * from its `# Title`. Link references are checked across the whole file, not per briefing.
 */
export function exportBriefingsMarkdown(
  inputs: readonly MarkdownExportInput[],
  options: MarkdownExportOptions,
  file: { title: string; exportedAt: string }
): string {
  const front = combinedFrontMatter(inputs, options.includeEntities, file)
  return renderDocument(
    front,
    inputs.flatMap((input) => layout(input, options))
  )
}
