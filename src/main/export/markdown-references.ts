// Link reference definitions (`[x]: https://…`) are the one CommonMark construct that reaches
// across the whole file: a note's `[x]` could pick up another note's definition. When any note
// defines one, the export is read back and each note whose parse tree changed is shown as source.
// A note past the note limits, or too costly to parse, is shown as source without being parsed.

import { Parser } from 'commonmark'

import { MAX_PARSE_COST, noteLimitProblem, parseCost } from '../../shared/note-limits'
import { hasBlocks } from './markdown-escape'
import { parseMarkdownBlocks, readMarkdownExport, treeKey } from './markdown-read'

/** A note embedded in the export: `key` identifies it, `source` is its Markdown. */
export interface EmbeddedNote {
  key: string
  source: string
}

/** True when `markdown`, parsed on its own, defines at least one link reference. */
export function definesReferences(markdown: string): boolean {
  if (!markdown.includes(']:')) return false
  const parser = new Parser()
  parser.parse(markdown)
  const { refmap } = parser as unknown as { refmap?: Record<string, unknown> }
  return Object.keys(refmap ?? {}).length > 0
}

/**
 * The keys of the notes to show as Markdown source so that every other note parses in the file
 * exactly as on its own. `notes` are in document order; `render` builds the file with the given
 * notes shown as source. Without any reference definition nothing can leak: returns at once.
 */
export function notesToShowAsSource(
  notes: readonly EmbeddedNote[],
  render: (asSource: Set<string>) => string
): Set<string> {
  // Parsing these could overflow the stack or take minutes (`[x](` × 25,000 takes 22 s per parse):
  // when the file is read back they are shown as fenced code, which parses in linear time.
  const costly = new Set(
    notes
      .filter((n) => noteLimitProblem(n.source) !== null || parseCost(n.source) > MAX_PARSE_COST)
      .map((n) => n.key)
  )
  const mayDefine = (n: EmbeddedNote): boolean =>
    costly.has(n.key) ? n.source.includes(']:') : definesReferences(n.source)
  if (!notes.some(mayDefine)) return new Set()
  const asSource = new Set(costly)
  const shown = notes.filter((n) => hasBlocks(n.source))
  const alone = new Map(
    shown
      .filter((n) => !asSource.has(n.key))
      .map((n) => [n.key, treeKey(parseMarkdownBlocks(n.source))])
  )
  // Each round shows at least one more note as source (which then defines nothing), so this ends.
  for (let round = 0; round <= shown.length; round++) {
    const read = readMarkdownExport(render(asSource)).items.filter((item) => item.note !== null)
    let changed = false
    shown.forEach((note, i) => {
      if (asSource.has(note.key)) return
      if (treeKey(read[i]?.note) !== alone.get(note.key)) {
        asSource.add(note.key)
        changed = true
      }
    })
    if (!changed) break
  }
  return asSource
}
