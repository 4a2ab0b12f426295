// What imports, versions and entity reviews are given to work with: the library state, the
// import worker, the annotations (re-anchored when a briefing changes version) and the import state.

import type { AnnotationService } from '../annotations/annotation-service'
import type { LibraryState } from '../library/library'
import type { ImportState } from './import-state'
import type { ImportWorker } from './import-worker'

/** What imports, versions and entity reviews read and change. */
export interface ImportServices extends LibraryState {
  /** Parses imported files and proposes entities, off main's thread where a process is given. */
  readonly importWorker: ImportWorker
  /** Highlights and notes, re-anchored when a briefing changes version. */
  readonly annotations: AnnotationService
  /** The profile's import queue and held version offers. */
  readonly importState: ImportState
}
