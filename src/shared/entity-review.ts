// IPC requests and responses for reviewing the entities proposed for an imported briefing (issue
// #6): each proposal is accepted (possibly renamed, kind changed), merged into a library entity
// (its name becoming an alias) or rejected; proposals left undecided stay for later.

import type { EntityKind } from './dataset'
import { ENTITY_KINDS } from './dataset'
import { BRIEFING_ID_MAX_LENGTH, BRIEFING_ID_PATTERN, briefingIdCheck } from './ids'
import { array, literal, object, str, union, validator } from './schema'
import type { Validator } from './schema'

/** Most proposals kept for one briefing (the most mentioned first). */
export const MAX_PROPOSALS = 200

/** A new person, place or organisation found in an imported briefing's text. */
export interface EntityProposal {
  name: string
  kind: 'person' | 'organisation' | 'place'
  /** Whole-word occurrences in the analysed text, outside known entities' mentions. */
  count: number
  /** Up to three excerpts around occurrences (the mentions in context; the count says how many more). */
  examples: string[]
}

/** An entity a proposal can be merged with. */
export interface MergeTarget {
  id: string
  kind: EntityKind
  name: string
}

/** What the review dialog shows for one briefing. */
export interface EntityReview {
  briefingId: string
  title: string
  proposals: EntityProposal[]
  /** Characters of the briefing's text the proposals come from (the start of it)… */
  analysedChars: number
  /** …out of this many. */
  totalChars: number
  /** The library's entities, for merging. */
  entities: MergeTarget[]
}

/** Briefings with proposals still to review, and how many. */
export interface PendingReview {
  briefingId: string
  count: number
}

/** The analyst's decision on the proposal named `name`. */
export type EntityDecision =
  | { name: string; action: 'accept'; as: { name: string; kind: EntityKind } }
  | { name: string; action: 'merge'; into: string }
  | { name: string; action: 'reject' }

export interface EntityDecisions {
  briefingId: string
  decisions: EntityDecision[]
}

/** What applying decisions did. */
export interface EntityDecisionsResult {
  accepted: number
  merged: number
  rejected: number
  /** Entity mentions in the briefing before and after. */
  mentionsBefore: number
  mentionsAfter: number
  /** Proposals still to review. */
  remaining: number
}

/** An entity id: the dataset gives entities the same form of id as briefings. */
const entityId = str({
  min: 1,
  max: BRIEFING_ID_MAX_LENGTH,
  pattern: BRIEFING_ID_PATTERN,
  describe: 'an id'
})
const NAME = { min: 1, max: 200, describe: 'a name of 1–200 characters' }
const proposalName = str(NAME)

export const validateBriefingReview: Validator<{ briefingId: string }> = validator(
  object({ briefingId: briefingIdCheck })
)

export const validateEntityDecisions: Validator<EntityDecisions> = validator(
  object({
    briefingId: briefingIdCheck,
    decisions: array(
      union<EntityDecision>('action', {
        accept: object({
          name: proposalName,
          action: literal('accept'),
          as: object({
            name: str({ ...NAME, pattern: /\S/ }),
            kind: literal(...(ENTITY_KINDS as EntityKind[]))
          })
        }),
        merge: object({ name: proposalName, action: literal('merge'), into: entityId }),
        reject: object({ name: proposalName, action: literal('reject') })
      }),
      MAX_PROPOSALS
    )
  })
)
