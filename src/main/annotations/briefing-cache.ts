// What the service last anchored and last sent to search, per briefing, so that a change anchors
// and re-indexes only the records it touched. The store hands back the same record object until
// that record changes, so identity says what changed; a new briefing object (a new version of its
// text, a new title) starts the briefing afresh.

import type { AnchoredHighlight, Highlight, Note } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import type { AnnotationKey, AnnotationSearch } from '../search/annotation-search'
import { anchored, highlightDocument, noteDocument, searchDocuments } from './briefing-view'
import type { LoadedAnnotations } from './store/types'

/** Where the service sends searchable annotations (the index process, or search in this thread). */
export type AnnotationSink = Pick<AnnotationSearch, 'setBriefing' | 'patchBriefing'> & {
  /** Resolves when the sink can take more (sending every briefing waits on it between them). */
  drain?(): Promise<void>
}

interface Cached {
  briefing: Briefing
  /** highlight id → the record anchored and its anchored view. */
  anchors?: Map<string, { highlight: Highlight; view: AnchoredHighlight }>
  /** The records search was last sent, by id. */
  indexed?: { highlight: Map<string, Highlight>; note: Map<string, Note> }
}

export class BriefingCache {
  readonly #cached = new Map<string, Cached>()

  constructor(private readonly sink: AnnotationSink) {}

  /** The highlights anchored on the briefing's text, anchoring only those not seen before. */
  anchor(briefing: Briefing, highlights: readonly Highlight[]): AnchoredHighlight[] {
    const cached = this.#of(briefing)
    const anchors = (cached.anchors ??= new Map())
    const views = highlights.map((highlight) => {
      const known = anchors.get(highlight.id)
      if (known?.highlight === highlight) return known.view
      const view = anchored(briefing, highlight)
      anchors.set(highlight.id, { highlight, view })
      return view
    })
    if (anchors.size > highlights.length) {
      const live = new Set(highlights.map((h) => h.id))
      for (const id of anchors.keys()) if (!live.has(id)) anchors.delete(id)
    }
    return views
  }

  /** One highlight anchored (a changed one: the others are not looked at). */
  anchorOne(briefing: Briefing, highlight: Highlight): AnchoredHighlight {
    const anchors = (this.#of(briefing).anchors ??= new Map())
    const known = anchors.get(highlight.id)
    if (known?.highlight === highlight) return known.view
    const view = anchored(briefing, highlight)
    anchors.set(highlight.id, { highlight, view })
    return view
  }

  /** Sends search what changed since it was last sent this briefing (everything, the first time). */
  index(briefing: Briefing, loaded: Pick<LoadedAnnotations, 'highlights' | 'notes'>): void {
    const cached = this.#of(briefing)
    if (!cached.indexed) {
      cached.indexed = {
        highlight: new Map(loaded.highlights.map((h) => [h.id, h])),
        note: new Map(loaded.notes.map((n) => [n.id, n]))
      }
      this.sink.setBriefing(briefing.id, searchDocuments(briefing, loaded))
      return
    }
    const { highlight, note } = cached.indexed
    const put = []
    for (const h of loaded.highlights) {
      if (highlight.get(h.id) === h) continue
      highlight.set(h.id, h)
      put.push(highlightDocument(briefing, h))
    }
    for (const n of loaded.notes) {
      if (note.get(n.id) === n) continue
      note.set(n.id, n)
      put.push(noteDocument(briefing, n))
    }
    const removed: AnnotationKey[] = [
      ...gone(highlight, loaded.highlights).map((id) => ({ kind: 'highlight' as const, id })),
      ...gone(note, loaded.notes).map((id) => ({ kind: 'note' as const, id }))
    ]
    if (put.length > 0 || removed.length > 0) this.sink.patchBriefing(briefing.id, put, removed)
  }

  /** Forgets what search was sent: the next `index` of each briefing sends all of it. */
  forgetIndexed(): void {
    for (const cached of this.#cached.values()) delete cached.indexed
  }

  #of(briefing: Briefing): Cached {
    let cached = this.#cached.get(briefing.id)
    if (cached?.briefing !== briefing) {
      cached = { briefing }
      this.#cached.set(briefing.id, cached)
    }
    return cached
  }
}

/** Ids in `sent` no longer among `live` (removed from `sent`); none without a scan if sizes match. */
function gone(sent: Map<string, unknown>, live: readonly { id: string }[]): string[] {
  if (sent.size <= live.length) return []
  const ids = new Set(live.map((record) => record.id))
  const removed = [...sent.keys()].filter((id) => !ids.has(id))
  for (const id of removed) sent.delete(id)
  return removed
}
