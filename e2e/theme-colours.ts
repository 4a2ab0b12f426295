// The colour variables of each theme, read from the renderer's stylesheets (light is :root; sepia
// and dark override it by <html data-theme>), and WCAG 2 contrast, for the theme unit tests.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const STYLESHEETS = ['app.css', 'annotations.css'].map((name) =>
  readFileSync(
    fileURLToPath(new URL(`../src/renderer/src/styles/${name}`, import.meta.url)),
    'utf8'
  )
)

/** The `--name: #hex` declarations of the blocks opened by `selector`, in every stylesheet. */
function variables(selector: string, required: boolean): Record<string, string> {
  const vars: Record<string, string> = {}
  let found = false
  for (const css of STYLESHEETS) {
    const start = css.indexOf(`${selector} {`)
    if (start < 0) continue
    found = true
    const body = css.slice(start, css.indexOf('}', start))
    for (const match of body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) {
      vars[match[1] as string] = (match[2] as string).toLowerCase()
    }
  }
  if (required && !found) throw new Error(`no stylesheet has a "${selector}" block`)
  return vars
}

const light = variables(':root', true)
export const THEMES: Record<'light' | 'sepia' | 'dark', Record<string, string>> = {
  light,
  sepia: { ...light, ...variables(":root[data-theme='sepia']", true) },
  dark: { ...light, ...variables(":root[data-theme='dark']", true) }
}

/** sRGB channel (0–1) to linear light. */
export function linear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
}

/** The channels of `#rrggbb`, 0–1. */
export function channels(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  return [r as number, g as number, b as number]
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear)
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number)
}

/** WCAG 2 contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((hi as number) + 0.05) / ((lo as number) + 0.05)
}
