// Reviewing the entities proposed for imported briefings: how many each briefing still has (for
// the "Entities to review (N)" actions), the review dialog's briefing, drafts and save. After a
// save the dialog stays open on what is left, or closes when nothing is.

import type { EntityProposal, EntityReview } from '../../../shared/entity-review'
import { api } from './api'
import { messageOf } from './errors'
import type { ProposalDraft } from './entity-review'
import { decisionsOf, draftsFor, resultMessage } from './entity-review'

export class EntityReviewState {
  /** Proposals still to review, by briefing id (replaced whole on each refresh). */
  pending = $state.raw<Readonly<Record<string, number>>>({})
  /** The briefing the dialog is open for (null: closed). */
  briefingId = $state<string | null>(null)
  review = $state.raw<EntityReview | null>(null)
  drafts = $state<ProposalDraft[]>([])
  loading = $state(false)
  busy = $state(false)
  error = $state('')
  /** What the last save did, shown in the dialog. */
  saved = $state('')

  /** `onapplied` runs after a save (the app reloads the library and the open briefing). */
  constructor(private readonly onapplied: (briefingId: string) => Promise<void>) {}

  /** Every proposal of `kind` still for later is accepted as proposed (others keep their choice). */
  acceptAll(kind: EntityProposal['kind']): void {
    for (const draft of this.drafts) {
      if (draft.proposal.kind === kind && draft.action === 'later') draft.action = 'accept'
    }
  }

  /** Every proposal still for later is rejected. */
  rejectRest(): void {
    for (const draft of this.drafts) if (draft.action === 'later') draft.action = 'reject'
  }

  /** How many proposals of `kind` are still for later (what "Accept all" would change). */
  laterOf(kind?: EntityProposal['kind']): number {
    return this.drafts.filter(
      (d) => d.action === 'later' && (kind === undefined || d.proposal.kind === kind)
    ).length
  }

  count(briefingId: string): number {
    return this.pending[briefingId] ?? 0
  }

  /** Reads which briefings have proposals left; on failure the counts stay as they were. */
  async refresh(): Promise<void> {
    try {
      const list = await api.pendingEntityReviews()
      this.pending = Object.fromEntries(list.map((item) => [item.briefingId, item.count]))
    } catch {
      // The actions just keep their previous counts; opening a review reports its own error.
    }
  }

  async open(briefingId: string): Promise<void> {
    if (this.busy) return
    this.briefingId = briefingId
    this.saved = ''
    await this.#load(briefingId)
  }

  close(): void {
    if (this.busy) return
    this.briefingId = null
    this.review = null
    this.drafts = []
    this.error = ''
    this.saved = ''
  }

  /** Sends the decided drafts; the undecided ones stay for later. */
  async apply(): Promise<void> {
    const briefingId = this.briefingId
    if (!briefingId || this.busy || this.loading) return
    const checked = decisionsOf(this.drafts)
    if ('problem' in checked) {
      this.error = checked.problem
      return
    }
    this.busy = true
    this.error = ''
    try {
      const result = await api.applyEntityDecisions({ briefingId, decisions: checked.decisions })
      this.busy = false
      await Promise.all([this.refresh(), this.onapplied(briefingId)])
      if (result.remaining === 0) this.close()
      else {
        await this.#load(briefingId)
        this.saved = resultMessage(result)
      }
    } catch (error) {
      this.error = messageOf(error)
    } finally {
      this.busy = false
    }
  }

  async #load(briefingId: string): Promise<void> {
    this.loading = true
    this.error = ''
    try {
      const review = await api.reviewEntities({ briefingId })
      if (this.briefingId !== briefingId) return
      this.review = review
      this.drafts = draftsFor(review)
    } catch (error) {
      this.review = null
      this.error = messageOf(error)
    } finally {
      this.loading = false
    }
  }
}
