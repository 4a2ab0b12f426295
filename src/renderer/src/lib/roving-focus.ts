// A list that is one tab stop (roving tabindex): Tab reaches one item (the chosen one, else the
// last focused, else the first), arrows move between items, Home and End go to the ends. An
// attachment on the list's container; the items are the elements matching a selector inside it.

import type { Attachment } from 'svelte/attachments'

/** The item to move to from `current` of `count` on `key`, or null when the key is not ours. */
export function rovingIndex(count: number, current: number, key: string): number | null {
  if (count === 0) return null
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return Math.min(count - 1, current + 1)
    case 'ArrowUp':
    case 'ArrowLeft':
      return Math.max(0, current - 1)
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}

/** Which item is the tab stop: the one focused, else the chosen (pressed / current), else 0. */
export function tabStopIndex(focused: number, chosen: number, remembered: number): number {
  if (focused >= 0) return focused
  if (chosen >= 0) return chosen
  return Math.max(0, remembered)
}

const CHOSEN = '[aria-pressed="true"], [aria-current="true"], [aria-selected="true"]'

/** Makes the elements matching `items` inside the container one roving tab stop. */
export function roving(items: string): Attachment<HTMLElement> {
  return (root) => {
    let remembered = -1
    const list = (): HTMLElement[] =>
      [...root.querySelectorAll<HTMLElement>(items)].filter((el) => !el.matches(':disabled'))
    const settle = (): void => {
      const all = list()
      const focused = all.findIndex((el) => el === document.activeElement)
      const chosen = all.findIndex((el) => el.matches(CHOSEN))
      const stop = Math.min(tabStopIndex(focused, chosen, remembered), all.length - 1)
      all.forEach((el, i) => {
        const value = i === stop ? '0' : '-1'
        if (el.getAttribute('tabindex') !== value) el.setAttribute('tabindex', value)
      })
    }
    const onkeydown = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      const all = list()
      const current = all.findIndex((el) => el === document.activeElement)
      if (current < 0) return
      const next = rovingIndex(all.length, current, event.key)
      if (next === null) return
      event.preventDefault()
      remembered = next
      all[next]?.focus()
    }
    const onfocusin = (event: FocusEvent): void => {
      const i = list().findIndex((el) => el === event.target)
      if (i >= 0) remembered = i
      settle()
    }
    // Items come and go as the list re-renders; each change gets its one tab stop again.
    const observer = new MutationObserver(settle)
    observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-pressed', 'aria-current', 'aria-selected']
    })
    settle()
    root.addEventListener('keydown', onkeydown)
    root.addEventListener('focusin', onfocusin)
    return () => {
      observer.disconnect()
      root.removeEventListener('keydown', onkeydown)
      root.removeEventListener('focusin', onfocusin)
    }
  }
}
