// Opens a briefing and its annotations in parts (shared/briefing-parts.ts): each answer is a
// short task for the renderer to take in, where the whole of a 5,000-section briefing with
// 10,000 highlights was two answers of megabytes, each a long task.

import type { BriefingAnnotations } from '../../../shared/annotation-requests'
import type { BriefingDetail } from '../../../shared/library'
import { api } from './api'

/**
 * Asks for the first part, then for all the others together (the first says where each starts),
 * and puts the whole together. A whole that changed between parts is asked for again.
 * `onFirst` sees the first part of a whole that has others, while they are being asked for.
 */
export async function gatherParts<P, T>(
  askPart: (start: number) => Promise<P>,
  read: (part: P) => { count: number; items: readonly T[]; starts?: readonly number[] },
  onFirst?: (first: P) => void
): Promise<{ first: P; items: T[] }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const first = await askPart(0)
    const { count, items: head, starts = [] } = read(first)
    if (starts.length > 0) onFirst?.(first)
    const rest = (await Promise.all(starts.map(askPart))).map(read)
    // Each part must hold exactly the items up to where the next one starts.
    const ends = [...starts, count]
    const whole =
      head.length === ends[0] &&
      rest.every((part, i) => part.count === count && part.items.length === ends[i + 1]! - ends[i]!)
    if (whole) return { first, items: [...head, ...rest.flatMap((part) => part.items)] }
  }
  throw new Error('The briefing kept changing while it was being opened: try again.')
}

/**
 * The briefing `id` with every section, asked for in parts. `onStart` gets its first sections
 * (with the details) while the others come, when there are others: enough to paint its start.
 */
export async function loadBriefing(
  id: string,
  onStart?: (start: BriefingDetail) => void
): Promise<BriefingDetail> {
  const { first, items } = await gatherParts(
    (start) => api.getBriefingPart({ id, start }),
    (part) => ({ count: part.sectionCount, items: part.sections, starts: part.starts }),
    (part) => {
      if (part.head) onStart?.({ ...part.head, sections: part.sections })
    }
  )
  if (!first.head) throw new Error('The briefing came without its details.')
  return { ...first.head, sections: items }
}

/** What `annotations:load` answers for `briefingId`, asked for in parts. */
export async function loadAnnotations(briefingId: string): Promise<BriefingAnnotations> {
  const { first, items } = await gatherParts(
    (start) => api.loadAnnotationsPart({ briefingId, start }),
    (part) => ({ count: part.highlightCount, items: part.highlights, starts: part.starts })
  )
  if (!first.rest) throw new Error('The annotations came without their notes.')
  return { ...first.rest, highlights: items }
}
