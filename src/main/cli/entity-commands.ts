// `entities list|accept|reject|merge`: the review of the entities proposed for an imported
// briefing, headless, through the same service as the app's review dialog (all or nothing).

import type { EntityKind } from '../../shared/dataset'
import type { EntityDecision, EntityProposal } from '../../shared/entity-review'
import { applyEntityReview, entityReview, pendingReviews } from '../import/entity-review-service'
import { defaultUserDataDir } from '../paths'
import type { CliArgs } from './args'
import { UsageError } from './args'
import { AppError } from '../errors'
import { withServices, withWriter } from './services'
import type { Output } from './services'

const PROPOSED_KINDS = ['person', 'organisation', 'place'] as const

export async function entitiesCommand(args: CliArgs, io: Output): Promise<number> {
  const [verb, briefingId, ...names] = args.positionals
  const userDataDir = args.profile ?? defaultUserDataDir()
  if (verb === 'list')
    return briefingId ? listProposals(args, io, briefingId) : listPending(args, io)
  if (verb !== 'accept' && verb !== 'reject' && verb !== 'merge') {
    throw new UsageError('entities needs list, accept, reject or merge')
  }
  if (!briefingId) throw new UsageError(`entities ${verb} needs a briefing id (see entities list)`)
  if (verb === 'merge' && names.length !== 2) {
    throw new UsageError('entities merge needs a briefing id, a proposed name and an entity id')
  }
  if (verb !== 'merge' && names.length === 0 && args.kind === undefined && !args.rest) {
    throw new UsageError(`entities ${verb} needs names, --kind <kind> or --rest`)
  }
  if (args.as !== undefined && (verb !== 'accept' || names.length !== 1)) {
    throw new UsageError('--as renames one accepted name')
  }
  return withWriter(args, async (services) => {
    const review = await entityReview(services, userDataDir, briefingId)
    const chosen = choose(review.proposals, verb === 'merge' ? names.slice(0, 1) : names, args)
    const decisions: EntityDecision[] = chosen.map((proposal): EntityDecision => {
      if (verb === 'reject') return { name: proposal.name, action: 'reject' }
      if (verb === 'merge') return { name: proposal.name, action: 'merge', into: names[1]! }
      const kind: EntityKind = args.as !== undefined && args.kind ? args.kind : proposal.kind
      return { name: proposal.name, action: 'accept', as: { name: args.as ?? proposal.name, kind } }
    })
    const result = await applyEntityReview(services, userDataDir, { briefingId, decisions })
    if (args.json) io.out(JSON.stringify(result, null, 2))
    else {
      io.out(
        `${review.title}: ${result.accepted} accepted, ${result.merged} merged, ${result.rejected} rejected; ` +
          `entity mentions ${result.mentionsBefore} → ${result.mentionsAfter}; ${result.remaining} left to review`
      )
    }
    return 0
  })
}

/**
 * The proposals a command names: each name given (an unknown one is an error, naming what is
 * proposed), or all of `--kind` (with no names), or with `--rest` all not named.
 */
function choose(proposals: EntityProposal[], names: string[], args: CliArgs): EntityProposal[] {
  for (const name of names) {
    if (!proposals.some((p) => p.name === name)) {
      throw new AppError(
        'invalid-request',
        `“${name}” is not proposed for this briefing; proposed: ${proposals.map((p) => p.name).join(', ') || 'none'}`
      )
    }
  }
  if (args.rest) return proposals.filter((p) => !names.includes(p.name))
  if (names.length === 0) return proposals.filter((p) => p.kind === args.kind)
  return proposals.filter((p) => names.includes(p.name))
}

async function listPending(args: CliArgs, io: Output): Promise<number> {
  const userDataDir = args.profile ?? defaultUserDataDir()
  const pending = await withServices(args, async (s) => {
    const list = await pendingReviews(s, userDataDir)
    return list.map((p) => ({
      ...p,
      title: s.library.briefings.find((b) => b.id === p.briefingId)?.title ?? p.briefingId
    }))
  })
  if (args.json) io.out(JSON.stringify(pending, null, 2))
  else if (pending.length === 0) io.out('No entities to review.')
  else for (const p of pending) io.out(`${p.briefingId}\t${p.count} to review\t${p.title}`)
  return 0
}

async function listProposals(args: CliArgs, io: Output, briefingId: string): Promise<number> {
  const userDataDir = args.profile ?? defaultUserDataDir()
  const review = await withServices(args, (s) => entityReview(s, userDataDir, briefingId))
  if (args.json) {
    io.out(JSON.stringify(review.proposals, null, 2))
    return 0
  }
  io.out(`${review.title}: ${review.proposals.length} to review`)
  for (const kind of PROPOSED_KINDS) {
    for (const p of review.proposals.filter((p) => p.kind === kind)) {
      io.out(`\n${p.name}\t${p.kind}\t${p.count} mention${p.count === 1 ? '' : 's'}`)
      for (const example of p.examples) io.out(`  ${example}`)
    }
  }
  return 0
}
