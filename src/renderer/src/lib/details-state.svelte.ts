// Editing an imported briefing's title, source and date (after an import the title is a guess and
// the source is "Unknown source"): which briefing the details form is open for, the save running
// and its error. Bundled briefings are read-only and never get the form.

import type { BriefingSummary } from '../../../shared/ipc-contract'
import type { BriefingDetailsUpdate } from '../../../shared/import-requests'
import { api } from './api'

/** The source an import gives a briefing whose file does not name one. */
export const UNKNOWN_SOURCE = 'Unknown source'

export interface DetailsForm {
  title: string
  source: string
  /** YYYY-MM-DD */
  published: string
}

type UpdateFn = (update: BriefingDetailsUpdate) => Promise<BriefingSummary>

export class DetailsState {
  /** The briefing the form is open for (null: closed). */
  target = $state.raw<BriefingSummary | null>(null)
  busy = $state(false)
  error = $state('')

  /** `onsaved` runs after a save (the app reloads its library and the open briefing). */
  constructor(
    private readonly onsaved: (summary: BriefingSummary) => Promise<void>,
    private readonly update: UpdateFn = api.updateBriefingDetails
  ) {}

  show(briefing: BriefingSummary): void {
    if (this.busy || !briefing.imported) return
    this.error = ''
    this.target = briefing
  }

  close(): void {
    if (this.busy) return
    this.target = null
  }

  /** Saves the form; closes on success, keeps it open with the error otherwise. */
  async save(form: DetailsForm): Promise<void> {
    const briefing = this.target
    if (!briefing || this.busy) return
    this.busy = true
    this.error = ''
    try {
      const saved = await this.update({
        briefingId: briefing.id,
        title: form.title.trim(),
        source: form.source.trim(),
        published: form.published
      })
      this.busy = false
      this.target = null
      await this.onsaved(saved)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = false
    }
  }
}
