// The open briefing's own keys: j / k move through the sections, h / n / 1–5 highlight the
// selection, Escape closes the highlight editor, Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z or Ctrl+Y undo
// and redo (text fields keep their own undo).

import { HIGHLIGHT_COLORS } from '../../../shared/annotations'
import type { AnnotationsState } from './annotations-state.svelte'
import { isShortcut, isTextEntry } from './keys'
import type { ReaderState } from './reader-state.svelte'

/** Handles `event` for the briefing open in `reader`; keys it does not use are left alone. */
export function onBriefingKey(
  event: KeyboardEvent,
  reader: ReaderState,
  annotations: AnnotationsState
): void {
  if (!reader.detail || reader.status !== 'ready') return
  if (onHistoryKey(event, annotations)) return
  const view = annotations.view
  if (view.selection && (isShortcut(event, 'h') || isShortcut(event, 'n'))) {
    event.preventDefault()
    void annotations.highlightSelection(annotations.prefs.lastColor, event.key === 'n')
  } else if (view.selection && /^[1-5]$/.test(event.key) && isShortcut(event, event.key)) {
    event.preventDefault()
    const color = HIGHLIGHT_COLORS[Number(event.key) - 1]
    void annotations.highlightSelection(color)
  } else if (event.key === 'Escape' && !event.defaultPrevented && !isTextEntry(event.target)) {
    if (view.editor) view.closeEditor()
    else if (view.selectedId) view.deselect()
  } else if (isShortcut(event, 'j')) {
    event.preventDefault()
    reader.next()
  } else if (isShortcut(event, 'k')) {
    event.preventDefault()
    reader.previous()
  }
}

function onHistoryKey(event: KeyboardEvent, annotations: AnnotationsState): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextEntry(event.target)) return false
  const key = event.key.toLowerCase()
  if (key === 'z' && !event.shiftKey) void annotations.undo()
  else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
    void annotations.redo()
  } else return false
  event.preventDefault()
  return true
}
