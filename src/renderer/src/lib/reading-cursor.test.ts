import { describe, expect, it } from 'vitest'

import { buildSectionText, sectionBlocks } from '../../../shared/blocks'
import {
  announceSentence,
  extendSelection,
  paragraphSpans,
  selectionSpan,
  sentenceSpans,
  spanAt,
  stepAcross,
  stepParagraph,
  stepSpan,
  wordSpans
} from './reading-cursor'
import type { KeySelection, Span } from './reading-cursor'

const TEXT = 'The talks resumed. Both sides met in Geneva.\n\nA deal is near! Is it?\n\nNo comment.'
const cut = (span: Span | null): string | null => (span ? TEXT.slice(span.start, span.end) : null)
const cutSel = (sel: KeySelection): string => cut(selectionSpan(sel))!

describe('reading cursor spans', () => {
  it('splits sentences without their trailing spaces, never across a paragraph', () => {
    expect(sentenceSpans(TEXT).map(cut)).toEqual([
      'The talks resumed.',
      'Both sides met in Geneva.',
      'A deal is near!',
      'Is it?',
      'No comment.'
    ])
  })
  it('splits paragraphs at blank lines and words without punctuation', () => {
    expect(paragraphSpans(TEXT).map(cut)).toEqual([
      'The talks resumed. Both sides met in Geneva.',
      'A deal is near! Is it?',
      'No comment.'
    ])
    expect(
      wordSpans('Both sides, met.').map((s) => 'Both sides, met.'.slice(s.start, s.end))
    ).toEqual(['Both', 'sides', 'met'])
  })
  it('finds the span at an offset, or the next one, or the last', () => {
    const spans = sentenceSpans(TEXT)
    expect(cut(spanAt(spans, 0))).toBe('The talks resumed.')
    expect(cut(spanAt(spans, 18))).toBe('Both sides met in Geneva.')
    expect(cut(spanAt(spans, TEXT.length))).toBe('No comment.')
    expect(spanAt([], 3)).toBeNull()
  })
})

describe('moving the reading cursor', () => {
  const spans = sentenceSpans(TEXT)
  it('steps sentence by sentence and stops at the edges', () => {
    const first = stepSpan(spans, null, 1)
    expect(cut(first)).toBe('The talks resumed.')
    const second = stepSpan(spans, first, 1)
    expect(cut(second)).toBe('Both sides met in Geneva.')
    expect(cut(stepSpan(spans, second, -1))).toBe('The talks resumed.')
    expect(stepSpan(spans, first, -1)).toBeNull()
    expect(stepSpan(spans, spans[4]!, 1)).toBeNull()
    expect(cut(stepSpan(spans, null, -1))).toBe('No comment.')
  })
  it('steps by paragraph to its first sentence, back to this paragraph first', () => {
    const isIt = spans[3]!
    expect(cut(stepParagraph(TEXT, isIt, 1))).toBe('No comment.')
    expect(cut(stepParagraph(TEXT, isIt, -1))).toBe('A deal is near!')
    expect(cut(stepParagraph(TEXT, spans[2]!, -1))).toBe('The talks resumed.')
    expect(stepParagraph(TEXT, spans[0]!, -1)).toBeNull()
    expect(stepParagraph(TEXT, spans[4]!, 1)).toBeNull()
    expect(cut(stepParagraph(TEXT, null, 1))).toBe('The talks resumed.')
  })
  it('announces the sentence number and its opening words', () => {
    expect(announceSentence(TEXT, spans, spans[1]!)).toBe(
      'Sentence 2 of 5: Both sides met in Geneva.'
    )
    const long = 'One two three four five six seven eight nine ten.'
    expect(announceSentence(long, sentenceSpans(long), sentenceSpans(long)[0]!)).toBe(
      'Sentence 1 of 1: One two three four five six seven eight…'
    )
  })
})

describe('extending a selection by keys', () => {
  const sentences = sentenceSpans(TEXT)
  const words = wordSpans(TEXT)
  it('takes whole sentences forwards, and gives them back', () => {
    let sel: KeySelection = { anchor: 0, focus: 0 }
    sel = extendSelection(sentences, sel, 1)
    expect(cutSel(sel)).toBe('The talks resumed.')
    sel = extendSelection(sentences, sel, 1)
    expect(cutSel(sel)).toBe('The talks resumed. Both sides met in Geneva.')
    sel = extendSelection(sentences, sel, -1)
    expect(cutSel(sel)).toBe('The talks resumed.')
    sel = extendSelection(sentences, sel, -1)
    expect(sel).toEqual({ anchor: 0, focus: 0 })
  })
  it('crosses paragraphs and stops at the end of the text', () => {
    let sel: KeySelection = { anchor: sentences[3]!.start, focus: sentences[3]!.start }
    sel = extendSelection(sentences, sel, 1)
    sel = extendSelection(sentences, sel, 1)
    expect(cutSel(sel)).toBe('Is it?\n\nNo comment.')
    expect(extendSelection(sentences, sel, 1)).toEqual(sel)
  })
  it('goes backwards past the anchor by whole sentences, then returns to it', () => {
    const at = sentences[1]!.start
    let sel: KeySelection = { anchor: at, focus: at }
    sel = extendSelection(sentences, sel, -1)
    expect(cutSel(sel)).toBe('The talks resumed. ')
    sel = extendSelection(sentences, sel, 1)
    expect(sel).toEqual({ anchor: at, focus: at })
  })
  it('takes words one at a time, without the spaces and punctuation after them', () => {
    let sel: KeySelection = { anchor: 0, focus: 0 }
    sel = extendSelection(words, sel, 1)
    expect(cutSel(sel)).toBe('The')
    sel = extendSelection(words, sel, 1)
    sel = extendSelection(words, sel, 1)
    expect(cutSel(sel)).toBe('The talks resumed')
    sel = extendSelection(words, sel, -1)
    expect(cutSel(sel)).toBe('The talks')
  })
  it('reads the same span whichever way round the selection was made', () => {
    expect(selectionSpan({ anchor: 9, focus: 4 })).toEqual({ start: 4, end: 9 })
  })
})

describe('moving across section texts', () => {
  const texts = ['One. Two.', '', 'Three.\n\nFour. Five.']
  const read = (place: { index: number; span: Span } | null): string | null =>
    place ? texts[place.index]!.slice(place.span.start, place.span.end) : null
  it('goes on into the next text with sentences, skipping empty ones, and back', () => {
    const two = { index: 0, span: sentenceSpans(texts[0]!)[1]! }
    const three = stepAcross(texts, two, 'sentence', 1)
    expect(read(three)).toBe('Three.')
    expect(three?.index).toBe(2)
    expect(read(stepAcross(texts, three!, 'sentence', -1))).toBe('Two.')
  })
  it('steps by paragraph across texts and stops at the ends', () => {
    const three = { index: 2, span: sentenceSpans(texts[2]!)[0]! }
    expect(read(stepAcross(texts, three, 'paragraph', 1))).toBe('Four.')
    const one = { index: 0, span: sentenceSpans(texts[0]!)[0]! }
    expect(read(stepAcross(texts, one, 'paragraph', 1))).toBe('Three.')
    expect(stepAcross(texts, one, 'sentence', -1)).toBeNull()
    const five = { index: 2, span: sentenceSpans(texts[2]!)[2]! }
    expect(stepAcross(texts, five, 'sentence', 1)).toBeNull()
  })
  it('enters a previous text at its last paragraph when going back by paragraph', () => {
    const three = { index: 2, span: sentenceSpans(texts[2]!)[0]! }
    expect(read(stepAcross(texts, three, 'paragraph', -1))).toBe('One.')
  })
})

describe('paragraph moves over blocks', () => {
  // A list item, a code block with a blank line inside, and a table row: three blocks.
  const built = buildSectionText([
    { kind: 'list-item', text: 'Check the tide.', level: 1 },
    { kind: 'code', text: 'load()\n\nsail()' },
    { kind: 'table-row', text: 'Aden\t4' }
  ])
  const text = built.text
  const blocks = sectionBlocks(built)
  const read = (place: { index: number; span: Span } | null): string | null =>
    place ? text.slice(place.span.start, place.span.end) : null

  it('takes a block as one paragraph, blank lines in code included', () => {
    const start = { index: 0, span: sentenceSpans(text)[0]! }
    const code = stepAcross([text], start, 'paragraph', 1, [blocks])
    expect(read(code)).toBe('load()')
    const row = stepAcross([text], code!, 'paragraph', 1, [blocks])
    expect(read(row)).toBe('Aden\t4')
    expect(read(stepAcross([text], row!, 'paragraph', -1, [blocks]))).toBe('load()')
  })

  it('moves by sentence from one line of code to the next', () => {
    const spans = sentenceSpans(text)
    const load = spans.find((s) => text.slice(s.start, s.end) === 'load()')!
    expect(read(stepAcross([text], { index: 0, span: load }, 'sentence', 1))).toBe('sail()')
  })
})
