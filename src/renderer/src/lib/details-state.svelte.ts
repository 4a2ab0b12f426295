// Editing an imported briefing's title, source and date: which briefing the details form is open
// for, which of its details the file lacked (guessed at import: the form opens by itself for those,
// one briefing after another), the save running and its error. Bundled briefings never get it.

import type { BriefingSummary } from '../../../shared/library'
import type { BriefingDetail, BriefingDetailsUpdate } from '../../../shared/import-requests'
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

/** An imported briefing whose file lacked some details. */
export interface GuessedDetails {
  briefing: BriefingSummary
  guessed: BriefingDetail[]
}

export class DetailsState {
  /** The briefing the form is open for (null: closed). */
  target = $state.raw<BriefingSummary | null>(null)
  busy = $state(false)
  error = $state('')
  /** The details of the open briefing that its file lacked (filled in with guesses). */
  guessed = $state.raw<BriefingDetail[]>([])
  /** Where the open form is in a series asked after an import ("2 of 3"); null outside one. */
  step = $state.raw<{ index: number; total: number } | null>(null)
  #queue: GuessedDetails[] = []

  /** `onsaved` runs after a save (the app reloads its library and the open briefing). */
  constructor(
    private readonly onsaved: (summary: BriefingSummary) => Promise<void>,
    private readonly update: UpdateFn = api.updateBriefingDetails
  ) {}

  show(briefing: BriefingSummary, guessed: BriefingDetail[] = []): void {
    if (this.busy || !briefing.imported) return
    this.#queue = []
    this.step = null
    this.guessed = guessed
    this.error = ''
    this.target = briefing
  }

  /** After an import: asks for the guessed details of each briefing, one after another. */
  askAfterImport(items: GuessedDetails[]): void {
    const asked = items.filter((item) => item.briefing.imported && item.guessed.length > 0)
    if (this.busy || this.target || asked.length === 0) return
    this.#queue = asked
    this.#next(asked.length)
  }

  /** Closes the form; in a series the next briefing's form follows. */
  close(): void {
    if (this.busy) return
    this.target = null
    this.#next()
  }

  #next(total = this.step?.total ?? 0): void {
    const next = this.#queue.shift()
    this.guessed = next?.guessed ?? []
    this.step = next && total > 1 ? { index: total - this.#queue.length, total } : null
    this.error = ''
    this.target = next?.briefing ?? null
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
      // The next form of a series opens at once; the library reloads behind it.
      this.#next()
      await this.onsaved(saved)
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error)
    } finally {
      this.busy = false
    }
  }
}
