// Tells a component its element's width without reading layout while the page is being built:
// the width is read in a shared ResizeObserver's callback, when layout is already up to date, so
// rendering many sections at once does not force a synchronous layout for each of them.

const listeners = new Map<Element, (width: number) => void>()
let observer: ResizeObserver | undefined

/** Calls `set` with the clientWidth once laid out and whenever it changes; returns the stop. */
export function observeWidth(element: HTMLElement, set: (width: number) => void): () => void {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries)
      listeners.get(entry.target)?.((entry.target as HTMLElement).clientWidth)
  })
  listeners.set(element, set)
  observer.observe(element)
  return () => {
    listeners.delete(element)
    observer?.unobserve(element)
  }
}
