// Link reference definitions (`[x]: https://…`) are the one CommonMark construct that reaches
// across the whole file: a note's `[x]` could pick up another note's definition. When any note
// defines one, the export is read back and each note whose parse tree changed is shown as source.

import { Parser } from 'commonmark'

import { hasBlocks } from './markdown-escape'
import { parseMarkdownBlocks, readMarkdownExport } from './markdown-read'

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
  const asSource = new Set<string>()
  if (!notes.some((n) => definesReferences(n.source))) return asSource
  const shown = notes.filter((n) => hasBlocks(n.source))
  const alone = new Map(shown.map((n) => [n.key, JSON.stringify(parseMarkdownBlocks(n.source))]))
  // Each round shows at least one more note as source (which then defines nothing), so this ends.
  for (let round = 0; round <= shown.length; round++) {
    const read = readMarkdownExport(render(asSource)).items.filter((item) => item.note !== null)
    let changed = false
    shown.forEach((note, i) => {
      if (asSource.has(note.key)) return
      if (JSON.stringify(read[i]?.note) !== alone.get(note.key)) {
        asSource.add(note.key)
        changed = true
      }
    })
    if (!changed) break
  }
  return asSource
}
