// The DOM side of annotating: reads the document selection inside the rendered section text as a
// SectionTarget (via text-offsets and the shared anchoring helpers) and measures where highlights
// and selections are drawn, relative to the text's frame, for the toolbar and the editor.

import { describeRange } from '../../../shared/anchoring/describe'
import type { SelectionBox, TextSelection } from './annotation-view.svelte'
import { selectionOffsets } from './text-offsets'

export interface SectionRef {
  briefingId: string
  sectionId: string
  text: string
}

function boxOf(rect: DOMRect, frame: HTMLElement): SelectionBox {
  const f = frame.getBoundingClientRect()
  return {
    top: rect.top - f.top,
    bottom: rect.bottom - f.top,
    left: rect.left - f.left,
    right: rect.right - f.left
  }
}

/**
 * The current document selection as a target in `section`, or null when it is collapsed, misses
 * the text, or holds only whitespace. A selection reaching outside the text is clipped to it.
 */
export function readTextSelection(
  textEl: HTMLElement,
  frame: HTMLElement,
  section: SectionRef
): TextSelection | null {
  const selection = document.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!range.intersectsNode(textEl)) return null
  // A boundary outside the text of a range that meets it lies before (start) or after (end) it.
  const offsets = selectionOffsets(
    textEl,
    { node: range.startContainer, offset: range.startOffset },
    { node: range.endContainer, offset: range.endOffset },
    section.text.length,
    { startsBefore: true, endsAfter: true }
  )
  if (!offsets) return null
  const target = describeRange(section.text, offsets.start, offsets.end, {
    briefingId: section.briefingId,
    sectionId: section.sectionId
  })
  if (!target) return null
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0)
  const textRect = textEl.getBoundingClientRect()
  const inside = rects.filter((r) => r.bottom > textRect.top && r.top < textRect.bottom)
  const first = inside[0] ?? range.getBoundingClientRect()
  const last = inside[inside.length - 1] ?? first
  const box = boxOf(first, frame)
  return {
    target,
    box: {
      ...box,
      bottom: boxOf(last, frame).bottom,
      right: Math.max(box.right, boxOf(last, frame).right)
    }
  }
}

/** CSS selector for the rendered pieces of highlight `id`. */
export function piecesSelector(id: string): string {
  return `[data-highlight-ids~="${CSS.escape(id)}"]`
}

/** Where highlight `id` is drawn in `textEl` (first line top to last line bottom), or null. */
export function highlightBox(
  textEl: HTMLElement,
  frame: HTMLElement,
  id: string
): SelectionBox | null {
  const pieces = textEl.querySelectorAll(piecesSelector(id))
  if (pieces.length === 0) return null
  const first = pieces[0]!.getBoundingClientRect()
  const last = pieces[pieces.length - 1]!.getBoundingClientRect()
  const a = boxOf(first, frame)
  const b = boxOf(last, frame)
  return {
    top: a.top,
    bottom: b.bottom,
    left: Math.min(a.left, b.left),
    right: Math.max(a.right, b.right)
  }
}

/** The distance from the top of `el` to the top of its scrolling ancestor's visible area. */
export function roomAbove(el: HTMLElement, top: number): number {
  let scroller: HTMLElement | null = el.parentElement
  while (scroller && getComputedStyle(scroller).overflowY !== 'auto')
    scroller = scroller.parentElement
  const visibleTop = scroller ? scroller.getBoundingClientRect().top : 0
  return el.getBoundingClientRect().top + top - visibleTop
}

/** Clears the document selection (after a highlight was made from it). */
export function clearDocumentSelection(): void {
  document.getSelection()?.removeAllRanges()
}
