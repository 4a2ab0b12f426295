// The export dialog's choices and what they become: the ExportOptions sent to main (issue #4), and
// the sentences that report an export or an annotation import back to the analyst.

import type {
  ExportOptions,
  ExportResult,
  ImportAnnotationsResult
} from '../../../shared/annotation-requests'
import { plural } from './format'

export type ExportScope = 'briefing' | 'library'

/** What the dialog shows; kept for the session so the next export starts from the last one. */
export interface ExportForm {
  scope: ExportScope
  format: ExportOptions['format']
  groupBy: ExportOptions['groupBy']
  includeSectionNotes: boolean
  includeEntities: boolean
  includeOrphans: boolean
  layout: ExportOptions['layout']
}

export const DEFAULT_EXPORT_FORM: Readonly<ExportForm> = {
  scope: 'briefing',
  format: 'md',
  groupBy: 'section',
  includeSectionNotes: true,
  includeEntities: false,
  includeOrphans: true,
  layout: 'single'
}

export type WrittenExport = Extract<ExportResult, { status: 'written' }>
export type ImportedAnnotations = Extract<ImportAnnotationsResult, { status: 'imported' }>

/**
 * The request for main. "This briefing" needs an open briefing (else the whole library is
 * exported); one file per briefing only applies to Markdown of several briefings.
 */
export function toExportOptions(form: ExportForm, briefingId: string | null): ExportOptions {
  const scope: ExportOptions['scope'] =
    form.scope === 'briefing' && briefingId ? { kind: 'briefing', briefingId } : { kind: 'library' }
  const perBriefing = scope.kind === 'library' && form.format === 'md'
  return {
    scope,
    format: form.format,
    groupBy: form.groupBy,
    includeSectionNotes: form.includeSectionNotes,
    includeEntities: form.includeEntities,
    includeOrphans: form.includeOrphans,
    layout: perBriefing ? form.layout : 'single'
  }
}

/** The last part of a path main reported, whichever separator its platform uses. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '')
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1)
}

/** The file names to list (at most `max`) and how many more were written. */
export function listedFiles(files: readonly string[], max = 8): { names: string[]; more: number } {
  const names = files.slice(0, files.length > max ? max - 1 : max).map(baseName)
  return { names, more: files.length - names.length }
}

/** "Exported 12 highlights and 3 notes to notes.md" (or "… to 4 files:" before a list). */
export function exportSummary(result: WrittenExport): string {
  const what = `${plural(result.highlights, 'highlight')} and ${plural(result.notes, 'note')}`
  if (result.files.length === 1) return `Exported ${what} to ${baseName(result.files[0]!)}`
  return `Exported ${what} to ${plural(result.files.length, 'file')}:`
}

/** "Imported notes.json: 3 added, 2 already here." (counts of zero are left out). */
export function importSummary(result: ImportedAnnotations): string {
  const counts = [
    [result.added, 'added'],
    [result.updated, 'updated'],
    [result.unchanged, 'already here']
  ] as const
  const parts = counts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`)
  const file = baseName(result.file)
  return parts.length > 0
    ? `Imported ${file}: ${parts.join(', ')}.`
    : `${file} holds no annotations.`
}

/**
 * "4 annotations wait for "Port visit" (2), …: they join it when it is imported." — or '' when
 * every annotation found its briefing. Also "Restored 3 briefings." for a library backup.
 */
export function waitingSummary(result: ImportedAnnotations): string {
  const waiting = result.waiting ?? []
  const restored = result.restored ? `Restored ${plural(result.restored, 'briefing')}. ` : ''
  if (waiting.length === 0) return restored.trim()
  const total = waiting.reduce((n, w) => n + w.count, 0)
  const titles = waiting.map((w) => `"${w.title}" (${w.count})`).join(', ')
  const verb = total === 1 ? 'waits' : 'wait'
  return `${restored}${plural(total, 'annotation')} ${verb} for ${titles}: they join it when it is imported.`
}

/** The sentence about orphans, or '' when every imported highlight found its text. */
export function orphanSummary(result: ImportedAnnotations): string {
  if (result.orphaned === 0) return ''
  const which = result.orphaned === 1 ? 'highlight no longer matches' : 'highlights no longer match'
  return `${result.orphaned} ${which} the briefing text: see Orphaned in the notes panel.`
}
