// What a highlighted piece of section text carries (SectionText renders it): its classes (colour,
// stacking, selection, flash), whether it is its highlight's tab stop, and the words hover and
// assistive technology get (the colours' meanings, never the colours).

import type { AnchoredHighlight, HighlightColor } from '../../../shared/annotations'
import type { Piece } from './segments'

export interface PieceMarks {
  byId: ReadonlyMap<string, AnchoredHighlight>
  /** The highlight selected in this briefing, if any. */
  selected: AnchoredHighlight | undefined
  flashId: string | null
  /** A colour's meaning (the analyst's label). */
  label: (color: HighlightColor) => string
}

function layers(piece: Piece, marks: PieceMarks): AnchoredHighlight[] {
  return piece.highlights.map((id) => marks.byId.get(id)).filter((h) => h !== undefined)
}

export function pieceClass(piece: Piece, marks: PieceMarks): (string | false)[] {
  const inner = marks.byId.get(piece.highlights[0] ?? '')
  if (!inner) return [piece.match && 'search-match']
  const outer = marks.byId.get(piece.highlights[1] ?? '')
  const { selected, flashId } = marks
  const isSelected = !!selected && piece.highlights.includes(selected.id)
  const range = selected?.range
  return [
    'hl',
    `hl-${inner.color}`,
    piece.match && 'search-match',
    !!outer && `hl-stacked hl-under-${outer.color}`,
    piece.highlights.length > 2 && 'hl-deep',
    inner.note.trim() !== '' && inner.range?.end === piece.end && 'hl-noted',
    isSelected && 'hl-selected',
    isSelected && range?.start === piece.start && 'hl-sel-start',
    isSelected && range?.end === piece.end && 'hl-sel-end',
    flashId !== null && piece.highlights.includes(flashId) && 'hl-flash'
  ]
}

/** The highlight whose first piece this is (a tab stop), innermost first. */
export function stopOf(piece: Piece, marks: PieceMarks): string | undefined {
  return piece.highlights.find((id) => marks.byId.get(id)?.range?.start === piece.start)
}

/** The colour labels of a piece's highlights, innermost first ("Key point · Question"). */
export function pieceLabels(piece: Piece, marks: PieceMarks): string | undefined {
  const found = layers(piece, marks)
  if (found.length === 0) return undefined
  return found.map((h) => marks.label(h.color)).join(' · ')
}

export function pieceTitle(piece: Piece, marks: PieceMarks): string | undefined {
  const found = layers(piece, marks)
  if (found.length === 0) return undefined
  const labels = pieceLabels(piece, marks)
  return found.length === 1
    ? `${labels} — click to open`
    : `${labels} — ${found.length} overlapping highlights; click again for the next`
}

/** What a screen reader says of a highlighted piece: its colours' meanings, not the colours. */
export function pieceDescription(piece: Piece, marks: PieceMarks): string | undefined {
  const found = layers(piece, marks)
  if (found.length === 0) return undefined
  const labels = found.map((h) => marks.label(h.color))
  const noted = found.some((h) => h.note.trim() !== '') ? ', with a note' : ''
  return labels.length === 1
    ? `${labels[0]} highlight${noted}`
    : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]} highlights${noted}`
}

/** aria-description (ARIA 1.3, in Chromium) as an attribute: Svelte's element types lack it. */
export function describedAs(description: string | undefined): Record<string, string> {
  return description === undefined ? {} : { 'aria-description': description }
}
