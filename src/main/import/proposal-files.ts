// The entities proposed for imported briefings, kept until the analyst has reviewed them: one file
// per briefing in `<userData>/entity-proposals/<id>.json` (profile data, not the library file),
// written atomically, checked when read.

import { join } from 'node:path'

import { describeError } from '../errors'
import type { Briefing, Entity } from '../../shared/dataset'
import type { EntityProposal } from '../../shared/entity-review'
import { MAX_PROPOSALS } from '../../shared/entity-review'
import { briefingIdCheck } from '../../shared/ids'
import { array, int, literal, object, str, validator } from '../../shared/schema'
import { errorCode, nodeStoreFs } from '../fs/node-fs'
import { writeFileAtomically } from '../fs/atomic-write'
import type { StoreFs } from '../fs/types'
import { proposalSample, proposeEntities } from './entity-tagging'
import type { ProposedEntity } from './entity-tagging'

export const PROPOSALS_DIR = 'entity-proposals'
const FORMAT = 'briefing-reader/entity-proposals'

export interface ProposalFile {
  format: typeof FORMAT
  version: 1
  briefingId: string
  /** Characters of the briefing's text analysed (its start), out of totalChars. */
  analysedChars: number
  totalChars: number
  proposals: EntityProposal[]
}

const validateProposalFile = validator(
  object({
    format: literal(FORMAT),
    version: int(1, 1),
    briefingId: briefingIdCheck,
    analysedChars: int(0, Number.MAX_SAFE_INTEGER),
    totalChars: int(0, Number.MAX_SAFE_INTEGER),
    proposals: array(
      object({
        name: str({ min: 1, max: 200 }),
        kind: literal('person', 'organisation', 'place'),
        count: int(1, Number.MAX_SAFE_INTEGER),
        examples: array(str({ max: 2000 }), 10)
      }),
      MAX_PROPOSALS
    )
  })
)

export function proposalPath(userDataDir: string, briefingId: string): string {
  return join(userDataDir, PROPOSALS_DIR, `${briefingId}.json`)
}

/**
 * The people, places and organisations to propose for `briefing` (not among `known`), from the
 * start of its text (see proposalSample); the MAX_PROPOSALS most mentioned.
 */
export async function proposeFor(
  briefing: Briefing,
  known: readonly Entity[],
  propose: (text: string, known: Entity[]) => Promise<ProposedEntity[]> = async (text, k) =>
    proposeEntities(text, k)
): Promise<ProposalFile> {
  const text = briefing.sections.map((s) => s.text).join('\n\n')
  const sample = proposalSample(text)
  return {
    format: FORMAT,
    version: 1,
    briefingId: briefing.id,
    analysedChars: sample.length,
    totalChars: text.length,
    proposals: (await propose(sample, [...known])).slice(0, MAX_PROPOSALS)
  }
}

/**
 * Writes the proposal files (a stale one is removed where there is nothing to propose), then runs
 * `write` (the library files). If either fails, the proposal files written are removed again and
 * the failure returned: an import keeps its proposals exactly when it is kept.
 */
export async function withProposalFiles(
  userDataDir: string,
  files: ProposalFile[],
  fileName: string,
  write: () => Promise<string | undefined>,
  fs: StoreFs = nodeStoreFs
): Promise<string | undefined> {
  const written: string[] = []
  try {
    for (const file of files) {
      const path = proposalPath(userDataDir, file.briefingId)
      if (file.proposals.length === 0) {
        await removeFile(fs, path)
        continue
      }
      await fs.mkdir(join(userDataDir, PROPOSALS_DIR))
      await writeFileAtomically(fs, path, JSON.stringify(file, null, 2))
      written.push(path)
    }
  } catch (error) {
    for (const path of written) await removeFile(fs, path).catch(() => undefined)
    return `"${fileName}" could not be saved in the library: ${describeError(error)}`
  }
  const failure = await write()
  if (failure) for (const path of written) await removeFile(fs, path).catch(() => undefined)
  return failure
}

/** The briefing's proposal file; undefined when it has none. Throws when it cannot be read. */
export async function readProposalFile(
  userDataDir: string,
  briefingId: string,
  fs: StoreFs = nodeStoreFs
): Promise<ProposalFile | undefined> {
  let text: string
  try {
    text = new TextDecoder().decode(await fs.readFile(proposalPath(userDataDir, briefingId)))
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new Error(`the file is not JSON (${(error as Error).message})`)
  }
  const checked = validateProposalFile(json)
  if (!checked.ok) throw new Error(checked.message)
  if (checked.value.briefingId !== briefingId) throw new Error('the file names another briefing')
  return checked.value as ProposalFile
}

/** Replaces the briefing's proposal file atomically, or removes it when nothing is left. */
export async function saveProposalFile(
  userDataDir: string,
  file: ProposalFile,
  fs: StoreFs = nodeStoreFs
): Promise<void> {
  const path = proposalPath(userDataDir, file.briefingId)
  if (file.proposals.length === 0) return removeFile(fs, path)
  await fs.mkdir(join(userDataDir, PROPOSALS_DIR))
  await writeFileAtomically(fs, path, JSON.stringify(file, null, 2))
}

async function removeFile(fs: StoreFs, path: string): Promise<void> {
  try {
    await fs.unlink(path)
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error
  }
}
