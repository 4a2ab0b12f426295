// Tells a table of data (rows and cells worth keeping as a table) from a table used for page layout,
// whose cells hold whole paragraphs, lists or other tables and must be read as ordinary text.

import type { DefaultTreeAdapterTypes as Tree } from 'parse5'

/** Elements that never sit in a data table's cell: they make the table a layout. */
const LAYOUT_CONTENT = new Set([
  'table',
  'ul',
  'ol',
  'menu',
  'dl',
  'pre',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'article',
  'section',
  'main',
  'form'
])
/** Longest cell text (characters) in a data table; longer cells are prose laid out in columns. */
const MAX_CELL_CHARS = 1_000
/** Most elements looked at; a bigger table is taken for a layout (and read as text). */
const MAX_ELEMENTS = 20_000

/**
 * True when `table` holds data: not marked role="presentation" or "none", no nested table,
 * list, block quote, code block or heading inside, no cell longer than MAX_CELL_CHARS, and
 * at least one row with a cell. Walked iteratively and within MAX_ELEMENTS.
 */
export function isDataTable(table: Tree.Element): boolean {
  const role = table.attrs.find((attr) => attr.name === 'role')?.value
  if (role === 'presentation' || role === 'none') return false
  let cells = 0
  let seen = 0
  /** Each node with the cell it is in (an index into `lengths`), -1 outside cells. */
  const stack: { node: Tree.ChildNode; cell: number }[] = table.childNodes.map((node) => ({
    node,
    cell: -1
  }))
  const lengths: number[] = []
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node } = entry
    let cell = entry.cell
    if (node.nodeName === '#text') {
      if (cell >= 0) {
        lengths[cell] = (lengths[cell] ?? 0) + (node as Tree.TextNode).value.length
        if ((lengths[cell] as number) > MAX_CELL_CHARS) return false
      }
      continue
    }
    if (!('tagName' in node)) continue
    if (++seen > MAX_ELEMENTS || LAYOUT_CONTENT.has(node.tagName)) return false
    if (node.tagName === 'td' || node.tagName === 'th') cell = cells++
    for (const child of node.childNodes) stack.push({ node: child, cell })
  }
  return cells > 0
}
