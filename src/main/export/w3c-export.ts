// Export highlights and notes as one W3C Web Annotation JSON-LD AnnotationCollection (the backup
// and the way to move notes between laptops). TextPositionSelector offsets are converted from the
// app's UTF-16 units to Unicode code points, as the model requires. Pure: returns the object.

import type { Highlight, HighlightColor, Note } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import { utf16ToCodePoint } from '../annotations/w3c/code-points'
import { annotationIri, COLOR_KEY, EXPORT_CONTEXT, sourceIri } from '../annotations/w3c/w3c-model'

/** What to export: records of any number of briefings, and the briefings for their texts. */
export interface W3CExportInput {
  /** Briefings whose section texts are used to count code points. */
  briefings: Briefing[]
  highlights: Highlight[]
  notes: Note[]
  /** ISO time of the export. */
  exportedAt: string
  /** A label for the collection (default "Briefing Reader annotations"). */
  label?: string
  /** The analyst's colour labels, kept on the collection as `briefing:colorLabels`. */
  colorLabels?: Record<HighlightColor, string>
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

function bodies(text: string | null, tags: readonly string[]): Json[] {
  const out: Json[] = []
  if (text !== null) {
    out.push({ type: 'TextualBody', value: text, format: 'text/markdown', purpose: 'commenting' })
  }
  for (const tag of tags) out.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  return out
}

/**
 * One highlight as an Annotation. Positions are counted on the section's current text: exact for
 * a highlight made on that text; for one made on an older version (orphaned, or moved) astral
 * characters before it may shift the count, which re-anchoring by quote absorbs.
 */
export function highlightAnnotation(h: Highlight, sectionText: string): Record<string, Json> {
  const { quote, position } = h.target
  const body = bodies(h.note === '' ? null : h.note, h.tags)
  return {
    id: annotationIri('highlight', h.id),
    type: 'Annotation',
    motivation: h.note === '' ? 'highlighting' : 'commenting',
    created: h.createdAt,
    modified: h.updatedAt,
    [COLOR_KEY]: h.color,
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: sourceIri(h.target.briefingId, h.target.sectionId),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix
        },
        {
          type: 'TextPositionSelector',
          start: utf16ToCodePoint(sectionText, position.start),
          end: utf16ToCodePoint(sectionText, position.end)
        }
      ]
    }
  }
}

/** A note on a briefing or section: a commenting Annotation whose target is the source itself. */
export function noteAnnotation(n: Note): Record<string, Json> {
  const sectionId = n.target.kind === 'section' ? n.target.sectionId : undefined
  return {
    id: annotationIri('note', n.id),
    type: 'Annotation',
    motivation: 'commenting',
    created: n.createdAt,
    modified: n.updatedAt,
    body: bodies(n.body, n.tags),
    target: sourceIri(n.briefingId, sectionId)
  }
}

/**
 * An AnnotationCollection of every highlight and note given, embedded in its first (only) page:
 * highlights then notes, each ordered by briefing, section (reading order when the briefing is
 * given), position or time, then id, so the same records give the same file.
 */
export function exportW3CAnnotations(input: W3CExportInput): Record<string, Json> {
  const texts = new Map<string, string>()
  const rank = new Map<string, number>()
  for (const b of input.briefings) {
    b.sections.forEach((s, i) => {
      texts.set(`${b.id}\n${s.id}`, s.text)
      rank.set(`${b.id}\n${s.id}`, i)
    })
  }
  const key = (briefingId: string, sectionId: string): string => `${briefingId}\n${sectionId}`
  const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0)
  const highlights = [...input.highlights].sort((a, b) => {
    const ka = key(a.target.briefingId, a.target.sectionId)
    const kb = key(b.target.briefingId, b.target.sectionId)
    return (
      cmp(a.target.briefingId, b.target.briefingId) ||
      cmp(rank.get(ka) ?? Infinity, rank.get(kb) ?? Infinity) ||
      cmp(a.target.sectionId, b.target.sectionId) ||
      cmp(a.target.position.start, b.target.position.start) ||
      cmp(a.id, b.id)
    )
  })
  const notes = [...input.notes].sort(
    (a, b) => cmp(a.briefingId, b.briefingId) || cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id)
  )
  const items: Json[] = [
    ...highlights.map((h) =>
      highlightAnnotation(h, texts.get(key(h.target.briefingId, h.target.sectionId)) ?? '')
    ),
    ...notes.map(noteAnnotation)
  ]
  const id = `urn:briefing-reader:export:${encodeURIComponent(input.exportedAt)}`
  return {
    '@context': EXPORT_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: input.label ?? 'Briefing Reader annotations',
    ...(input.colorLabels ? { 'briefing:colorLabels': { ...input.colorLabels } } : {}),
    total: items.length,
    first: { id: `${id}/page1`, type: 'AnnotationPage', startIndex: 0, items }
  }
}

/** One briefing's records as the annotation store loads them. */
export interface BriefingAnnotations {
  briefing: Briefing
  view: { highlights: Highlight[]; notes: Note[] }
}

/**
 * The export file's text: exportW3CAnnotations over several briefings' records, as indented JSON
 * with a final newline (what the save dialog and `npm run cli -- export --format w3c` write).
 */
export function exportW3CCollection(
  entries: readonly BriefingAnnotations[],
  options: { exportedAt: string; colorLabels?: Record<HighlightColor, string>; label?: string }
): string {
  const collection = exportW3CAnnotations({
    briefings: entries.map((e) => e.briefing),
    highlights: entries.flatMap((e) => e.view.highlights),
    notes: entries.flatMap((e) => e.view.notes),
    ...options
  })
  return `${JSON.stringify(collection, null, 2)}\n`
}
