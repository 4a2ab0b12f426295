// The maths of the keyboard reading cursor over a section's canonical text: where sentences,
// words and paragraphs start and end (Intl.Segmenter), where the cursor goes next, and how a
// selection grows or shrinks by sentences or words. Offsets only; the DOM side is elsewhere.

/** A [start, end) span of the canonical text. */
export interface Span {
  start: number
  end: number
}

/** A selection made by keys: `anchor` stays put, `focus` moves. */
export interface KeySelection {
  anchor: number
  focus: number
}

export type Unit = 'sentence' | 'word'

const segmenters = new Map<Unit, Intl.Segmenter>()
function segmenter(unit: Unit): Intl.Segmenter {
  let s = segmenters.get(unit)
  if (!s) segmenters.set(unit, (s = new Intl.Segmenter(undefined, { granularity: unit })))
  return s
}

/** `span` without the whitespace at its ends (null when nothing else is left). */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return end > start ? { start, end } : null
}

/** The paragraphs of `text` (split at blank lines), trimmed, in order. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = []
  const breaks = /\n\s*\n/g
  let from = 0
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    const span = trimmed(text, from, m.index)
    if (span) spans.push(span)
    from = m.index + m[0].length
  }
  const last = trimmed(text, from, text.length)
  if (last) spans.push(last)
  return spans
}

/** The sentences of `text`, trimmed, in order; a sentence never crosses a line break. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = []
  for (const seg of segmenter('sentence').segment(text)) {
    const span = trimmed(text, seg.index, seg.index + seg.segment.length)
    if (span) spans.push(span)
  }
  return spans
}

/** The words of `text` (word-like segments: no spaces or punctuation), in order. */
export function wordSpans(text: string): Span[] {
  const spans: Span[] = []
  for (const seg of segmenter('word').segment(text)) {
    if (seg.isWordLike) spans.push({ start: seg.index, end: seg.index + seg.segment.length })
  }
  return spans
}

export function spansOf(text: string, unit: Unit): Span[] {
  return unit === 'sentence' ? sentenceSpans(text) : wordSpans(text)
}

/** The span holding `offset`, else the first after it, else the last (null for no spans). */
export function spanAt(spans: readonly Span[], offset: number): Span | null {
  return spans.find((s) => s.end > offset) ?? spans[spans.length - 1] ?? null
}

/**
 * The span after (`dir` 1) or before (-1) the one at `current`, or null at the edge. A `current`
 * of null means "not placed yet": forwards gives the first span, backwards the last.
 */
export function stepSpan(spans: readonly Span[], current: Span | null, dir: 1 | -1): Span | null {
  if (spans.length === 0) return null
  if (!current) return (dir === 1 ? spans[0] : spans[spans.length - 1]) ?? null
  if (dir === 1) return spans.find((s) => s.start >= current.end) ?? null
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i]!.end <= current.start) return spans[i]!
  return null
}

/**
 * The first sentence of the next paragraph (`dir` 1), or of this paragraph, or of the one before
 * when the cursor is already on it (-1); null at the edge. `current` null: the first / last one.
 * `paragraphs` are the text's blocks when it has them (a code block with blank lines is one).
 */
export function stepParagraph(
  text: string,
  current: Span | null,
  dir: 1 | -1,
  paragraphs: readonly Span[] = paragraphSpans(text)
): Span | null {
  const sentences = sentenceSpans(text)
  const firstSentenceOf = (p: Span | undefined): Span | null =>
    p ? (sentences.find((s) => s.start >= p.start) ?? null) : null
  if (!current)
    return firstSentenceOf(dir === 1 ? paragraphs[0] : paragraphs[paragraphs.length - 1])
  if (dir === 1) return firstSentenceOf(paragraphs.find((p) => p.start >= current.end))
  const before = paragraphs.filter((p) => p.start < current.start)
  return firstSentenceOf(before[before.length - 1])
}

/** Where the cursor is among several section texts shown one after another. */
export interface CursorPlace {
  /** Which text (section) in reading order. */
  index: number
  span: Span
}

/**
 * The cursor one sentence (or paragraph) on across `texts` in reading order: past the end of
 * one, into the first (or, backwards, the last) of the next text that has any; null at the ends.
 * `paragraphs[i]`, when given, are text i's paragraphs (its blocks) instead of its blank lines.
 */
export function stepAcross(
  texts: readonly string[],
  at: CursorPlace,
  unit: 'sentence' | 'paragraph',
  dir: 1 | -1,
  paragraphs: readonly (readonly Span[] | undefined)[] = []
): CursorPlace | null {
  const step = (i: number, from: Span | null): Span | null => {
    const text = texts[i] ?? ''
    return unit === 'paragraph'
      ? stepParagraph(text, from, dir, paragraphs[i] ?? paragraphSpans(text))
      : stepSpan(sentenceSpans(text), from, dir)
  }
  const here = step(at.index, at.span)
  if (here) return { index: at.index, span: here }
  for (let i = at.index + dir; i >= 0 && i < texts.length; i += dir) {
    const span = step(i, null)
    if (span) return { index: i, span }
  }
  return null
}

/**
 * The selection after one step of Shift+arrow. The moving end stops only at unit ends while it
 * is after the anchor and at unit starts while before it (so whole sentences or words are
 * taken), and at the anchor itself on its way past. The result stays inside the text.
 */
export function extendSelection(
  spans: readonly Span[],
  sel: KeySelection,
  dir: 1 | -1
): KeySelection {
  const { anchor, focus } = sel
  const ends = spans.map((s) => s.end)
  const starts = spans.map((s) => s.start)
  let next: number | undefined
  if (dir === 1) {
    const stops = focus < anchor ? [...starts, anchor] : ends
    next = Math.min(...stops.filter((o) => o > focus))
  } else {
    const stops = focus > anchor ? [...ends, anchor] : starts
    next = Math.max(...stops.filter((o) => o < focus))
  }
  return Number.isFinite(next) ? { anchor, focus: next } : sel
}

/** The selection's [start, end), whichever way round it was made. */
export function selectionSpan(sel: KeySelection): Span {
  return { start: Math.min(sel.anchor, sel.focus), end: Math.max(sel.anchor, sel.focus) }
}

/** "Sentence 3 of 12: The minister said…" — what a screen reader hears when the cursor moves. */
export function announceSentence(text: string, spans: readonly Span[], span: Span): string {
  const i = spans.findIndex((s) => s.start === span.start)
  const words = text.slice(span.start, span.end).split(/\s+/)
  const opening = words.slice(0, 8).join(' ') + (words.length > 8 ? '…' : '')
  return i >= 0 ? `Sentence ${i + 1} of ${spans.length}: ${opening}` : opening
}
