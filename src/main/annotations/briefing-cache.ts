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
export type AnnotationSink = Pick<AnnotationSearch, 'setBriefing' | 'patchBriefing'>

interface Cached {
  briefing: Briefing
  /** highlight id → the record anchored and its anchored view. */
  anchors?: Map<string, { highlight: Highlight; view: AnchoredHighlight }>
  /** "kind id" → the record search was last sent. */
  indexed?: Map<string, Highlight | Note>
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

  /** Sends search what changed since it was last sent this briefing (everything, the first time). */
  index(briefing: Briefing, loaded: Pick<LoadedAnnotations, 'highlights' | 'notes'>): void {
    const cached = this.#of(briefing)
    if (!cached.indexed) {
      cached.indexed = new Map()
      for (const h of loaded.highlights) cached.indexed.set(`highlight ${h.id}`, h)
      for (const n of loaded.notes) cached.indexed.set(`note ${n.id}`, n)
      this.sink.setBriefing(briefing.id, searchDocuments(briefing, loaded))
      return
    }
    const indexed = cached.indexed
    const put = []
    for (const h of loaded.highlights) {
      if (indexed.get(`highlight ${h.id}`) === h) continue
      indexed.set(`highlight ${h.id}`, h)
      put.push(highlightDocument(briefing, h))
    }
    for (const n of loaded.notes) {
      if (indexed.get(`note ${n.id}`) === n) continue
      indexed.set(`note ${n.id}`, n)
      put.push(noteDocument(briefing, n))
    }
    const removed: AnnotationKey[] = []
    if (indexed.size > loaded.highlights.length + loaded.notes.length) {
      const live = new Set([
        ...loaded.highlights.map((h) => `highlight ${h.id}`),
        ...loaded.notes.map((n) => `note ${n.id}`)
      ])
      for (const key of indexed.keys()) {
        if (live.has(key)) continue
        indexed.delete(key)
        const [kind, id] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)]
        removed.push({ kind: kind as AnnotationKey['kind'], id })
      }
    }
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
