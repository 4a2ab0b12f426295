// The notebook across briefings, served by main: every briefing's highlights and notes read
// through the annotation service's public `load`, filtered and paged (notebook-query.ts; kept
// between pages by notebook-index.ts), and exported with the filter through the same Markdown
// export as the export dialog.

import type { ExportResult } from '../../shared/annotation-requests'
import type { HighlightColor } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import type {
  NotebookExportRequest,
  NotebookPage,
  NotebookRequest,
  NotebookProblem
} from '../../shared/notebook'
import { AppError, describeError } from '../errors'
import { runExport } from '../export/export-service'
import type { ExportServices, ExportTarget } from '../export/export-service'
import { briefingEntries, facetsOf, matches, queryNotebook } from './notebook-query'
import type { NotebookEntry } from './notebook-query'
import type { NotebookIndex } from './notebook-index'

/** One briefing's entries, and what kept some or all of them from being read. */
export interface BriefingRead {
  entries: NotebookEntry[]
  problem?: NotebookProblem
}

/**
 * One briefing's entries (`index`: its place in the library). A store that loads with warnings
 * (a file it could not read, a torn line) gives what it could read, and says so, as the reader does.
 */
export async function readBriefingEntries(
  services: ExportServices,
  briefing: Briefing,
  index: number
): Promise<BriefingRead> {
  const problem = (message: string, leftOut: boolean, blocksExport: boolean): NotebookProblem => ({
    briefingId: briefing.id,
    briefingTitle: briefing.title,
    message,
    leftOut,
    blocksExport
  })
  try {
    const view = await services.annotations.load(briefing.id)
    const entries = briefingEntries(briefing, index, view)
    const warnings = view.warnings ?? []
    if (warnings.length === 0) return { entries }
    // A store that could not read a file of its own turns read-only (store/load.ts, snapshot.ts):
    // its items may all be missing, where a torn last line loses one change.
    return { entries, problem: problem(warnings.join('; '), false, view.readOnly !== undefined) }
  } catch (error) {
    const message = describeError(error)
    return { entries: [], problem: problem(message, true, true) }
  }
}

/** Every entry of the library, in reading order, and the briefings that could not all be read. */
export async function libraryEntries(
  services: ExportServices
): Promise<{ entries: NotebookEntry[]; problems: NotebookProblem[] }> {
  const entries: NotebookEntry[] = []
  const problems: NotebookProblem[] = []
  for (const [index, briefing] of services.library.briefings.entries()) {
    const read = await readBriefingEntries(services, briefing, index)
    entries.push(...read.entries)
    if (read.problem) problems.push(read.problem)
  }
  return { entries, problems }
}

/**
 * One page of the listing. With `index` (the handlers keep one), the library's entries and the
 * ordered listing are kept between pages until something changes; without, every call reads all.
 */
export async function listNotebook(
  services: ExportServices,
  request: NotebookRequest,
  colorLabels: Record<HighlightColor, string>,
  index?: NotebookIndex
): Promise<NotebookPage> {
  if (index) return index.page(services, request, colorLabels)
  const { entries, problems } = await libraryEntries(services)
  const { library } = services
  return {
    ...queryNotebook(entries, request, colorLabels),
    facets: facetsOf(entries, library.briefings, library.entities, colorLabels),
    problems
  }
}

/**
 * Exports the filtered items: the export reads the library and the annotations through a view
 * that holds only the briefings and items the filter keeps, so nothing else of the export changes.
 */
export async function exportNotebook(
  services: ExportServices,
  request: NotebookExportRequest,
  colorLabels: Record<HighlightColor, string>,
  target: ExportTarget
): Promise<ExportResult> {
  const { entries, problems } = await libraryEntries(services)
  // A file that silently missed a briefing's notes would pass for the whole notebook (a torn last
  // line, one change lost in a crash, does not stop it: the rest is exported, as the dialog does).
  const { briefingIds: chosen } = request.filter
  const missed = problems.filter(
    (p) => p.blocksExport && (!chosen?.length || chosen.includes(p.briefingId))
  )
  if (missed.length > 0) {
    // Each briefing's reason is in the page's problems, shown beside this message.
    const names = missed.map((u) => `“${u.briefingTitle}”`).join(', ')
    throw new AppError(
      'internal',
      `Nothing was exported: the highlights and notes of ${names} could not all be read, and the file would have missed them.`
    )
  }
  const kept = entries.filter((e) => matches(e, request.filter))
  if (kept.length === 0)
    throw new AppError('invalid-request', 'No highlight or note matches the filter.')
  const ids = new Set(kept.map((e) => e.item.id))
  const briefingIds = new Set(kept.map((e) => e.item.briefingId))
  const { library, annotations } = services
  const filtered: ExportServices = {
    library: { ...library, briefings: library.briefings.filter((b) => briefingIds.has(b.id)) },
    annotations: {
      ...annotations,
      async load(briefingId) {
        const view = await annotations.load(briefingId)
        return {
          ...view,
          highlights: view.highlights.filter((h) => ids.has(h.id)),
          notes: view.notes.filter((n) => ids.has(n.id))
        }
      }
    }
  }
  return runExport(
    filtered,
    colorLabels,
    {
      scope: { kind: 'briefings', briefingIds: [...briefingIds] },
      format: 'md',
      groupBy: request.groupBy,
      includeSectionNotes: true,
      includeEntities: false,
      includeOrphans: true,
      layout: 'single'
    },
    target
  )
}
