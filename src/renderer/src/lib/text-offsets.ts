// Maps a selection boundary in the rendered section text to an offset in the section's canonical
// text. Each rendered piece carries `data-start`/`data-end` and holds exactly its text; paragraph
// breaks ("\n\n") are not in the DOM, so a boundary between pieces takes the next piece's start.
// Written against a minimal node interface so it runs (and is tested) without a DOM.

/** The part of the DOM Node interface used here. */
export interface NodeLike {
  /** 1 for elements, 3 for text. */
  readonly nodeType: number
  readonly parentNode: NodeLike | null
  readonly childNodes: ArrayLike<NodeLike>
  readonly nextSibling: NodeLike | null
  getAttribute?(name: string): string | null
}

/** A boundary point, as in a DOM Range: a node and an offset into it. */
export interface BoundaryLike {
  node: NodeLike
  offset: number
}

const ELEMENT = 1
const TEXT = 3

interface PieceBounds {
  start: number
  end: number
}

/** The piece bounds of `node` when it is a rendered piece (an element with data-start/end). */
function pieceBounds(node: NodeLike): PieceBounds | null {
  if (node.nodeType !== ELEMENT || !node.getAttribute) return null
  const start = node.getAttribute('data-start')
  const end = node.getAttribute('data-end')
  if (start === null || end === null) return null
  const s = Number(start)
  const e = Number(end)
  return Number.isInteger(s) && Number.isInteger(e) && e >= s ? { start: s, end: e } : null
}

/** The innermost piece element containing `node` (itself included), stopping at `root`. */
function enclosingPiece(
  root: NodeLike,
  node: NodeLike
): { node: NodeLike; bounds: PieceBounds } | null {
  for (let n: NodeLike | null = node; n && n !== root; n = n.parentNode) {
    const bounds = pieceBounds(n)
    if (bounds) return { node: n, bounds }
  }
  return null
}

/** Whether `node` is `root` or inside it. */
export function isInside(root: NodeLike, node: NodeLike): boolean {
  for (let n: NodeLike | null = node; n; n = n.parentNode) if (n === root) return true
  return false
}

/** The node after `node`'s subtree in document order, within `root` (null at the end). */
function afterSubtree(root: NodeLike, node: NodeLike): NodeLike | null {
  for (let n: NodeLike | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling
  }
  return null
}

/** The first piece at or after `node` in document order (pre-order walk), within `root`. */
function firstPieceFrom(root: NodeLike, node: NodeLike | null): PieceBounds | null {
  let n = node
  while (n) {
    const bounds = pieceBounds(n)
    if (bounds) return bounds
    n = n.childNodes.length > 0 ? n.childNodes[0]! : afterSubtree(root, n)
  }
  return null
}

/** The end of the last piece inside `root` (0 when there is none). */
function lastPieceEnd(root: NodeLike): number {
  let end = 0
  const walk = (node: NodeLike): void => {
    const bounds = pieceBounds(node)
    if (bounds) {
      end = Math.max(end, bounds.end)
      return
    }
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!)
  }
  walk(root)
  return end
}

/**
 * The canonical-text offset of a boundary inside `root`. In a piece's text, the piece start plus
 * the offset; on a piece element, its start or end; anywhere else, the start of the next piece in
 * document order (or the end of the text when no piece follows).
 *
 * @returns null when the boundary is not inside `root`.
 */
export function offsetOfBoundary(root: NodeLike, boundary: BoundaryLike): number | null {
  const { node, offset } = boundary
  if (!isInside(root, node)) return null
  const piece = enclosingPiece(root, node)
  if (piece) {
    const { start, end } = piece.bounds
    if (node.nodeType === TEXT && node.parentNode === piece.node) {
      return Math.min(end, start + Math.max(0, offset))
    }
    // On the piece element itself: before or after its one text node.
    return node === piece.node && offset <= 0 ? start : end
  }
  // Between pieces: the boundary sits before child `offset` of an element (or inside stray text).
  const next =
    node.nodeType === ELEMENT && offset < node.childNodes.length
      ? firstPieceFrom(root, node.childNodes[offset]!)
      : firstPieceFrom(root, node === root ? null : afterSubtree(root, node))
  return next ? next.start : lastPieceEnd(root)
}

/**
 * The [start, end) of a selection in the canonical text, given its boundaries and whether each
 * lies before/after `root` when outside it. Returns null for a selection that misses the text.
 */
export function selectionOffsets(
  root: NodeLike,
  start: BoundaryLike,
  end: BoundaryLike,
  textLength: number,
  outside: { startsBefore: boolean; endsAfter: boolean }
): { start: number; end: number } | null {
  const s = isInside(root, start.node)
    ? offsetOfBoundary(root, start)
    : outside.startsBefore
      ? 0
      : null
  const e = isInside(root, end.node)
    ? offsetOfBoundary(root, end)
    : outside.endsAfter
      ? textLength
      : null
  if (s === null || e === null) return null
  const from = Math.min(s, e, textLength)
  const to = Math.min(Math.max(s, e), textLength)
  return to > from ? { start: from, end: to } : null
}
