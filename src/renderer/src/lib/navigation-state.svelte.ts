// Getting around: whether the command palette or the shortcut sheet is open, and the history of
// places read that back and forward move through; and where focus goes once something opens.

import { PlaceHistory } from './place-history'

export interface FocusRequest {
  to: 'briefing' | 'section'
  sectionId?: string
}

export class NavigationState {
  paletteOpen = $state(false)
  sheetOpen = $state(false)
  readonly history = new PlaceHistory()
  /** Something was opened: its heading takes the focus once it shows (lib/focus-on-open.ts). */
  focusRequest = $state.raw<FocusRequest | null>(null)

  /** Asks for the focus to go to the opened briefing's title or section's heading. */
  focusOnOpen(to: FocusRequest['to'], sectionId?: string): void {
    this.focusRequest = { to, sectionId }
  }

  showPalette(): void {
    this.sheetOpen = false
    this.paletteOpen = true
  }

  showSheet(): void {
    this.paletteOpen = false
    this.sheetOpen = true
  }
}
