// Back and forward between places read (a briefing and the section in it), like a browser's
// history: a new place after going back drops the places ahead of it.

export interface Place {
  briefingId: string
  sectionId: string
}

/** How many places are kept; the oldest go first. */
const LIMIT = 200

export class PlaceHistory {
  #places: Place[] = []
  #at = -1

  get current(): Place | null {
    return this.#places[this.#at] ?? null
  }

  get canGoBack(): boolean {
    return this.#at > 0
  }

  get canGoForward(): boolean {
    return this.#at < this.#places.length - 1
  }

  /**
   * The analyst is now at `place`. The same place as the current one (arriving where back or
   * forward led, say) changes nothing; any other drops the places ahead and becomes the newest.
   */
  visit(place: Place): void {
    const current = this.current
    if (current && samePlace(current, place)) return
    this.#places = [...this.#places.slice(0, this.#at + 1), place].slice(-LIMIT)
    this.#at = this.#places.length - 1
  }

  /** The place before the current one (now current), or null at the oldest. */
  back(): Place | null {
    if (!this.canGoBack) return null
    this.#at -= 1
    return this.current
  }

  /** The place after the current one (now current), or null at the newest. */
  forward(): Place | null {
    if (!this.canGoForward) return null
    this.#at += 1
    return this.current
  }
}

export function samePlace(a: Place, b: Place): boolean {
  return a.briefingId === b.briefingId && a.sectionId === b.sectionId
}
