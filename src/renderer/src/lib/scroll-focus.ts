// A region that scrolls must be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-
// focusable): while its content overflows it is a tab stop of its own, so arrow keys and Page
// Up/Down scroll it; when everything fits it is not, and Tab goes straight to the controls.

/** Svelte attachment: tabindex=0 on `element` exactly while it overflows vertically. */
export function focusableWhenScrolling(element: HTMLElement): () => void {
  return focusableWhile(element, () => element.scrollHeight > element.clientHeight + 1)
}

/** The same sideways: a code block's long line or a wide table that scrolls horizontally. */
export function focusableWhenScrollingSideways(element: HTMLElement): () => void {
  return focusableWhile(element, () => element.scrollWidth > element.clientWidth + 1)
}

function focusableWhile(element: HTMLElement, overflows: () => boolean): () => void {
  const update = (): void => {
    if (overflows()) element.tabIndex = 0
    else element.removeAttribute('tabindex')
  }
  const observer = new ResizeObserver(update)
  observer.observe(element)
  for (const child of Array.from(element.children)) observer.observe(child)
  update()
  return () => observer.disconnect()
}
