// Importing briefing files (issue #6): files dragged onto the window (the drop overlay while they
// hover), or File → Import / the library's "Import…" button through main's open dialog. Dropped
// files are read and base64-encoded here; a file over the size limit is refused before sending.
// The last report (imported, duplicates, failures) stays until dismissed, or until the analyst,
// having acted on it (Open, Details…, Review), comes back to the library.

import type { DroppedFile, ImportReport } from '../../../shared/import-requests'
import { IMPORT_MAX_BYTES, IMPORT_MAX_FILES } from '../../../shared/import-requests'
import { api } from './api'
import { messageOf } from './errors'
import { bytesToBase64 } from './base64'

const LIMIT_MB = IMPORT_MAX_BYTES / 2 ** 20

/** True when a drag carries files (not text or a link dragged from the page). */
export function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false
}

export class ImportState {
  /** Files are being dragged over the window. */
  dragging = $state(false)
  busy = $state(false)
  /** Dropped files being imported (the dialog's files are not counted: main reads them). */
  pendingFiles = $state(0)
  /** Imports finished since start, whatever their outcome (tests wait on it). */
  completed = $state(0)
  report = $state.raw<ImportReport | null>(null)
  /** The import itself failed (not one file): the message to show. */
  error = $state('')

  /** dragenter/dragleave fire for every element crossed; this counts how deep the drag is. */
  #depth = 0

  /** `onimported` runs after an import that added briefings (the app reloads its library). */
  constructor(private readonly onimported: () => Promise<void>) {}

  dragEnter(event: DragEvent): void {
    if (!carriesFiles(event)) return
    event.preventDefault()
    this.#depth++
    this.dragging = true
  }

  dragOver(event: DragEvent): void {
    if (!carriesFiles(event)) return
    // Without preventDefault the browser would navigate to the dropped file.
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    this.dragging = true
  }

  dragLeave(event: DragEvent): void {
    if (!carriesFiles(event)) return
    this.#depth = Math.max(0, this.#depth - 1)
    if (this.#depth === 0) this.dragging = false
  }

  drop(event: DragEvent): void {
    if (!carriesFiles(event)) return
    event.preventDefault()
    this.#depth = 0
    this.dragging = false
    const files = [...(event.dataTransfer?.files ?? [])]
    if (files.length > 0) void this.importDropped(files)
  }

  /** Reads and sends the dropped files; too large or too many are refused here, by name. */
  async importDropped(files: File[]): Promise<void> {
    this.pendingFiles += files.length
    const refused: ImportReport['failed'] = []
    const accepted: File[] = []
    for (const file of files) {
      if (file.size > IMPORT_MAX_BYTES) {
        const mb = (file.size / 2 ** 20).toFixed(1)
        const message = `"${file.name}" is ${mb} MB; files up to ${LIMIT_MB} MB can be imported.`
        refused.push({ file: file.name, message })
      } else if (accepted.length >= IMPORT_MAX_FILES) {
        const message = `"${file.name}" was not imported: up to ${IMPORT_MAX_FILES} files at once.`
        refused.push({ file: file.name, message })
      } else accepted.push(file)
    }
    await this.#run(async () => {
      const dropped: DroppedFile[] = []
      for (const file of accepted) {
        try {
          const bytes = new Uint8Array(await file.arrayBuffer())
          dropped.push({ name: file.name, base64: bytesToBase64(bytes) })
        } catch (error) {
          refused.push({
            file: file.name,
            message: `"${file.name}" could not be read: ${messageOf(error)}`
          })
        }
      }
      const report = dropped.length > 0 ? await api.importFiles({ files: dropped }) : emptyReport()
      return { ...report, failed: [...refused, ...report.failed] }
    })
    this.pendingFiles -= files.length
  }

  /** Asks main to open its file dialog and import what the analyst picks. */
  async fromDialog(): Promise<void> {
    if (this.busy) return
    await this.#run(async () => {
      const result = await api.importFromDialog()
      if (result.status === 'cancelled') return null
      const { imported, duplicates, versions, failed } = result
      return { imported, duplicates, versions, failed }
    })
  }

  /**
   * Imports the files the system opened with the app. Asked again once a running import ends,
   * so files that arrive meanwhile are not left waiting in main.
   */
  async fromOpened(): Promise<void> {
    if (this.busy) {
      this.#openedWaiting = true
      return
    }
    await this.#run(async () => {
      const result = await api.importOpenedFiles()
      if (result.status === 'cancelled') return null
      const { imported, duplicates, versions, failed } = result
      return { imported, duplicates, versions, failed }
    })
  }

  #openedWaiting = false

  dismiss(): void {
    this.report = null
    this.error = ''
    this.#acted = false
  }

  #acted = false

  /** The analyst used one of the report's actions: it goes once they are back in the library. */
  markActed(): void {
    if (this.report) this.#acted = true
  }

  /** The library is shown again: a report already acted on has done its job. */
  backInLibrary(): void {
    if (this.#acted) this.dismiss()
  }

  async #run(work: () => Promise<ImportReport | null>): Promise<void> {
    this.busy = true
    try {
      const report = await work()
      if (!report) return
      this.error = ''
      this.report = report
      this.#acted = false
      if (report.imported.length > 0) await this.onimported()
    } catch (error) {
      this.report = null
      this.error = messageOf(error)
    } finally {
      this.busy = false
      this.completed += 1
      if (this.#openedWaiting) {
        this.#openedWaiting = false
        void this.fromOpened()
      }
    }
  }
}

function emptyReport(): ImportReport {
  return { imported: [], duplicates: [], versions: [], failed: [] }
}
