// WCAG AA for every theme: reads the colour variables of each theme from app.css (light is :root,
// sepia and dark override it by <html data-theme>) and checks the contrast of each pair the UI
// draws: 4.5:1 for text, 3:1 for the parts of controls that show state (focus ring, selection).

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

// A unit test beside the theme specs (it reads the stylesheet from disk, which the renderer's own
// folder may not do).
const css = readFileSync(
  fileURLToPath(new URL('../src/renderer/src/styles/app.css', import.meta.url)),
  'utf8'
)

/** The `--name: #hex` declarations of the block opened by `selector`. */
function variables(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`)
  if (start < 0) throw new Error(`app.css has no "${selector}" block`)
  const body = css.slice(start, css.indexOf('}', start))
  const vars: Record<string, string> = {}
  for (const match of body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) {
    vars[match[1] as string] = (match[2] as string).toLowerCase()
  }
  return vars
}

const light = variables(':root')
const THEMES: Record<string, Record<string, string>> = {
  light,
  sepia: { ...light, ...variables(":root[data-theme='sepia']") },
  dark: { ...light, ...variables(":root[data-theme='dark']") }
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number)
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((hi as number) + 0.05) / ((lo as number) + 0.05)
}

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
  ['mark-text', 'mark-bg'],
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
  ])
]

describe('theme contrast (WCAG AA)', () => {
  it('computes 21:1 for black on white', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
  })
  for (const [theme, vars] of Object.entries(THEMES)) {
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
