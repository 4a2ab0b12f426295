// The reader's side panel as the analyst sizes it: width (dragged, or stepped with the arrow keys
// on its separator) and collapsed, applied at once and saved in main's preferences (a drag is
// saved when it ends, key steps after a short pause).

import {
  DEFAULT_PANEL_LAYOUT,
  PANEL_MAX_WIDTH,
  PANEL_MIN_WIDTH,
  PANEL_STEP,
  clampPanelWidth
} from '../../../shared/panel-layout'
import type { PanelLayout } from '../../../shared/panel-layout'
import { api } from './api'
import { messageOf } from './errors'

export const PANEL_SAVE_DELAY_MS = 400

export class PanelLayoutState {
  value = $state.raw<PanelLayout>(DEFAULT_PANEL_LAYOUT)
  /** The last save that failed (the layout still applies this session). */
  problem = $state('')
  #timer: ReturnType<typeof setTimeout> | undefined

  readonly min = PANEL_MIN_WIDTH
  readonly max = PANEL_MAX_WIDTH

  async load(): Promise<void> {
    try {
      const prefs = await api.getPreferences()
      this.value = { ...DEFAULT_PANEL_LAYOUT, ...prefs.panel }
    } catch {
      // The default layout serves; preferences report their own problems at start-up.
    }
  }

  /** Sets the width at once; saved after `delay` ms (0: at once; null: not yet, as in a drag). */
  resize(width: number, delay: number | null = PANEL_SAVE_DELAY_MS): void {
    this.value = { ...this.value, width: clampPanelWidth(width), collapsed: false }
    if (delay !== null) this.#schedule(delay)
  }

  /** One arrow-key step: wider (+1) or narrower (-1); `big` takes five steps. */
  step(direction: 1 | -1, big = false): void {
    this.resize(this.value.width + direction * PANEL_STEP * (big ? 5 : 1))
  }

  toggle(): void {
    this.value = { ...this.value, collapsed: !this.value.collapsed }
    this.#schedule(0)
  }

  /** Saves what is pending now (a drag ended). */
  flush(): void {
    this.#schedule(0)
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer)
    if (delay === 0) void this.#save()
    else this.#timer = setTimeout(() => void this.#save(), delay)
  }

  async #save(): Promise<void> {
    try {
      await api.setPreferences({ panel: this.value })
      this.problem = ''
    } catch (error) {
      this.problem = messageOf(error)
    }
  }
}
