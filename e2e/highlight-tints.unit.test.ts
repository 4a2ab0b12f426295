// Highlight colours carry meaning (Key point, Question…), so each tint must stay distinguishable
// from every other and from the page, in every theme, with normal vision and as simulated for
// protanopia, deuteranopia and tritanopia (e2e/colour-vision.ts: Machado et al. 2009, OKLab).
import { describe, expect, it } from 'vitest'

import { HIGHLIGHT_COLORS } from '../src/shared/annotations'
import { distance, oklab, simulate } from './colour-vision'
import type { Vision } from './colour-vision'
import { THEMES } from './theme-colours'

const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia']
/** OKLab ×100 between two tints: several times the side-by-side threshold (about 1–2). */
const MIN_BETWEEN_TINTS = 7
/** OKLab ×100 between a tint and the page it is drawn on (the reader's surface). */
const MIN_FROM_PAGE = 7

describe('colour-vision simulation', () => {
  it('keeps white white and black black for every deficiency', () => {
    for (const vision of VISIONS) {
      expect(distance('#ffffff', '#ffffff', vision)).toBe(0)
      const white = oklab(simulate('#ffffff', vision))
      expect(white[0]).toBeCloseTo(1, 2)
      expect(Math.hypot(white[1], white[2])).toBeLessThan(0.01)
      expect(oklab(simulate('#000000', vision))[0]).toBeCloseTo(0, 5)
    }
  })
  it('merges the reds and greens each deficiency confuses, and nothing a tritanope sees apart', () => {
    // Pairs far apart to normal vision and to a tritanope, one for each red-green deficiency.
    const protan = ['#d23020', '#4f5f1a'] as const
    const deutan = ['#c0392b', '#6b7b1f'] as const
    for (const [red, green] of [protan, deutan]) {
      expect(distance(red, green, 'normal')).toBeGreaterThan(20)
      expect(distance(red, green, 'tritanopia')).toBeGreaterThan(20)
    }
    expect(distance(...protan, 'protanopia')).toBeLessThan(2)
    expect(distance(...deutan, 'deuteranopia')).toBeLessThan(2)
  })
})

describe('highlight tints', () => {
  for (const [theme, vars] of Object.entries(THEMES)) {
    const tints = HIGHLIGHT_COLORS.map((color) => [color, vars[`hl-${color}`]!] as const)
    for (const vision of VISIONS) {
      it(`${theme}, ${vision}: every pair of tints and each tint on the page stay apart`, () => {
        const close: string[] = []
        for (const [i, [a, hexA]] of tints.entries()) {
          const fromPage = distance(hexA, vars['surface']!, vision)
          if (fromPage < MIN_FROM_PAGE) close.push(`${a} on the page: ${fromPage.toFixed(1)}`)
          for (const [b, hexB] of tints.slice(i + 1)) {
            const apart = distance(hexA, hexB, vision)
            if (apart < MIN_BETWEEN_TINTS) close.push(`${a}–${b}: ${apart.toFixed(1)}`)
          }
        }
        expect(close).toEqual([])
      })
    }
  }
})
