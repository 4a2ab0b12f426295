// The export dialog: whether it is open, the analyst's choices (remembered for the session), the
// export or import running, its error, and the last results shown as notices over the views.

import type {
  ExportOptions,
  ExportResult,
  ImportAnnotationsResult
} from '../../../shared/annotation-requests'
import { api } from './api'
import { messageOf } from './errors'
import { DEFAULT_EXPORT_FORM, toExportOptions } from './export-options'
import type { ExportForm, ExportScope, ImportedAnnotations, WrittenExport } from './export-options'

type ExportFn = (options: ExportOptions) => Promise<ExportResult>
type ImportFn = () => Promise<ImportAnnotationsResult>
type BackupFn = () => Promise<ExportResult>

export class ExportState {
  open = $state(false)
  form = $state<ExportForm>({ ...DEFAULT_EXPORT_FORM })
  /** What is waiting for main (its save or open dialog, then the writing or reading). */
  busy = $state<'export' | 'import' | 'backup' | null>(null)
  /** Why the last export or import failed, shown in the dialog. */
  error = $state('')
  exported = $state.raw<WrittenExport | null>(null)
  imported = $state.raw<ImportedAnnotations | null>(null)

  readonly #export: ExportFn
  readonly #import: ImportFn
  readonly #backup: BackupFn

  constructor(
    exportFn: ExportFn = api.exportNotes,
    importFn: ImportFn = api.importAnnotations,
    backupFn: BackupFn = api.exportBackup
  ) {
    this.#export = exportFn
    this.#import = importFn
    this.#backup = backupFn
  }

  /**
   * Opens the dialog. Without an open briefing the scope is the library; otherwise `scope` when
   * given (the entry point's own), else the last one chosen.
   */
  show(briefingOpen: boolean, scope?: ExportScope): void {
    if (this.open) return
    if (!briefingOpen) this.form.scope = 'library'
    else if (scope) this.form.scope = scope
    this.error = ''
    this.open = true
  }

  close(): void {
    if (this.busy) return
    this.open = false
  }

  /** Exports with the current choices; closes on success (with a notice) or when cancelled. */
  async submit(briefingId: string | null): Promise<void> {
    if (this.busy) return
    this.busy = 'export'
    this.error = ''
    this.exported = null
    try {
      const result = await this.#export(toExportOptions(this.form, briefingId))
      if (result.status === 'written') this.exported = result
      this.busy = null
      this.open = false
    } catch (error) {
      this.busy = null
      this.error = `The notes were not exported: ${messageOf(error)}`
    }
  }

  /** Writes the library backup (imported briefings and every annotation) where main asks. */
  async backup(): Promise<void> {
    if (this.busy) return
    this.busy = 'backup'
    this.error = ''
    this.exported = null
    try {
      const result = await this.#backup()
      if (result.status === 'written') this.exported = result
      this.busy = null
      this.open = false
    } catch (error) {
      this.busy = null
      this.error = `The library backup was not written: ${messageOf(error)}`
    }
  }

  /** Imports a W3C annotation file or a library backup; returns the result when something was imported. */
  async importFile(): Promise<ImportedAnnotations | null> {
    if (this.busy) return null
    this.busy = 'import'
    this.error = ''
    this.imported = null
    try {
      const result = await this.#import()
      this.busy = null
      if (result.status !== 'imported') return null
      this.imported = result
      this.open = false
      return result
    } catch (error) {
      this.busy = null
      this.error = `The annotations were not imported: ${messageOf(error)}`
      return null
    }
  }
}
