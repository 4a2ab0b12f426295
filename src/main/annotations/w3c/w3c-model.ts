// The W3C Web Annotation vocabulary as this app writes and reads it: the JSON-LD context, the
// `urn:briefing-reader:` names of briefings, sections and annotations, and the import's results.
//
// Targets: `urn:briefing-reader:<briefingId>` is a briefing, `urn:briefing-reader:<briefingId>/
// <sectionId>` one of its sections (its canonical text); both ids are percent-encoded
// (encodeURIComponent), so neither can contain a raw "/" or ":". Annotation ids: `urn:uuid:<id>`
// when the record id is a UUID (as the app makes them), else `urn:briefing-reader:highlight:<id>`
// or `urn:briefing-reader:note:<id>`. The colour is the extension property `briefing:color`, the
// prefix `briefing` being declared in the export's @context as `urn:briefing-reader:vocab:`.

import { createHash } from 'node:crypto'

import type { HighlightColor, NoteTarget } from '../../../shared/annotations'

/** The Web Annotation JSON-LD context every annotation must carry (or inherit). */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
/** IRI prefix of this app's extension terms. */
export const VOCAB = 'urn:briefing-reader:vocab:'
/** The extension property holding a highlight's colour, and its expanded form. */
export const COLOR_KEY = 'briefing:color'
export const COLOR_KEY_EXPANDED = `${VOCAB}color`
/** The @context of an export: the standard one plus the `briefing` prefix. */
export const EXPORT_CONTEXT = [ANNO_CONTEXT, { briefing: VOCAB }]

const SOURCE_PREFIX = 'urn:briefing-reader:'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The IRI of a briefing (no section) or of one of its sections. */
export function sourceIri(briefingId: string, sectionId?: string): string {
  const briefing = SOURCE_PREFIX + encodeURIComponent(briefingId)
  return sectionId === undefined ? briefing : `${briefing}/${encodeURIComponent(sectionId)}`
}

/** The briefing and section an IRI names, or null when it is not one of ours. */
export function parseSourceIri(iri: string): { briefingId: string; sectionId?: string } | null {
  if (!iri.startsWith(SOURCE_PREFIX)) return null
  const parts = iri.slice(SOURCE_PREFIX.length).split('/')
  // Ids are percent-encoded, so a raw ":" marks another of our names (annotation ids, vocabulary).
  if (parts.length > 2 || parts.some((p) => p === '' || /[:?#]/.test(p))) return null
  try {
    const [briefingId = '', sectionId] = parts.map(decodeURIComponent)
    return sectionId === undefined ? { briefingId } : { briefingId, sectionId }
  } catch {
    return null // malformed percent-encoding
  }
}

/** The annotation IRI of a highlight or note record. */
export function annotationIri(kind: 'highlight' | 'note', id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${SOURCE_PREFIX}${kind}:${encodeURIComponent(id)}`
}

/**
 * The record id for an annotation IRI: ours (urn:uuid or urn:briefing-reader:<kind>:) give the
 * id back; any other IRI gets a UUID-shaped SHA-256 of itself, the same at every import, so
 * importing a file twice merges instead of duplicating.
 */
export function recordIdFor(kind: 'highlight' | 'note', iri: string): string {
  if (iri.startsWith('urn:uuid:') && UUID.test(iri.slice(9))) return iri.slice(9)
  const ours = `${SOURCE_PREFIX}${kind}:`
  if (iri.startsWith(ours)) {
    try {
      const id = decodeURIComponent(iri.slice(ours.length))
      if (id !== '') return id
    } catch {
      // fall through to the hash
    }
  }
  const hex = createHash('sha256').update(iri).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** Something wrong with (`invalid`) or not importable from (`unsupported`) the input. */
export interface ImportProblem {
  /** JSON path of the offending value, e.g. `$.first.items[3].target.selector`. */
  path: string
  message: string
  kind: 'invalid' | 'unsupported'
}

/** A highlight read from an annotation, before re-anchoring on the current text. */
export interface ImportedHighlight {
  /** The record id (see recordIdFor). */
  id: string
  /** The annotation's own IRI. */
  annotationId: string
  briefingId: string
  sectionId: string
  /** The TextQuoteSelector, when the annotation has one. */
  quote?: { exact: string; prefix: string; suffix: string }
  /** The TextPositionSelector, in Unicode code points as in the file (see importedToTarget). */
  position?: { start: number; end: number }
  color: HighlightColor
  tags: string[]
  /** Markdown of the note; '' when none. */
  note: string
  createdAt?: string
  updatedAt?: string
}

/** A note on a briefing or section read from a commenting annotation without selectors. */
export interface ImportedNote {
  id: string
  annotationId: string
  briefingId: string
  target: NoteTarget
  body: string
  tags: string[]
  createdAt?: string
  updatedAt?: string
}

/** What an import found. */
export interface W3CImport {
  highlights: ImportedHighlight[]
  notes: ImportedNote[]
  problems: ImportProblem[]
}
