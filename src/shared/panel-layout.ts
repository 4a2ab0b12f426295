// The reader's side panel as the analyst left it: its width (dragged or stepped with the arrow
// keys on its separator) and whether it is collapsed. Kept in the preferences, checked here.

import { bool, int, object } from './schema'
import type { Check } from './schema'

export const PANEL_MIN_WIDTH = 220
export const PANEL_MAX_WIDTH = 640
/** One arrow-key step of the separator (Shift: five steps). */
export const PANEL_STEP = 16

export interface PanelLayout {
  width: number
  collapsed: boolean
}

export const DEFAULT_PANEL_LAYOUT: PanelLayout = { width: 300, collapsed: false }

/** A width the panel may take: whole pixels between the minimum and the maximum. */
export function clampPanelWidth(width: number): number {
  return Math.round(Math.min(PANEL_MAX_WIDTH, Math.max(PANEL_MIN_WIDTH, width)))
}

export const panelLayoutPatch: Check<Partial<PanelLayout>> = object(
  { width: int(PANEL_MIN_WIDTH, PANEL_MAX_WIDTH), collapsed: bool },
  ['width', 'collapsed']
)
