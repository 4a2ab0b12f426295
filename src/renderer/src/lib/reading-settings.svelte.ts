// The reading settings as the reader shows them: loaded from the preferences, applied to <html>
// (data-theme and the --reading-* variables) at once on every change, then saved in main.

import {
  COLUMN_WIDTHS,
  DEFAULT_READING_SETTINGS,
  LINE_HEIGHTS,
  stepTextSize
} from '../../../shared/reading-settings'
import type { ReadingSettings } from '../../../shared/reading-settings'
import { api } from './api'
import { messageOf } from './errors'

const FONT_STACKS: Record<ReadingSettings['font'], string> = {
  system: 'var(--font-ui)',
  serif: "'Reader Serif', Georgia, serif",
  sans: "'Reader Sans', var(--font-ui)"
}

const darkQuery = (): MediaQueryList | null =>
  typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null

/** Sets the theme <html> shows: a manual choice, else the OS's light or dark. */
export function applyTheme(theme: ReadingSettings['theme']): void {
  const resolved = theme === 'system' ? (darkQuery()?.matches ? 'dark' : 'light') : theme
  document.documentElement.dataset.theme = resolved
}

export class ReadingSettingsState {
  value = $state.raw<ReadingSettings>(DEFAULT_READING_SETTINGS)
  /** The settings popover is open. */
  open = $state(false)
  /** The last save that failed (the setting still applies this session). */
  problem = $state('')
  #listening = false

  async load(): Promise<void> {
    try {
      const prefs = await api.getPreferences()
      this.value = { ...DEFAULT_READING_SETTINGS, ...prefs.reading }
    } catch {
      this.value = DEFAULT_READING_SETTINGS // shown with defaults; a change will report problems
    }
    this.apply()
    if (!this.#listening) {
      this.#listening = true
      // The OS theme can change while the app runs; it matters only while the choice is System.
      darkQuery()?.addEventListener('change', () => applyTheme(this.value.theme))
    }
  }

  /** Applies a change at once, then saves it. */
  async change(patch: Partial<ReadingSettings>): Promise<void> {
    this.value = { ...this.value, ...patch }
    this.apply()
    try {
      await api.setPreferences({ reading: patch })
      this.problem = ''
    } catch (error) {
      this.problem = `The reading settings could not be saved: ${messageOf(error)}`
    }
  }

  /** One size larger (+1), smaller (-1), or the default (0). */
  stepSize(step: 1 | -1 | 0): Promise<void> {
    const size = step === 0 ? DEFAULT_READING_SETTINGS.size : stepTextSize(this.value.size, step)
    return size === this.value.size ? Promise.resolve() : this.change({ size })
  }

  private apply(): void {
    const { font, size, spacing, width, theme } = this.value
    const style = document.documentElement.style
    style.setProperty('--reading-font', FONT_STACKS[font])
    style.setProperty('--reading-size', `${size}px`)
    style.setProperty('--reading-leading', String(LINE_HEIGHTS[spacing]))
    style.setProperty('--reading-measure', `${COLUMN_WIDTHS[width]}ch`)
    applyTheme(theme)
  }
}
