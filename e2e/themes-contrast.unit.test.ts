// WCAG AA for every theme: reads the colour variables of each theme from the stylesheets (light is
// :root, sepia and dark override it by <html data-theme>) and checks the contrast of each pair the
// UI draws: 4.5:1 for text, 3:1 for the parts of controls that show state (focus ring, selection).

import { describe, expect, it } from 'vitest'

import { HIGHLIGHT_COLORS } from '../src/shared/annotations'
import { THEMES, contrast } from './theme-colours'

const BACKGROUNDS = ['bg', 'surface', 'surface-2', 'surface-hover']
/** Text colours and the backgrounds they are drawn on. */
const TEXT_PAIRS: [string, string][] = [
  ...['text', 'text-muted', 'text-faint', 'accent', 'accent-strong', 'danger'].flatMap((fg) =>
    BACKGROUNDS.map((bg): [string, string] => [fg, bg])
  ),
  ['accent-text', 'accent'],
  ['accent-strong', 'accent-soft'],
  // The active search hit's row is accent-soft, with muted and faint text on it.
  ...['text', 'text-muted', 'text-faint'].map((fg): [string, string] => [fg, 'accent-soft']),
  ['danger', 'danger-soft'],
  ['text', 'danger-soft'],
  ['flash-text', 'flash'],
  // Highlighted text, on one highlight's tint and on the deeper tint of overlapping ones.
  ...HIGHLIGHT_COLORS.flatMap((c): [string, string][] => [
    ['text', `hl-${c}`],
    ['text', `hl-${c}-strong`]
  ]),
  ...['person', 'organisation', 'place', 'programme'].flatMap((kind): [string, string][] => [
    ['text', `c-${kind}-soft`],
    // Kind-coloured counts and badges: the kind's hue as text on its tint and on surfaces.
    [`c-${kind}`, `c-${kind}-soft`],
    [`c-${kind}`, 'surface'],
    [`c-${kind}`, 'surface-2']
  ])
]
/** State a control shows by colour alone: the focus ring, a selected segment, a spinner. */
const CONTROL_PAIRS: [string, string][] = [
  ...BACKGROUNDS.map((bg): [string, string] => ['focus', bg]),
  ...BACKGROUNDS.map((bg): [string, string] => ['accent', bg]),
  ...['person', 'organisation', 'place', 'programme'].map((kind): [string, string] => [
    `c-${kind}`,
    'surface'
  ]),
  // The ring that marks a search match, on plain text and around highlighted text.
  ...BACKGROUNDS.map((bg): [string, string] => ['mark-ring', bg]),
  ...HIGHLIGHT_COLORS.map((c): [string, string] => ['mark-ring', `hl-${c}`])
]

describe('theme contrast (WCAG AA)', () => {
  it('computes 21:1 for black on white', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
  })
  for (const [theme, vars] of Object.entries(THEMES)) {
    it(`${theme}: defines every colour checked here`, () => {
      const names = [...TEXT_PAIRS, ...CONTROL_PAIRS].flat()
      expect(names.filter((name) => vars[name] === undefined)).toEqual([])
    })
    it(`${theme}: every text colour is at least 4.5:1 on its backgrounds`, () => {
      const failures = TEXT_PAIRS.filter(([fg, bg]) => contrast(vars[fg]!, vars[bg]!) < 4.5).map(
        ([fg, bg]) => `${fg} on ${bg}: ${contrast(vars[fg]!, vars[bg]!).toFixed(2)}`
      )
      expect(failures).toEqual([])
    })
    it(`${theme}: focus rings and selected controls are at least 3:1`, () => {
      const failures = CONTROL_PAIRS.filter(([fg, bg]) => contrast(vars[fg]!, vars[bg]!) < 3).map(
        ([fg, bg]) => `${fg} on ${bg}: ${contrast(vars[fg]!, vars[bg]!).toFixed(2)}`
      )
      expect(failures).toEqual([])
    })
  }
})
