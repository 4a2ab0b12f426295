// Getting around: whether the command palette or the shortcut sheet is open, and the history of
// places read that back and forward move through.

import { PlaceHistory } from './place-history'

export class NavigationState {
  paletteOpen = $state(false)
  sheetOpen = $state(false)
  readonly history = new PlaceHistory()

  showPalette(): void {
    this.sheetOpen = false
    this.paletteOpen = true
  }

  showSheet(): void {
    this.paletteOpen = false
    this.sheetOpen = true
  }
}
