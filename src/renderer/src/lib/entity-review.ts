// The entity review form's model: one draft decision per proposed entity (later, accept under a
// name and kind, merge into a library entity, reject), turned into the decisions main applies.

import type { EntityKind } from '../../../shared/dataset'
import type {
  EntityDecision,
  EntityDecisionsResult,
  EntityProposal,
  EntityReview,
  MergeTarget
} from '../../../shared/entity-review'
import { plural } from './format'

export type DraftAction = 'later' | 'accept' | 'merge' | 'reject'

export interface ProposalDraft {
  proposal: EntityProposal
  action: DraftAction
  /** The name to accept it under (the proposed one until edited). */
  name: string
  kind: EntityKind
  /** The library entity to merge with ('' until chosen). */
  into: string
}

export function draftsFor(review: EntityReview): ProposalDraft[] {
  return review.proposals.map((proposal) => ({
    proposal,
    action: 'later',
    name: proposal.name,
    kind: proposal.kind,
    into: ''
  }))
}

/** The library's entities of `kind`, the ones a proposal of that kind can be merged with. */
export function mergeTargets(entities: readonly MergeTarget[], kind: EntityKind): MergeTarget[] {
  return entities.filter((entity) => entity.kind === kind)
}

/**
 * The decisions to send (drafts left for later are not), or the first problem to fix: an accepted
 * name left blank, a merge with no entity chosen, or nothing decided at all.
 */
export function decisionsOf(
  drafts: readonly ProposalDraft[]
): { decisions: EntityDecision[] } | { problem: string } {
  const decisions: EntityDecision[] = []
  for (const { proposal, action, name, kind, into } of drafts) {
    if (action === 'accept') {
      if (name.trim() === '') return { problem: `Give “${proposal.name}” a name to accept it.` }
      decisions.push({ name: proposal.name, action, as: { name: name.trim(), kind } })
    } else if (action === 'merge') {
      if (into === '') return { problem: `Choose the entity to merge “${proposal.name}” with.` }
      decisions.push({ name: proposal.name, action, into })
    } else if (action === 'reject') {
      decisions.push({ name: proposal.name, action })
    }
  }
  if (decisions.length === 0) return { problem: 'Accept, merge or reject at least one entity.' }
  return { decisions }
}

/** Says when the proposals come from the start of a long briefing only; null otherwise. */
export function coverageNote(review: EntityReview): string | null {
  if (review.analysedChars >= review.totalChars) return null
  const n = (count: number) => count.toLocaleString('en-GB')
  return (
    `Proposed from the first ${n(review.analysedChars)} of ${n(review.totalChars)} characters ` +
    'of this long briefing: names only mentioned further on are not listed.'
  )
}

/** What an applied review did, in a sentence. */
export function resultMessage(result: EntityDecisionsResult): string {
  const done = [
    result.accepted > 0 ? `${result.accepted} accepted` : '',
    result.merged > 0 ? `${result.merged} merged` : '',
    result.rejected > 0 ? `${result.rejected} rejected` : ''
  ].filter((part) => part !== '')
  const added = result.mentionsAfter - result.mentionsBefore
  const mentions = added > 0 ? `; ${plural(added, 'new mention')} tagged` : ''
  return `Saved: ${done.join(', ')}${mentions}.`
}

/** `example` cut where `name` occurs (whole words are not checked: it is only emphasis). */
export function exampleParts(example: string, name: string): { text: string; name: boolean }[] {
  const parts: { text: string; name: boolean }[] = []
  let from = 0
  for (let at = example.indexOf(name); at !== -1 && name !== ''; at = example.indexOf(name, from)) {
    if (at > from) parts.push({ text: example.slice(from, at), name: false })
    parts.push({ text: name, name: true })
    from = at + name.length
  }
  if (from < example.length) parts.push({ text: example.slice(from), name: false })
  return parts
}
