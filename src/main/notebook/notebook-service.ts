// The notebook across briefings, served by main: every briefing's highlights and notes read
// through the annotation service's public `load`, filtered and paged (notebook-query.ts; kept
// between pages by notebook-index.ts), and exported with the filter through the same Markdown
// export as the export dialog.

import type { ExportResult } from '../../shared/annotation-requests'
import type { HighlightColor } from '../../shared/annotations'
import type { Briefing } from '../../shared/dataset'
import type { NotebookExportRequest, NotebookPage, NotebookRequest } from '../../shared/notebook'
import { AppError } from '../errors'
import { runExport } from '../export/export-service'
import type { ExportServices, ExportTarget } from '../export/export-service'
import { briefingEntries, facetsOf, matches, queryNotebook } from './notebook-query'
import type { NotebookEntry } from './notebook-query'
import type { NotebookIndex } from './notebook-index'

/** One briefing's entries (`index`: its place in the library); undefined when its annotations cannot be read now. */
export async function readBriefingEntries(
  services: ExportServices,
  briefing: Briefing,
  index: number
): Promise<NotebookEntry[] | undefined> {
  const view = await services.annotations.load(briefing.id).catch(() => null)
  return view ? briefingEntries(briefing, index, view) : undefined
}

/** Every entry of the library, in reading order. Briefings whose annotations cannot be read are left out. */
export async function libraryEntries(services: ExportServices): Promise<NotebookEntry[]> {
  const entries: NotebookEntry[] = []
  for (const [index, briefing] of services.library.briefings.entries()) {
    entries.push(...((await readBriefingEntries(services, briefing, index)) ?? []))
  }
  return entries
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
  const entries = await libraryEntries(services)
  const { library } = services
  return {
    ...queryNotebook(entries, request, colorLabels),
    facets: facetsOf(entries, library.briefings, library.entities, colorLabels)
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
  const kept = (await libraryEntries(services)).filter((e) => matches(e, request.filter))
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
