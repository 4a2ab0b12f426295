// The keyboard reading cursor as a Svelte attachment on each section's text: arrows move it by
// sentence or paragraph across every section text on screen (in DOM order), Shift+arrows make a
// real document selection by sentences or words (so the usual highlight path takes it from
// there), ] and [ move between highlights, Enter opens the focused one. Keys from shortcuts.ts.

import type { Attachment } from 'svelte/attachments'

import type { ShortcutId } from '../../../shared/shortcuts'
import { isMacPlatform, shortcutFor } from './key-match'
import { isTextEntry } from './keys'
import {
  announceSentence,
  extendSelection,
  selectionSpan,
  sentenceSpans,
  spanAt,
  spansOf,
  stepAcross
} from './reading-cursor'
import type { KeySelection, Span } from './reading-cursor'
import {
  HIGHLIGHT_STOP_ATTR,
  TEXT_ATTR,
  firstVisibleOffset,
  highlightStops,
  paintCursor,
  rangeOf,
  revealRange,
  selectRange,
  stopOffset,
  textContainers
} from './reading-cursor-dom'

/** What the cursor needs from the section text it is attached to. */
export interface CursorSection {
  /** The section's canonical text. */
  text(): string
  /** Its paragraphs for paragraph moves: its blocks (default: split at blank lines). */
  paragraphs?(): readonly Span[]
  /** Reads the document selection into the annotation state now (keys just changed it). */
  refresh(): void
  /** Opens the editor of highlight `id` (Enter on a focused highlight). */
  open(id: string): void
}

interface CursorState {
  container: HTMLElement
  text: string
  span: Span
  selection: KeySelection | null
}

const KEYS = [
  'cursor-next-sentence',
  'cursor-previous-sentence',
  'cursor-next-paragraph',
  'cursor-previous-paragraph',
  'extend-sentence-forward',
  'extend-sentence-back',
  'extend-word-forward',
  'extend-word-back',
  'next-highlight',
  'previous-highlight',
  'open-highlight',
  'highlight',
  'note-selection',
  'highlight-color'
] as const satisfies readonly ShortcutId[]

const sections = new WeakMap<HTMLElement, CursorSection>()
let state: CursorState | null = null
const mac = isMacPlatform()

// Sections attached or detached in one render update the tab stops once, after it: a pass per
// section over every section was quadratic (seconds with thousands of sections rendered).
let tabStopsQueued = false
function queueTabStops(): void {
  if (tabStopsQueued) return
  tabStopsQueued = true
  queueMicrotask(updateTabStops)
}

/** The text of the section holding `el` (its heading, the lead section itself), if any. */
function sectionTextOf(el: Element | null): HTMLElement | null {
  return el?.closest('[data-section-id]')?.querySelector<HTMLElement>(`[${TEXT_ATTR}]`) ?? null
}

/**
 * The one container that Tab reaches: the text of the section the focus is in (a heading focused
 * on opening leads on to its own text), else the cursor's, else the section being read's.
 */
function updateTabStops(): void {
  tabStopsQueued = false
  const all = textContainers()
  const focused = sectionTextOf(document.activeElement)
  const reading = document.querySelector<HTMLElement>(`[data-current="true"] [${TEXT_ATTR}]`)
  const current =
    [focused, state?.container, reading].find((el) => !!el && all.includes(el)) ?? all[0]
  for (const el of all) el.tabIndex = el === current ? 0 : -1
}

/** Says `message` in the live region beside `container`; the other sections' fall silent. */
function announce(container: HTMLElement, message: string): void {
  const live = container.parentElement?.querySelector('[data-reading-cursor-status]')
  for (const other of document.querySelectorAll('[data-reading-cursor-status]')) {
    if (other !== live && other.textContent) other.textContent = ''
  }
  if (live) live.textContent = message
}

/** Shows the cursor (or the key selection) of `state` and says where it is. */
function show(s: CursorState, speak: boolean): void {
  if (s.selection) {
    paintCursor(null)
    const range = rangeOf(s.container, selectionSpan(s.selection))
    selectRange(range)
    if (range) revealRange(range)
    sections.get(s.container)?.refresh()
    const chosen = range?.toString().trim() ?? ''
    if (speak)
      announce(s.container, chosen ? `Selected: ${chosen.slice(0, 80)}` : 'Nothing selected')
    return
  }
  const range = rangeOf(s.container, s.span)
  paintCursor(range)
  if (range) revealRange(range)
  if (speak) announce(s.container, announceSentence(s.text, sentenceSpans(s.text), s.span))
}

/** The cursor's state in `container`, placed on the first sentence in view when it has none. */
function stateIn(container: HTMLElement): CursorState | null {
  const text = sections.get(container)?.text() ?? ''
  if (state && state.container === container && state.text === text) return state
  const span = spanAt(sentenceSpans(text), firstVisibleOffset(container))
  return span ? { container, text, span, selection: null } : null
}

function place(next: CursorState, speak = true): void {
  state = next
  updateTabStops()
  if (document.activeElement !== next.container) next.container.focus({ preventScroll: true })
  show(next, speak)
}

/** Moves the cursor by a sentence or a paragraph, into the next section text at an edge. */
function move(s: CursorState, paragraph: boolean, dir: 1 | -1): void {
  if (s.selection) selectRange(null)
  const all = textContainers()
  const texts = all.map((el) => (el === s.container ? s.text : (sections.get(el)?.text() ?? '')))
  const index = all.indexOf(s.container)
  const unit = paragraph ? 'paragraph' : 'sentence'
  const blocks = paragraph ? all.map((el) => sections.get(el)?.paragraphs?.()) : []
  const to = stepAcross(texts, { index, span: s.span }, unit, dir, blocks)
  const container = to && all[to.index]
  if (to && container) place({ container, text: texts[to.index]!, span: to.span, selection: null })
}

function extend(s: CursorState, unit: 'sentence' | 'word', dir: 1 | -1): void {
  const from = s.selection ?? { anchor: s.span.start, focus: s.span.start }
  place({ ...s, selection: extendSelection(spansOf(s.text, unit), from, dir) })
}

/** Focuses the next (`dir` 1) or previous highlight in reading order after `s`'s place. */
function jumpToHighlight(s: CursorState | null, from: Element | null, dir: 1 | -1): void {
  const stops = highlightStops()
  const all = textContainers()
  const key = (container: Element | null, offset: number): number =>
    all.indexOf(container as HTMLElement) * 1e9 + offset
  const keyOf = (stop: HTMLElement): number => key(stop.closest(`[${TEXT_ATTR}]`), stopOffset(stop))
  const fromStop = from instanceof HTMLElement && from.hasAttribute(HIGHLIGHT_STOP_ATTR)
  const here = fromStop ? keyOf(from) : s ? key(s.container, s.span.start) : -1
  const found =
    dir === 1
      ? stops.find((stop) => (fromStop ? keyOf(stop) > here : keyOf(stop) >= here))
      : [...stops].reverse().find((stop) => keyOf(stop) < here)
  if (found) {
    paintCursor(null)
    found.focus()
  }
}

function onKeydown(event: KeyboardEvent): void {
  const container = event.currentTarget as HTMLElement
  if (event.defaultPrevented || isTextEntry(event.target) || event.key === 'Tab') return
  const id = shortcutFor(event, KEYS, mac)
  if (!id) return
  const target = event.target instanceof HTMLElement ? event.target : null
  const stop = target?.hasAttribute(HIGHLIGHT_STOP_ATTR) ? target : null
  let s = stateIn(container)
  const fresh = s !== state
  // Moving from a focused highlight starts at its sentence.
  if (s && stop && id.startsWith('cursor-')) {
    s = { ...s, span: spanAt(sentenceSpans(s.text), stopOffset(stop)) ?? s.span, selection: null }
  }
  // A selection the keys made but that is gone now (highlighted, or clicked away) is over.
  if (s?.selection && document.getSelection()?.isCollapsed !== false) s = { ...s, selection: null }
  switch (id) {
    case 'open-highlight':
      if (!stop) return
      event.preventDefault()
      sections.get(container)?.open(stop.getAttribute(HIGHLIGHT_STOP_ATTR) ?? '')
      return
    case 'next-highlight':
    case 'previous-highlight':
      event.preventDefault()
      return jumpToHighlight(s, target, id === 'next-highlight' ? 1 : -1)
    case 'highlight':
    case 'note-selection':
    case 'highlight-color':
      // With nothing selected, the keys take the cursor's sentence; the reader's own key
      // handler (further up) then highlights the selection as for one made by the mouse.
      if (s && !s.selection && document.getSelection()?.isCollapsed !== false && !stop) {
        state = { ...s, selection: { anchor: s.span.start, focus: s.span.end } }
        show(state, false)
      }
      return
  }
  if (!s) return
  event.preventDefault()
  // The first arrow after the cursor was placed (new section, focus from elsewhere) shows it.
  if (fresh && !stop && id.startsWith('cursor-') && id.endsWith('sentence')) return place(s)
  if (id === 'cursor-next-sentence') move(s, false, 1)
  else if (id === 'cursor-previous-sentence') move(s, false, -1)
  else if (id === 'cursor-next-paragraph') move(s, true, 1)
  else if (id === 'cursor-previous-paragraph') move(s, true, -1)
  else if (id === 'extend-sentence-forward') extend(s, 'sentence', 1)
  else if (id === 'extend-sentence-back') extend(s, 'sentence', -1)
  else if (id === 'extend-word-forward') extend(s, 'word', 1)
  else extend(s, 'word', -1)
}

function onFocus(event: FocusEvent): void {
  const container = event.currentTarget as HTMLElement
  // A click into the text (a mouse selection starting) shows no cursor and scrolls nothing:
  // only focus that came by the keyboard (Tab, Skip to text, a dialog closing) places it.
  if (event.target !== container || !container.matches(':focus-visible')) return
  const s = stateIn(container)
  if (s) place({ ...s, selection: null }, s !== state)
}

function onFocusOut(event: FocusEvent): void {
  const to = event.relatedTarget
  if (!(to instanceof Element) || !to.closest(`[${TEXT_ATTR}]`)) paintCursor(null)
}

/** Attached texts: while there are any, each focus change re-picks the tab stop. */
let attached = 0

/** The reading cursor on a section text container (see the module comment). */
export function readingCursor(section: CursorSection): Attachment<HTMLElement> {
  return (el) => {
    if (attached++ === 0) document.addEventListener('focusin', updateTabStops)
    sections.set(el, section)
    el.setAttribute(TEXT_ATTR, '')
    el.tabIndex = -1
    queueTabStops()
    el.addEventListener('keydown', onKeydown)
    el.addEventListener('focus', onFocus)
    el.addEventListener('focusout', onFocusOut)
    return () => {
      el.removeEventListener('keydown', onKeydown)
      el.removeEventListener('focus', onFocus)
      el.removeEventListener('focusout', onFocusOut)
      sections.delete(el)
      if (state?.container === el) {
        state = null
        paintCursor(null)
      }
      if (--attached === 0) document.removeEventListener('focusin', updateTabStops)
      queueTabStops()
    }
  }
}
