// Briefing versions in the renderer (issue #6): the analyst's decision on each import offered as
// a new version (replace, import apart, skip), the "Versions…" dialog of an imported briefing
// (kept versions, restore one) and the re-anchoring report shown after a replace or a restore.

import type {
  ReanchorReport,
  VersionDecision,
  VersionList,
  VersionOffer
} from '../../../shared/version-requests'
import { api } from './api'
import { messageOf } from './errors'

export type VersionsView = 'closed' | 'list' | 'report'

export class VersionsState {
  /** What the dialog shows. */
  view = $state<VersionsView>('closed')
  list = $state.raw<VersionList | null>(null)
  report = $state.raw<ReanchorReport | null>(null)
  busy = $state(false)
  /** The dialog's last failure (listing or restoring). */
  error = $state('')
  /** Offer token → what became of it ("Replaced", "Imported as …", "Skipped"). */
  outcomes = $state.raw<Record<string, string>>({})
  /** Offer token → why the decision failed (the offer stays open). */
  offerErrors = $state.raw<Record<string, string>>({})
  /** The offer whose decision is running. */
  deciding = $state<string | null>(null)

  /** `onchanged` runs after a briefing's text changed or a briefing was added. */
  constructor(private readonly onchanged: (briefingId: string) => Promise<void>) {}

  async decide(offer: VersionOffer, mode: VersionDecision): Promise<void> {
    if (this.deciding || this.outcomes[offer.token]) return
    this.deciding = offer.token
    this.offerErrors = { ...this.offerErrors, [offer.token]: '' }
    try {
      const result = await api.decideVersion({ token: offer.token, mode })
      const outcome =
        result.status === 'replaced'
          ? 'Replaced with the new version.'
          : result.status === 'imported'
            ? 'Imported as a separate briefing.'
            : 'Skipped.'
      this.outcomes = { ...this.outcomes, [offer.token]: outcome }
      if (result.status === 'replaced') this.#showReport(result.report)
      if (result.status !== 'skipped') {
        await this.onchanged(result.status === 'replaced' ? offer.briefingId : result.briefingId)
      }
    } catch (error) {
      this.offerErrors = { ...this.offerErrors, [offer.token]: messageOf(error) }
    } finally {
      this.deciding = null
    }
  }

  /** Opens the dialog on the kept versions of `briefingId`. */
  async show(briefingId: string): Promise<void> {
    this.view = 'list'
    this.list = null
    this.error = ''
    this.busy = true
    try {
      this.list = await api.listVersions({ briefingId })
    } catch (error) {
      this.error = messageOf(error)
    } finally {
      this.busy = false
    }
  }

  async restore(version: number): Promise<void> {
    const list = this.list
    if (!list || this.busy) return
    this.busy = true
    this.error = ''
    try {
      const report = await api.restoreVersion({ briefingId: list.briefingId, version })
      this.busy = false
      this.#showReport(report)
      await this.onchanged(list.briefingId)
    } catch (error) {
      this.error = messageOf(error)
    } finally {
      this.busy = false
    }
  }

  close(): void {
    if (this.busy) return
    this.view = 'closed'
  }

  #showReport(report: ReanchorReport): void {
    this.report = report
    this.error = ''
    this.view = 'report'
  }
}
