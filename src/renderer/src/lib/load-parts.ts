// Opens a briefing and its annotations in parts (shared/briefing-parts.ts): each answer is a
// short task for the renderer to take in, where the whole of a 5,000-section briefing with
// 10,000 highlights was two answers of megabytes, each a long task.

import type { BriefingAnnotations } from '../../../shared/annotation-requests'
import type { BriefingDetail } from '../../../shared/library'
import { api } from './api'

/**
 * Asks for parts from each part's end until the whole has come, and puts it together. `fetch`
 * answers one part; a whole whose count changed between parts is asked for again from the start.
 */
export async function gatherParts<P, T>(
  fetch: (start: number) => Promise<P>,
  read: (part: P) => { count: number; items: readonly T[] }
): Promise<{ first: P; items: T[] }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const first = await fetch(0)
    const { count, items: head } = read(first)
    const items = [...head]
    let changed = false
    while (items.length < count) {
      const next = read(await fetch(items.length))
      if (next.count !== count || next.items.length === 0) {
        changed = true
        break
      }
      items.push(...next.items)
    }
    if (!changed) return { first, items }
  }
  throw new Error('The briefing kept changing while it was being opened: try again.')
}

/** The briefing `id` with every section, asked for in parts. */
export async function loadBriefing(id: string): Promise<BriefingDetail> {
  const { first, items } = await gatherParts(
    (start) => api.getBriefingPart({ id, start }),
    (part) => ({ count: part.sectionCount, items: part.sections })
  )
  if (!first.head) throw new Error('The briefing came without its details.')
  return { ...first.head, sections: items }
}

/** What `annotations:load` answers for `briefingId`, asked for in parts. */
export async function loadAnnotations(briefingId: string): Promise<BriefingAnnotations> {
  const { first, items } = await gatherParts(
    (start) => api.loadAnnotationsPart({ briefingId, start }),
    (part) => ({ count: part.highlightCount, items: part.highlights })
  )
  if (!first.rest) throw new Error('The annotations came without their notes.')
  return { ...first.rest, highlights: items }
}
