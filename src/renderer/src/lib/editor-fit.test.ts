import { describe, expect, it } from 'vitest'

import { FIT_MARGIN, MIN_EDITOR_HEIGHT, fitEditor } from './editor-fit'

describe('fitEditor', () => {
  const pane = { paneTop: 100, paneBottom: 600 }

  it('leaves a card that fits under a highlight where it is', () => {
    const fit = fitEditor({ ...pane, highlightTop: 150, highlightBottom: 170, editorHeight: 300 })
    expect(fit.scrollBy).toBe(0)
    expect(fit.maxHeight).toBe(500 - 20 - 10 - 2 * FIT_MARGIN)
  })

  it('scrolls just enough to show the card, never above the highlight', () => {
    const fit = fitEditor({ ...pane, highlightTop: 500, highlightBottom: 520, editorHeight: 300 })
    // Card bottom 520 + 10 + 300 = 830; pane bottom less margin 588: 242 short, room 388 above.
    expect(fit.scrollBy).toBe(242)
    const tall = fitEditor({ ...pane, highlightTop: 500, highlightBottom: 520, editorHeight: 900 })
    expect(tall.scrollBy).toBe(500 - 100 - FIT_MARGIN)
    // Highlight at the top margin and the capped card end inside the pane.
    expect(520 - tall.scrollBy + 10 + tall.maxHeight).toBeLessThanOrEqual(600 - FIT_MARGIN)
  })

  it('brings a highlight above the pane back into view', () => {
    const fit = fitEditor({ ...pane, highlightTop: 60, highlightBottom: 80, editorHeight: 200 })
    expect(fit.scrollBy).toBe(60 - 100 - FIT_MARGIN)
  })

  it('keeps a usable card on a very short pane', () => {
    const fit = fitEditor({
      paneTop: 0,
      paneBottom: 150,
      highlightTop: 10,
      highlightBottom: 30,
      editorHeight: 400
    })
    expect(fit.maxHeight).toBe(MIN_EDITOR_HEIGHT)
  })
})
