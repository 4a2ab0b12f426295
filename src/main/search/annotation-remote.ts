// Main's side of the annotation search, which runs in the index process (off main's thread):
// changes are queued and sent in one call per turn of the event loop, always before a search, so
// they arrive in order; every briefing's annotations are sent once the text index is complete
// (they would compete with its build for the thread that answers searches); and should the
// index process be restarted (it then answers to another name), they are all sent again.

import { Counter } from './facet-counter'
import type {
  AnnotationChanges,
  AnnotationQuery,
  AnnotationResult,
  AnnotationSearch,
  CombinedAnswer
} from './annotation-search'
import type { IndexHost } from './index-host'
import type { TextQuery } from './search-service'
import { log } from '../log/log'

// Documents sent in one call while every briefing's annotations are sent (see drain).
const DOCUMENTS_PER_BATCH = 1000

export interface RemoteAnnotationSearch extends Omit<AnnotationSearch, 'search'> {
  /** Hits among annotations (entities come from the index process's own view of the library). */
  search(query: string, options: AnnotationQuery): Promise<AnnotationResult>
  /** The text search and this one in one call to the index process, facets merged there. */
  searchWithText(query: TextQuery & { take: number }): Promise<CombinedAnswer>
  /**
   * Runs `send` now (it sends every briefing's annotations, reporting how many are left) and
   * again whenever the index process has lost them.
   */
  indexWith(send: (onProgress: (left: number) => void) => Promise<void>): void
  /** Waits while a large batch is on its way (sending every briefing calls it between them). */
  drain(): Promise<void>
  /** Briefings whose annotations have not been sent yet. */
  pendingBriefings(): number
  /** Resolves once every briefing's annotations have been sent and applied. */
  whenIndexed(): Promise<void>
}

/**
 * `closing`: true once the index process is being stopped (the core closing). No change or resend
 * is sent then, and a call that fails then fails of the stopping, which is not worth a warning
 * (each CLI command printed two).
 */
export function remoteAnnotationSearch(
  host: Pick<IndexHost, 'changeAnnotations' | 'searchAnnotations' | 'searchTogether'> &
    Partial<Pick<IndexHost, 'whenComplete' | 'settleAnnotations'>>,
  closing: () => boolean = () => false
): RemoteAnnotationSearch {
  let queued: AnnotationChanges = []
  let applied: Promise<unknown> = Promise.resolve()
  let instance: string | undefined
  let resend: (() => void) | undefined
  let pending = 0
  let indexed: Promise<void> = Promise.resolve()
  let waitingForText = false
  const warn = (message: string) => {
    if (!closing()) log.warn(message)
  }

  function heard(answered: string) {
    const lost = instance !== undefined && answered !== instance
    instance = answered
    if (lost) {
      log.warn('annotation search: the index process was restarted; sending annotations again')
      resend?.()
    }
  }

  function flush() {
    if (queued.length === 0 || closing()) return
    const batch = queued
    const size = queuedDocuments
    queued = []
    queuedDocuments = 0
    inFlight += size
    // A process that died takes the batch with it; the next answer comes from a new process,
    // under another name, and everything is sent again.
    applied = host
      .changeAnnotations(batch)
      .then(heard, (error: unknown) => {
        warn(`annotation search: changes not applied: ${(error as Error).message}`)
      })
      .finally(() => (inFlight -= size))
  }

  // Sending every briefing at start waits while a batch's worth is on its way, so the index
  // process never has more than about a batch to do before it answers a search.
  let queuedDocuments = 0
  let inFlight = 0
  async function drain() {
    if (closing() || queuedDocuments + inFlight < DOCUMENTS_PER_BATCH) return
    flush()
    await applied
  }

  function queue(change: AnnotationChanges[number]) {
    queued.push(change)
    queuedDocuments += change.documents ? change.documents.length : change.put.length + 1
    if (queued.length === 1) setImmediate(flush)
  }

  return {
    setBriefing: (briefingId, documents) => queue({ briefingId, documents }),
    patchBriefing: (briefingId, put, removed) => queue({ briefingId, put, removed }),
    async search(query, options) {
      flush()
      const answer = await host.searchAnnotations(query, {
        take: options.take,
        ...(options.filters ? { filters: options.filters } : {})
      })
      heard(answer.instance)
      const { briefing, entity, tag, color } = answer.facets
      return {
        total: answer.total,
        hits: answer.hits,
        facets: {
          briefing: Counter.of(briefing),
          entity: Counter.of(entity),
          tag: Counter.of(tag),
          color: Counter.of(color)
        }
      }
    },
    async searchWithText(query) {
      flush()
      const answer = await host.searchTogether(query)
      heard(answer.instance)
      return answer
    },
    indexWith(send) {
      resend = () => {
        const start = async () => {
          waitingForText = false
          if (!closing()) await send((left) => (pending = left))
        }
        // Only this sending waits: edits and imports meanwhile are sent at once. A text index
        // that cannot finish (its process died) must not keep annotations unsearchable.
        waitingForText = host.whenComplete !== undefined
        const sent = host.whenComplete
          ? host
              .whenComplete()
              .catch(() => undefined)
              .then(start)
          : start()
        indexed = sent
          .catch((error: unknown) => {
            if (!closing()) log.error('annotation search: indexing failed', error)
          })
          .then(() => {
            flush()
            return applied
          })
          // Done once the index process has collected what indexing them left behind.
          .then(() => (closing() ? undefined : host.settleAnnotations?.()))
          .catch((error: unknown) => warn(`annotation search: not settled: ${String(error)}`))
      }
      resend()
    },
    drain,
    // While it waits, the number is not known yet; at least one briefing is still to be sent.
    pendingBriefings: () => (waitingForText ? Math.max(pending, 1) : pending),
    whenIndexed: () => indexed
  }
}
