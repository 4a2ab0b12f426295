// The rule that makes an imported briefing a new version of one in the library (issue #6): the
// same title and the same source, compared without regard to case or spacing, and other content.

import type { Briefing } from '../../shared/dataset'
import { contentHash } from './parse/to-briefing'

/** Title or source as compared: Unicode-normalised, spaces collapsed, case folded. */
export function matchKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * The library briefing `parsed` is a new version of: same title and source (case- and
 * whitespace-insensitive) and a different content hash. Identical content is a duplicate, not a
 * version, so it never matches here. The first match in library order wins.
 */
export function findPreviousVersion(
  parsed: Pick<Briefing, 'title' | 'source' | 'sections'>,
  library: readonly Briefing[]
): Briefing | undefined {
  const title = matchKey(parsed.title)
  const source = matchKey(parsed.source)
  const hash = contentHash(parsed)
  return library.find(
    (b) => matchKey(b.title) === title && matchKey(b.source) === source && contentHash(b) !== hash
  )
}
