// Sample answers of main's annotation channels for renderer and shared tests: a briefing's whole
// set as `annotations:load` gives it and the delta an edit answers with (nothing in either unless
// a test puts it there). Imports only src/shared, so renderer tests may use it.

import type { AnnotationsDelta } from '../shared/annotation-delta'
import type { BriefingAnnotations } from '../shared/annotation-requests'

/** Briefing b1's annotations at revision 1: empty, saved, nothing to undo. */
export function loadedAnnotations(over: Partial<BriefingAnnotations> = {}): BriefingAnnotations {
  return {
    briefingId: 'b1',
    revision: 1,
    highlights: [],
    notes: [],
    trash: [],
    canUndo: false,
    canRedo: false,
    warnings: [],
    save: { saved: true, pending: 0 },
    ...over
  }
}

/** The delta from revision `from` to the next, with `over` (nothing changed by default). */
export function annotationsDelta(
  from: number,
  over: Partial<AnnotationsDelta> = {}
): AnnotationsDelta {
  return {
    briefingId: 'b1',
    from,
    to: from + 1,
    highlights: { put: [], removed: [] },
    notes: { put: [], removed: [] },
    trash: { put: [], removed: [] },
    canUndo: true,
    canRedo: false,
    warnings: [],
    save: { saved: true, pending: 0 },
    ...over
  }
}
